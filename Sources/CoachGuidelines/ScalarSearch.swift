/// The first index in `start..<end` where `buffer` holds `value`, or `end` when there is none.
///
/// Eight scalars are compared at a time (one SIMD comparison, no branch per scalar): most of a
/// text is skipped this way when looking for the first scalar of a name or word.
@inline(__always)
func firstIndex(of value: UInt32, in buffer: UnsafeBufferPointer<UInt32>, from start: Int, to end: Int) -> Int {
  precondition(start >= 0 && end <= buffer.count)
  var i = start
  if let base = buffer.baseAddress {
    let splat = SIMD8<UInt32>(repeating: value)
    // Every chunk read lies inside `start..<end`, within the buffer (checked above).
    while i + 8 <= end {
      let chunk = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<UInt32>.self)
      if any(chunk .== splat) { break }
      i += 8
    }
  }
  while i < end && buffer[i] != value { i += 1 }
  return i
}
