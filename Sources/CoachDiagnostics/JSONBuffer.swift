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

  /// A JSON string literal (or `null`), escaping quotes, backslashes, C0 and C1 control
  /// characters, U+2028/U+2029 and bidirectional overrides (so JSON printed to a terminal is safe).
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
    for scalar in value.unicodeScalars {
      switch scalar.value {
      case 0x22: raw("\\\"")
      case 0x5C: raw("\\\\")
      case 0x0A: raw("\\n")
      case 0x0D: raw("\\r")
      case 0x09: raw("\\t")
      case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
        raw("\\u")
        let hexDigits = String(scalar.value, radix: 16)
        for _ in hexDigits.count..<4 { bytes.append(UInt8(ascii: "0")) }
        bytes.append(contentsOf: hexDigits.utf8)
      default:
        bytes.append(contentsOf: String(scalar).utf8)
      }
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
        if b == 0xC2 && i + 1 < n && buffer[i + 1] < 0xA0 { return true }  // C1 controls
        if b == 0xE2 && i + 2 < n {
          let b1 = buffer[i + 1], b2 = buffer[i + 2]
          // U+2028/2029, bidi embeddings/overrides U+202A–202E, isolates U+2066–2069.
          if b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9 || (0xAA...0xAE).contains(b2)) { return true }
          if b1 == 0x81 && (0xA6...0xA9).contains(b2) { return true }
        }
        i += 1
      }
      return false
    }
    if let result = value.utf8.withContiguousStorageIfAvailable(check) { return result }
    return Array(value.utf8).withUnsafeBufferPointer(check)
  }

}
