import CoachDiagnostics
import Foundation

/// A trainer's file split into lines of Unicode scalars, so columns are 1-based scalar counts.
///
/// Invalid UTF-8 becomes U+FFFD and is reported once, at the first bad byte's line and column,
/// with the number of bad bytes in the file. A leading byte-order mark is dropped; CRLF and CR
/// line ends are accepted.
struct SourceText {
  var path: String
  /// One entry per line, without its line terminator.
  var lines: [[Unicode.Scalar]]
  var diagnostics: [Diagnostic] = []

  init(data: Data, path: String) {
    self.path = path
    var lines: [[Unicode.Scalar]] = [[]]
    var firstBad: (line: Int, column: Int, byte: UInt8)?
    var badCount = 0
    let bytes = [UInt8](data)
    var i = 0
    let n = bytes.count
    if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
    var previousWasCR = false
    while i < n {
      let (scalar, length) = SourceText.decode(bytes, at: i)
      guard let scalar else {
        badCount += 1
        if firstBad == nil { firstBad = (lines.count, lines[lines.count - 1].count + 1, bytes[i]) }
        lines[lines.count - 1].append("\u{FFFD}")
        i += length
        previousWasCR = false
        continue
      }
      i += length
      switch scalar {
      case "\n":
        if !previousWasCR { lines.append([]) }
        previousWasCR = false
      case "\r":
        lines.append([])
        previousWasCR = true
      default:
        lines[lines.count - 1].append(scalar)
        previousWasCR = false
      }
    }
    // A final line terminator does not start another line.
    if lines.count > 1 && lines[lines.count - 1].isEmpty { lines.removeLast() }
    self.lines = lines
    if let firstBad {
      let hex = String(firstBad.byte, radix: 16, uppercase: true)
      let more = badCount > 1 ? " (\(badCount) invalid bytes in all)" : ""
      diagnostics.append(
        .error(
          "invalid-utf8", "invalid UTF-8 byte 0x\(hex); save the file as UTF-8\(more)",
          at: SourceLocation(path: path, line: firstBad.line, column: firstBad.column)))
    }
  }

  /// Decodes one scalar at `i`: the scalar (or `nil` for an invalid sequence) and the bytes used.
  /// An invalid sequence consumes its maximal valid prefix, or one byte.
  static func decode(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
    let b0 = bytes[i]
    if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
    let count: Int
    var value: UInt32
    var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
    switch b0 {
    case 0xC2...0xDF: count = 2; value = UInt32(b0 & 0x1F)
    case 0xE0: count = 3; value = UInt32(b0 & 0x0F); lower = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: count = 3; value = UInt32(b0 & 0x0F)
    case 0xED: count = 3; value = UInt32(b0 & 0x0F); upper = 0x9F
    case 0xF0: count = 4; value = UInt32(b0 & 0x07); lower = 0x90
    case 0xF1...0xF3: count = 4; value = UInt32(b0 & 0x07)
    case 0xF4: count = 4; value = UInt32(b0 & 0x07); upper = 0x8F
    default: return (nil, 1)
    }
    var j = 1
    while j < count {
      guard i + j < bytes.count else { return (nil, j) }
      let b = bytes[i + j]
      let (lo, hi) = j == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
      guard b >= lo && b <= hi else { return (nil, j) }
      value = value << 6 | UInt32(b & 0x3F)
      j += 1
    }
    return (Unicode.Scalar(value), count)
  }

  func location(line: Int, column: Int, length: Int? = nil) -> SourceLocation {
    SourceLocation(path: path, line: line, column: column, endColumn: length.map { column + max(1, $0) })
  }
}

/// A 64-bit FNV-1a hash of bytes, as 16 hex digits: the content hash of a scenario file.
func fnv1a64(_ data: Data) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in data {
    hash ^= UInt64(byte)
    hash = hash &* 0x0000_0100_0000_01B3
  }
  let hex = String(hash, radix: 16)
  return String(repeating: "0", count: 16 - hex.count) + hex
}
