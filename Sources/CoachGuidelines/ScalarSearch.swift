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

/// Whether `text` holds `length` upper-case ASCII letters in a row: the quick exit, over the bytes in
/// place, of the capital-letter checks (a shouted customer message, ALL-CAPS runs in a reply).
func hasCapitalRun(_ text: String, length: Int) -> Bool {
  func scan<S: Sequence<UInt8>>(_ bytes: S) -> Bool {
    var run = 0
    for byte in bytes {
      run = (byte >= 0x41 && byte <= 0x5A) ? run + 1 : 0
      if run >= length { return true }
    }
    return false
  }
  return text.utf8.withContiguousStorageIfAvailable(scan) ?? scan(text.utf8)
}
