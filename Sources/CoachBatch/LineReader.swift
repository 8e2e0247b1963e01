#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte stream into lines, reading fixed-size chunks (never the whole input).
///
/// Lines end at `\n`; a `\r` before it is dropped (CRLF files). A UTF-8 byte-order mark at the
/// very start is skipped. A line longer than `maxLineBytes` is not kept: its bytes are skipped
/// up to the next newline and the line is returned with `isOverlong` set and no content, so
/// memory stays bounded whatever the input.
struct LineReader {
  struct Line {
    /// The line's bytes in ``LineReader/buffer`` (valid until the next call to `next()`).
    var range: Range<Int>
    /// 1-based line number.
    var number: Int
    var isOverlong: Bool
  }

  private(set) var buffer: [UInt8]
  private var start = 0
  private var end = 0
  private var atEOF = false
  private var lineNumber = 0
  private var checkedBOM = false
  /// Bytes of the input consumed so far (through the end of the last returned line).
  private(set) var consumed = 0
  /// Whether the input started with a UTF-8 byte-order mark.
  private(set) var hadBOM = false
  let source: ByteSource
  let chunkSize: Int
  let maxLineBytes: Int

  init(source: ByteSource, chunkSize: Int = 1 << 20, maxLineBytes: Int = 64 << 20) {
    self.source = source
    self.chunkSize = max(16, chunkSize)
    self.maxLineBytes = max(16, maxLineBytes)
    buffer = [UInt8](repeating: 0, count: self.chunkSize)
  }

  /// Reads until the buffer holds `count` bytes or the input ends, and returns them without
  /// consuming anything (format sniffing).
  mutating func peek(_ count: Int) throws(InputError) -> ArraySlice<UInt8> {
    while end - start < count && !atEOF {
      try fill()
    }
    skipBOM()
    return buffer[start..<min(end, start + count)]
  }

  /// The next line, or `nil` at the end of the input.
  mutating func next() throws(InputError) -> Line? {
    var searchFrom = start
    var overlong = false
    while true {
      if !checkedBOM {
        if end - start < 3 && !atEOF {
          try fill()
          continue
        }
        skipBOM()
        searchFrom = start
      }
      if let newline = findNewline(from: searchFrom) {
        lineNumber += 1
        var lineEnd = newline
        if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        let line = Line(range: overlong ? start..<start : start..<lineEnd, number: lineNumber, isOverlong: overlong)
        consumed += newline + 1 - start
        start = newline + 1
        return line
      }
      searchFrom = end
      if atEOF {
        guard end > start || overlong else { return nil }
        lineNumber += 1
        var lineEnd = end
        if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        let line = Line(range: overlong ? start..<start : start..<lineEnd, number: lineNumber, isOverlong: overlong)
        consumed += end - start
        start = end
        return line
      }
      if end - start >= maxLineBytes {
        // Too long to keep: drop what we have and keep looking for the newline.
        overlong = true
        consumed += end - start
        start = end
      }
      // `fill` may move the pending bytes to the front: keep the search position relative.
      let searched = end - start
      try fill()
      searchFrom = start + searched
    }
  }

  private mutating func skipBOM() {
    guard !checkedBOM else { return }
    checkedBOM = true
    if end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF {
      start += 3
      consumed += 3
      hadBOM = true
    }
  }

  private func findNewline(from index: Int) -> Int? {
    guard index < end else { return nil }
    return buffer.withUnsafeBufferPointer { p -> Int? in
      guard let found = memchr(p.baseAddress! + index, 0x0A, end - index) else { return nil }
      return p.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
  }

  /// Moves unread bytes to the front (or grows the buffer) and reads one more chunk.
  private mutating func fill() throws(InputError) {
    guard !atEOF else { return }
    if start > 0 {
      let pending = end - start
      if pending > 0 {
        buffer.withUnsafeMutableBytes { p in
          p.baseAddress!.copyMemory(from: p.baseAddress! + start, byteCount: pending)
        }
      }
      end = pending
      start = 0
    }
    if buffer.count > 4 * chunkSize && end <= chunkSize / 2 {
      // A long line grew the buffer; give the memory back.
      var smaller = [UInt8](repeating: 0, count: chunkSize)
      smaller.withUnsafeMutableBytes { to in buffer.withUnsafeBytes { from in to.copyMemory(from: UnsafeRawBufferPointer(rebasing: from[0..<end])) } }
      buffer = smaller
    }
    if buffer.count - end < chunkSize / 2 {
      buffer.append(contentsOf: repeatElement(0, count: max(chunkSize, buffer.count)))
    }
    let room = buffer.count - end
    let source = self.source
    let result = buffer.withUnsafeMutableBytes { p -> Result<Int, InputError> in
      do throws(InputError) {
        return .success(try source.read(into: UnsafeMutableRawBufferPointer(rebasing: p[end..<(end + room)])))
      } catch {
        return .failure(error)
      }
    }
    let count = try result.get()
    if count == 0 { atEOF = true } else { end += count }
  }
}
