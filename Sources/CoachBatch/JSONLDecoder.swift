import CoachText

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns one JSONL line into a reply record or a conversation (or error entries).
///
/// A reply: `{"id", "text", "language"?, "customer"?, "customer_name"?, "company_at_fault"?,
/// "agent"?, "final"?}`. A conversation: `{"id", "agent"?, "customer_name"?,
/// "company_at_fault"?, "turns": [{"role", "text", "time"?, "language"?, "id"?}]}`.
/// Unknown keys are ignored. A turn with an unknown role or without text is reported and left
/// out; the rest of the conversation is still scored.
enum JSONLDecoder {
  /// Decodes one line; whitespace-only lines give nothing.
  static func decode(line bytes: UnsafeBufferPointer<UInt8>, source: RecordSource) -> [TranscriptItem] {
    var k = 0
    while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0D { k += 1 }
    if k == bytes.count { return [] }
    let value: JSONValue
    do throws(JSONSyntaxError) {
      value = try JSONParser.parse(bytes)
    } catch {
      var column = 1
      for index in 0..<min(error.offset, bytes.count) where bytes[index] & 0xC0 != 0x80 { column += 1 }
      var message = "malformed JSON at column \(column): \(error.message)"
      if !UTF8Repair.isASCII(bytes) && String(validating: bytes, as: UTF8.self) == nil { message += " (the line is not valid UTF-8)" }
      return [.error(RecordError(message, at: source))]
    }
    var document = JSONDocument(bytes)
    var items = record(from: value, in: &document, source: source)
    if document.repairs > 0 {
      items.insert(.error(RecordError(UTF8Repair.message(repairs: document.repairs), at: source)), at: 0)
    }
    return items
  }

  static func record(from value: JSONValue, in d: inout JSONDocument, source: RecordSource) -> [TranscriptItem] {
    guard case .object = value else {
      return [.error(RecordError("expected a JSON object with \"text\" or \"turns\", found \(value.typeName)", at: source))]
    }
    var errors: [TranscriptItem] = []
    func fail(_ message: String) { errors.append(.error(RecordError(message, at: source))) }

    let id = identifier(d.member(value, "id"), key: "id", in: &d, fail: fail)
    let agent = optionalString(d.member(value, "agent"), key: "agent", in: &d, fail: fail)
    let customerName = optionalString(d.member(value, "customer_name"), key: "customer_name", in: &d, fail: fail)
    let companyAtFault = optionalBool(d.member(value, "company_at_fault"), key: "company_at_fault", in: &d, fail: fail)

    if let turnsValue = d.member(value, "turns") {
      guard case .array(let turnValues) = turnsValue else {
        return errors + [.error(RecordError("\"turns\" must be an array, found \(turnsValue.typeName)", at: source))]
      }
      var turns: [Turn] = []
      turns.reserveCapacity(turnValues.count)
      for (index, turnValue) in turnValues.enumerated() {
        func label() -> String { "turn \(index)" + (id.map { " of '\($0)'" } ?? "") }
        guard case .object = turnValue else {
          fail("\(label()) must be an object, found \(turnValue.typeName)")
          continue
        }
        guard case .string(let roleString)? = d.member(turnValue, "role") ?? d.member(turnValue, "speaker") else {
          fail("\(label()) has no \"role\" (expected \(Role.examples))")
          continue
        }
        guard let role = role(roleString, in: &d) else {
          fail("unknown role '\(d.string(roleString))' in \(label()) (expected \(Role.examples))")
          continue
        }
        guard case .string(let textString)? = d.member(turnValue, "text") else {
          fail("\(label()) has no \"text\" string")
          continue
        }
        let text = d.string(textString)
        var time: Timestamp?
        switch d.member(turnValue, "time") ?? d.member(turnValue, "timestamp") {
        case .string(let written)?:
          time = Timestamp(bytes: UnsafeBufferPointer(rebasing: d.bytes[written.start..<written.end]))
          if time == nil { fail("\(label()): cannot read the time '\(d.string(written))' (expected ISO 8601, HH:MM[:SS] or Unix seconds)") }
        case .number(let written)?:
          time = Double(d.numberText(written)).map(Timestamp.init(unix:))
        case nil, .null?:
          break
        case let other?:
          fail("\(label()): \"time\" must be a string or number, found \(other.typeName)")
        }
        let language = optionalLanguage(d.member(turnValue, "language"), in: &d)
        let turnID = identifier(d.member(turnValue, "id"), key: "id", in: &d, fail: fail)
        turns.append(Turn(role: role, text: text, time: time, language: language, id: turnID, index: index))
      }
      let conversation = Conversation(id: id, agent: agent, customerName: customerName, companyAtFault: companyAtFault, turns: turns)
      return errors + [.conversation(conversation, source)]
    }

    guard let textValue = d.member(value, "text") else {
      return errors + [.error(RecordError("record has neither \"text\" nor \"turns\"", at: source))]
    }
    guard case .string(let textString) = textValue else {
      return errors + [.error(RecordError("\"text\" must be a string, found \(textValue.typeName)", at: source))]
    }
    let text = d.string(textString)
    let customer = optionalString(d.member(value, "customer") ?? d.member(value, "customer_message"), key: "customer", in: &d, fail: fail)
    let isFinal = optionalBool(d.member(value, "final"), key: "final", in: &d, fail: fail)
    let reply = ReplyRecord(
      id: id, text: text, language: optionalLanguage(d.member(value, "language"), in: &d), customerMessage: customer,
      customerName: customerName, companyAtFault: companyAtFault, isFinalReply: isFinal, agent: agent)
    return errors + [.reply(reply, source)]
  }

  /// The role of a turn; `customer` and `agent` are recognised without building a string.
  static func role(_ s: JSONString, in d: inout JSONDocument) -> Role? {
    let count = s.end - s.start
    if !s.escaped && (count == 5 || count == 8) {
      let p = d.bytes.baseAddress! + s.start
      if count == 5 && memcmp(p, "agent", 5) == 0 { return .agent }
      if count == 8 && memcmp(p, "customer", 8) == 0 { return .customer }
    }
    return Role(name: d.string(s))
  }

  static func identifier(_ value: JSONValue?, key: String, in d: inout JSONDocument, fail: (String) -> Void) -> String? {
    switch value {
    case .string(let s)?: return d.string(s)
    case .number(let n)?: return d.numberText(n)
    case nil, .null?: return nil
    case let other?:
      fail("\"\(key)\" must be a string or number, found \(other.typeName)")
      return nil
    }
  }

  static func optionalString(_ value: JSONValue?, key: String, in d: inout JSONDocument, fail: (String) -> Void) -> String? {
    switch value {
    case .string(let s)?: return d.string(s)
    case nil, .null?: return nil
    case let other?:
      fail("\"\(key)\" must be a string, found \(other.typeName)")
      return nil
    }
  }

  static func optionalBool(_ value: JSONValue?, key: String, in d: inout JSONDocument, fail: (String) -> Void) -> Bool? {
    switch value {
    case .bool(let b)?: return b
    case .string(let s)?:
      let text = d.string(s)
      if let b = parseBool(text) { return b }
      fail("\"\(key)\" must be true or false, found '\(text)'")
      return nil
    case .number(let n)?: return d.numberText(n) != "0"
    case nil, .null?: return nil
    case let other?:
      fail("\"\(key)\" must be true or false, found \(other.typeName)")
      return nil
    }
  }

  static func optionalLanguage(_ value: JSONValue?, in d: inout JSONDocument) -> Language? {
    guard case .string(let s)? = value else { return nil }
    return parseLanguage(d.string(s))
  }
}

/// `ko`, `KO`, `ko-KR`, `korean`, `한국어` → `.ko`; `en`, `en_US`, `english`, `영어` → `.en`; else `nil`.
func parseLanguage(_ text: some StringProtocol) -> Language? {
  let key = text.lowercased()
  let base = key.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? key
  switch base {
  case "ko", "kor", "korean", "한국어", "한국": return .ko
  case "en", "eng", "english", "영어": return .en
  default: return nil
  }
}

/// `true/yes/y/1/예/네/o` and `false/no/n/0/아니오/아니요/x` (any case); else `nil`.
func parseBool(_ text: some StringProtocol) -> Bool? {
  switch text.lowercased().trimmedSpaces() {
  case "true", "yes", "y", "1", "t", "예", "네", "o", "있음", "귀책": return true
  case "false", "no", "n", "0", "f", "아니오", "아니요", "x", "없음": return false
  default: return nil
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  func trimmedSpaces() -> SubSequence {
    var lo = startIndex, hi = endIndex
    while lo < hi, self[lo] == " " || self[lo] == "\t" { lo = index(after: lo) }
    while hi > lo, self[index(before: hi)] == " " || self[index(before: hi)] == "\t" { hi = index(before: hi) }
    return self[lo..<hi]
  }
}
