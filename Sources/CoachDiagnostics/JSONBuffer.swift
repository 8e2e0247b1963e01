/// A fast, append-only JSON writer over UTF-8 bytes (for output that must keep a fixed key
/// order, such as the evaluation contract, and be cheap enough for batch scoring).
public struct JSONBuffer: Sendable {
  public private(set) var bytes: [UInt8] = []

  public init(capacity: Int = 512) {
    bytes.reserveCapacity(capacity)
  }

  public var string: String { String(decoding: bytes, as: UTF8.self) }

  /// Appends raw, already-valid JSON text (punctuation, numbers, literals).
  public mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  public mutating func raw(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  public mutating func int(_ value: Int) {
    if value >= 0 && value < 10 {
      bytes.append(UInt8(ascii: "0") + UInt8(value))
    } else {
      bytes.append(contentsOf: String(value).utf8)
    }
  }

  public mutating func optionalInt(_ value: Int?) {
    if let value { int(value) } else { raw("null") }
  }

  public mutating func bool(_ value: Bool) {
    if value { raw("true") } else { raw("false") }
  }

  /// A JSON string literal (or `null`), escaping quotes, backslashes, control characters and
  /// U+2028/U+2029.
  public mutating func string(_ value: String?) {
    guard let value else {
      raw("null")
      return
    }
    bytes.append(UInt8(ascii: "\""))
    if !needsEscaping(value) {
      bytes.append(contentsOf: value.utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    var previous: UInt8 = 0, beforePrevious: UInt8 = 0
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): raw("\\\"")
      case UInt8(ascii: "\\"): raw("\\\\")
      case 0x0A: raw("\\n")
      case 0x0D: raw("\\r")
      case 0x09: raw("\\t")
      case 0x00..<0x20, 0x7F:
        raw("\\u00")
        bytes.append(hex(byte >> 4))
        bytes.append(hex(byte & 0xF))
      case 0xA8, 0xA9 where beforePrevious == 0xE2 && previous == 0x80:
        // U+2028 / U+2029: replace the three bytes already written with an escape.
        bytes.removeLast(2)
        raw(byte == 0xA8 ? "\\u2028" : "\\u2029")
      default:
        bytes.append(byte)
      }
      beforePrevious = previous
      previous = byte
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// True when a string has a byte JSON must escape (checked in one tight pass).
  private func needsEscaping(_ value: String) -> Bool {
    let check = { (buffer: UnsafeBufferPointer<UInt8>) -> Bool in
      var i = 0
      let n = buffer.count
      while i < n {
        let b = buffer[i]
        if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return true }
        if b == 0xE2 && i + 2 < n && buffer[i + 1] == 0x80 && (buffer[i + 2] == 0xA8 || buffer[i + 2] == 0xA9) { return true }
        i += 1
      }
      return false
    }
    if let result = value.utf8.withContiguousStorageIfAvailable(check) { return result }
    return Array(value.utf8).withUnsafeBufferPointer(check)
  }

  private func hex(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
  }
}
