/// A parsed JSON value: what the JSONL reader needs, and no more.
///
/// Objects keep their members in order as an array (records have a handful of keys, so a linear
/// lookup beats hashing); a repeated key resolves to its last value. Numbers keep their text,
/// so an id written as `123` stays `"123"`.
indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(b)
    case .number(let n): hasher.combine(n)
    case .string(let s): hasher.combine(s)
    case .array(let a): hasher.combine(a)
    case .object(let o):
      for member in o {
        hasher.combine(member.key)
        hasher.combine(member.value)
      }
    }
  }

  /// The member `key` of an object (the last one when repeated), else `nil`.
  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    for member in members.reversed() where member.key == key { return member.value }
    return nil
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

/// A JSON syntax error at a byte offset of the line.
struct JSONSyntaxError: Error, Sendable, Hashable {
  var message: String
  var offset: Int
}

/// A small, fast JSON parser over UTF-8 bytes (one JSONL line).
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

  mutating func number() throws(JSONSyntaxError) -> String {
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
    return String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self)
  }

  mutating func string() throws(JSONSyntaxError) -> String {
    i += 1  // opening quote
    let start = i
    // Fast path: no escapes.
    while i < p.count {
      let b = p[i]
      if b == UInt8(ascii: "\"") {
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self)
        i += 1
        return text
      }
      if b == UInt8(ascii: "\\") { break }
      i += 1
    }
    guard i < p.count else { throw JSONSyntaxError(message: "unterminated string", offset: start - 1) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(i - start + 16)
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<i]))
    while i < p.count {
      let b = p[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return String(decoding: bytes, as: UTF8.self)
      }
      if b != UInt8(ascii: "\\") {
        bytes.append(b)
        i += 1
        continue
      }
      i += 1
      guard i < p.count else { break }
      let e = p[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""): bytes.append(0x22)
      case UInt8(ascii: "\\"): bytes.append(0x5C)
      case UInt8(ascii: "/"): bytes.append(0x2F)
      case UInt8(ascii: "b"): bytes.append(0x08)
      case UInt8(ascii: "f"): bytes.append(0x0C)
      case UInt8(ascii: "n"): bytes.append(0x0A)
      case UInt8(ascii: "r"): bytes.append(0x0D)
      case UInt8(ascii: "t"): bytes.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800...0xDBFF).contains(scalar) {
          // A high surrogate needs its low half; a lone one becomes U+FFFD.
          if i + 1 < p.count && p[i] == UInt8(ascii: "\\") && p[i + 1] == UInt8(ascii: "u") {
            let save = i
            i += 2
            let low = try hex4()
            if (0xDC00...0xDFFF).contains(low) {
              scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else {
              scalar = 0xFFFD
              i = save
            }
          } else {
            scalar = 0xFFFD
          }
        } else if (0xDC00...0xDFFF).contains(scalar) {
          scalar = 0xFFFD
        }
        appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &bytes)
      default:
        i -= 1
        throw fail("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string")
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

  func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    for unit in UTF8.encode(scalar)! { bytes.append(unit) }
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
    var members: [(key: String, value: JSONValue)] = []
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
      members.append((key, try value()))
      skipSpace()
      guard i < p.count else { throw fail("unexpected end of line: expected ',' or '}'") }
      if p[i] == UInt8(ascii: ",") { i += 1; continue }
      if p[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
      throw fail("unexpected character \(describe(p[i])): expected ',' or '}'")
    }
  }
}
