/// A fast, append-only JSON writer over UTF-8 bytes (for output that must keep a fixed key
/// order, such as the evaluation contract, and be cheap enough for batch scoring).
public struct JSONBuffer: Sendable {
  public private(set) var bytes: [UInt8] = []

  public init(capacity: Int = 512) {
    bytes.reserveCapacity(capacity)
  }

  public var string: String { String(decoding: bytes, as: UTF8.self) }

  public mutating func append(_ byte: UInt8) { bytes.append(byte) }
  public mutating func append(contentsOf other: [UInt8]) { bytes.append(contentsOf: other) }

  public mutating func raw(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// Appends raw, already-valid JSON text (punctuation, numbers, literals).
  public mutating func raw(_ text: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  public mutating func int(_ value: Int) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      int(-value)
      return
    }
    if value < 10 {
      bytes.append(UInt8(truncatingIfNeeded: 48 + value))
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var v = value
    withUnsafeMutableBytes(of: &digits) { d in
      while v > 0 {
        d[count] = UInt8(truncatingIfNeeded: 48 + v % 10)
        v /= 10
        count += 1
      }
      for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(d[k]) }
    }
  }

  public mutating func optionalInt(_ value: Int?) {
    if let value { int(value) } else { raw("null") }
  }

  /// Appends `,"key":value` for each field; values are raw JSON.
  public mutating func rawFields(_ fields: [(String, String)]) {
    for (key, value) in fields {
      raw(",")
      string(key)
      raw(":")
      raw(value)
    }
  }

  public mutating func bool(_ value: Bool) {
    if value { raw("true") } else { raw("false") }
  }

  /// A JSON string literal (or `null`), escaping quotes, backslashes, C0 and C1 control
  /// characters, U+2028/U+2029 and bidirectional overrides (so JSON printed to a terminal is safe).
  public mutating func string(_ value: String?) {
    guard var value else {
      raw("null")
      return
    }
    value.withUTF8 { appendEscaped($0) }
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  private mutating func escape(_ scalar: UInt32) {
    bytes.append(UInt8(ascii: "\\"))
    bytes.append(UInt8(ascii: "u"))
    bytes.append(JSONBuffer.hexDigits[Int((scalar >> 12) & 0xF)])
    bytes.append(JSONBuffer.hexDigits[Int((scalar >> 8) & 0xF)])
    bytes.append(JSONBuffer.hexDigits[Int((scalar >> 4) & 0xF)])
    bytes.append(JSONBuffer.hexDigits[Int(scalar & 0xF)])
  }

  /// Appends a JSON string literal of valid UTF-8 bytes, copying safe runs in one go.
  mutating func appendEscaped(_ p: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    var runStart = 0
    var i = 0
    let n = p.count
    func flush(_ upTo: Int, _ out: inout [UInt8]) {
      if upTo > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<upTo])) }
    }
    let raw = UnsafeRawPointer(p.baseAddress!)
    while i < n {
      // Eight bytes at a time while none can need an escape (SWAR: a byte below 0x20, or equal
      // to '"', '\\', DEL, 0xC2 or 0xE2, the lead bytes of C1 controls and of U+2028/bidi marks).
      while i + 8 <= n {
        let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if JSONBuffer.mayNeedEscape(v) { break }
        i += 8
      }
      guard i < n else { break }
      let b = p[i]
      if b >= 0x20 && b != 0x22 && b != 0x5C && b < 0x7F {
        i += 1
        continue
      }
      if b >= 0x80 {
        // C1 controls (C2 80–9F), U+2028/2029 and bidi marks (E2 80 A8–AE, E2 81 A6–A9).
        if b == 0xC2 && i + 1 < n && p[i + 1] <= 0x9F {
          flush(i, &bytes)
          escape(UInt32(p[i + 1]))
          i += 2
          runStart = i
          continue
        }
        if b == 0xE2 && i + 2 < n {
          let b1 = p[i + 1], b2 = p[i + 2]
          if (b1 == 0x80 && b2 >= 0xA8 && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) {
            flush(i, &bytes)
            escape(0x2000 | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F))
            i += 3
            runStart = i
            continue
          }
        }
        i += 1
        continue
      }
      flush(i, &bytes)
      switch b {
      case 0x22: bytes.append(0x5C); bytes.append(0x22)
      case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
      case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
      case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
      case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
      default: escape(UInt32(b))
      }
      i += 1
      runStart = i
    }
    flush(n, &bytes)
    bytes.append(UInt8(ascii: "\""))
  }

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// True when some byte of `v` is below 0x20 or equals 0x22, 0x5C, 0x7F, 0xC2 or 0xE2
  /// (may be true for a clean word too; never false for a word that needs escaping).
  @inline(__always)
  static func mayNeedEscape(_ v: UInt64) -> Bool {
    @inline(__always) func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
    let below20 = (v &- ones &* 0x20) & ~v & highs
    let found = below20 | hasZero(v ^ (ones &* 0x22)) | hasZero(v ^ (ones &* 0x5C)) | hasZero(v ^ (ones &* 0x7F))
      | hasZero(v ^ (ones &* 0xC2)) | hasZero(v ^ (ones &* 0xE2))
    return found != 0
  }

}
