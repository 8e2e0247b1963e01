#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON string as it appears in the line: its bytes between the quotes, decoded on demand
/// (most keys are only compared, never turned into `String`s).
struct JSONString: Sendable, Hashable {
  /// Byte range of the content (without quotes) in the line.
  var start: Int
  var end: Int
  /// Whether the content has backslash escapes.
  var escaped: Bool
}

/// A parsed JSON value: what the JSONL reader needs, and no more.
///
/// Strings are byte ranges into the line (``JSONString``), so parsing allocates only for
/// arrays and objects; objects keep their members in order as an array (records have a handful
/// of keys, so a linear lookup beats hashing); a repeated key resolves to its last value.
/// Numbers keep their text range, so an id written as `123` stays `"123"`. (Not `indirect`:
/// the arrays already give the recursion its indirection, and boxing every value would cost an
/// allocation per string.)
enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(JSONString)
  case string(JSONString)
  case array([JSONValue])
  case object([Member])

  struct Member: Sendable, Hashable {
    var key: JSONString
    var value: JSONValue
  }

  /// A short name of the value's type, for messages.
  var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A parsed line: the bytes the values point into, and the values decoded to Swift types.
struct JSONDocument {
  let bytes: UnsafeBufferPointer<UInt8>
  /// Invalid UTF-8 sequences replaced while decoding strings.
  var repairs = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The member `key` of an object (the last one when repeated), else `nil`.
  func member(_ value: JSONValue, _ key: StaticString) -> JSONValue? {
    guard case .object(let members) = value else { return nil }
    let k = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
    for member in members.reversed() where !member.key.escaped && member.key.end - member.key.start == k.count {
      if memcmp(bytes.baseAddress! + member.key.start, k.baseAddress!, k.count) == 0 { return member.value }
    }
    // A key written with escapes is rare; compare it decoded.
    for member in members.reversed() where member.key.escaped {
      var copy = self
      if copy.string(member.key) == String(decoding: k, as: UTF8.self) { return member.value }
    }
    return nil
  }

  /// The text of a string (escapes resolved, invalid UTF-8 replaced and counted).
  mutating func string(_ s: JSONString) -> String {
    let raw = UnsafeBufferPointer(rebasing: bytes[s.start..<s.end])
    if !s.escaped { return decode(raw) }
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var i = 0
    while i < raw.count {
      let b = raw[i]
      if b != UInt8(ascii: "\\") {
        out.append(b)
        i += 1
        continue
      }
      let e = raw[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = JSONDocument.hex4(raw, i)
        i += 4
        if (0xD800...0xDBFF).contains(scalar) {
          // A high surrogate needs its low half; a lone one becomes U+FFFD.
          if i + 5 < raw.count && raw[i] == UInt8(ascii: "\\") && raw[i + 1] == UInt8(ascii: "u"),
            case let low = JSONDocument.hex4(raw, i + 2), (0xDC00...0xDFFF).contains(low)
          {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            i += 6
          } else {
            scalar = 0xFFFD
          }
        } else if (0xDC00...0xDFFF).contains(scalar) {
          scalar = 0xFFFD
        }
        for unit in UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}")! { out.append(unit) }
      default: out.append(e)  // \" \\ \/
      }
    }
    return out.withUnsafeBufferPointer { decode($0) }
  }

  /// The text of a number, as written.
  func numberText(_ s: JSONString) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[s.start..<s.end]), as: UTF8.self)
  }

  private mutating func decode(_ raw: UnsafeBufferPointer<UInt8>) -> String {
    if UTF8Repair.isASCII(raw) { return String(decoding: raw, as: UTF8.self) }
    if let text = String(validating: raw, as: UTF8.self) { return text }
    let (text, count) = UTF8Repair.decode(raw)
    repairs += count
    return text
  }

  /// Four hex digits (already checked by the parser).
  static func hex4(_ p: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
    var value: UInt32 = 0
    for k in at..<(at + 4) {
      let b = p[k]
      let digit: UInt32 = b <= 0x39 ? UInt32(b - 0x30) : UInt32((b | 0x20) - 0x61 + 10)
      value = value << 4 | digit
    }
    return value
  }
}

/// A JSON syntax error at a byte offset of the line.
struct JSONSyntaxError: Error, Sendable, Hashable {
  var message: String
  var offset: Int
}

/// A small, fast JSON parser over UTF-8 bytes (one JSONL line); strings stay byte ranges.
///
/// Foundation's `JSONSerialization` manages ~50 MB/s per core (style.md pitfall 21); this parser
/// reads the bytes in place and builds only small values. It accepts standard JSON, plus raw tab
/// and other control characters inside strings (common in exported transcripts).
struct JSONParser {
  let p: UnsafeBufferPointer<UInt8>
  var i = 0
  var depth = 0
  static let maxDepth = 64

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    p = bytes
  }

  /// Parses one complete JSON value; only whitespace may follow it.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
    var parser = JSONParser(bytes)
    parser.skipSpace()
    let value = try parser.value()
    parser.skipSpace()
    if parser.i < bytes.count {
      throw JSONSyntaxError(message: "unexpected text after the JSON value", offset: parser.i)
    }
    return value
  }

  mutating func skipSpace() {
    while i < p.count {
      let b = p[i]
      guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else { return }
      i += 1
    }
  }

  func fail(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message: message, offset: i) }

  mutating func value() throws(JSONSyntaxError) -> JSONValue {
    guard i < p.count else { throw fail("unexpected end of line: expected a value") }
    switch p[i] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
    default: throw fail("unexpected character \(describe(p[i])): expected a value")
    }
  }

  func describe(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    let hex = String(byte, radix: 16, uppercase: true)
    return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
  }

  mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
    let count = word.utf8CodeUnitCount
    guard i + count <= p.count else { throw fail("unexpected end of line in '\(word)'") }
    let w = word.utf8Start
    for k in 0..<count where p[i + k] != w[k] { throw fail("invalid literal: expected '\(word)'") }
    i += count
  }

  mutating func number() throws(JSONSyntaxError) -> JSONString {
    let start = i
    if p[i] == UInt8(ascii: "-") { i += 1 }
    var digits = 0
    while i < p.count, p[i] >= 0x30 && p[i] <= 0x39 { i += 1; digits += 1 }
    guard digits > 0 else { throw fail("invalid number") }
    if i < p.count && p[i] == UInt8(ascii: ".") {
      i += 1
      var fraction = 0
      while i < p.count, p[i] >= 0x30 && p[i] <= 0x39 { i += 1; fraction += 1 }
      guard fraction > 0 else { throw fail("invalid number: expected digits after '.'") }
    }
    if i < p.count && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
      i += 1
      if i < p.count && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { i += 1 }
      var exponent = 0
      while i < p.count, p[i] >= 0x30 && p[i] <= 0x39 { i += 1; exponent += 1 }
      guard exponent > 0 else { throw fail("invalid number: expected digits in the exponent") }
    }
    return JSONString(start: start, end: i, escaped: false)
  }

  /// Scans a string (checking its escapes) and returns where its content is.
  ///
  /// `memchr` finds the closing quote and any backslash before it (glibc's are vectorised),
  /// so long texts are not walked byte by byte.
  mutating func string() throws(JSONSyntaxError) -> JSONString {
    i += 1  // opening quote
    let start = i
    var escaped = false
    let base = p.baseAddress!
    while i < p.count {
      guard let quote = memchr(base + i, 0x22, p.count - i) else { break }
      let quoteIndex = base.distance(to: quote.assumingMemoryBound(to: UInt8.self))
      guard let slash = memchr(base + i, 0x5C, quoteIndex - i) else {
        i = quoteIndex + 1
        return JSONString(start: start, end: quoteIndex, escaped: escaped)
      }
      escaped = true
      i = base.distance(to: slash.assumingMemoryBound(to: UInt8.self)) + 1
      guard i < p.count else { break }
      switch p[i] {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
        UInt8(ascii: "r"), UInt8(ascii: "t"):
        i += 1
      case UInt8(ascii: "u"):
        i += 1
        _ = try hex4()
      default:
        throw fail("invalid escape '\\\(Character(Unicode.Scalar(p[i])))' in a string")
      }
    }
    throw JSONSyntaxError(message: "unterminated string", offset: start - 1)
  }

  mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard i + 4 <= p.count else { throw fail("invalid \\u escape: expected four hex digits") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let b = p[i]
      let digit: UInt32
      switch b {
      case 0x30...0x39: digit = UInt32(b - 0x30)
      case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
      default: throw fail("invalid \\u escape: expected four hex digits")
      }
      value = value << 4 | digit
      i += 1
    }
    return value
  }

  mutating func array() throws(JSONSyntaxError) -> JSONValue {
    depth += 1
    guard depth <= JSONParser.maxDepth else { throw fail("nested too deeply") }
    defer { depth -= 1 }
    i += 1
    var items: [JSONValue] = []
    skipSpace()
    if i < p.count && p[i] == UInt8(ascii: "]") {
      i += 1
      return .array(items)
    }
    while true {
      skipSpace()
      items.append(try value())
      skipSpace()
      guard i < p.count else { throw fail("unexpected end of line: expected ',' or ']'") }
      if p[i] == UInt8(ascii: ",") { i += 1; continue }
      if p[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
      throw fail("unexpected character \(describe(p[i])): expected ',' or ']'")
    }
  }

  mutating func object() throws(JSONSyntaxError) -> JSONValue {
    depth += 1
    guard depth <= JSONParser.maxDepth else { throw fail("nested too deeply") }
    defer { depth -= 1 }
    i += 1
    var members: [JSONValue.Member] = []
    members.reserveCapacity(8)
    skipSpace()
    if i < p.count && p[i] == UInt8(ascii: "}") {
      i += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard i < p.count else { throw fail("unexpected end of line: expected a key") }
      guard p[i] == UInt8(ascii: "\"") else { throw fail("unexpected character \(describe(p[i])): expected a key in double quotes") }
      let key = try string()
      skipSpace()
      guard i < p.count, p[i] == UInt8(ascii: ":") else {
        throw fail(i < p.count ? "unexpected character \(describe(p[i])): expected ':'" : "unexpected end of line: expected ':'")
      }
      i += 1
      skipSpace()
      members.append(JSONValue.Member(key: key, value: try value()))
      skipSpace()
      guard i < p.count else { throw fail("unexpected end of line: expected ',' or '}'") }
      if p[i] == UInt8(ascii: ",") { i += 1; continue }
      if p[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
      throw fail("unexpected character \(describe(p[i])): expected ',' or '}'")
    }
  }
}
