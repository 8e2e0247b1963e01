import CoachText

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
    var items: [TranscriptItem] = []
    var (text, repairs) = UTF8Repair.decode(bytes)
    if repairs > 0 { items.append(.error(RecordError(UTF8Repair.message(repairs: repairs), at: source))) }
    let parsed: Result<JSONValue, JSONSyntaxError>? = text.withUTF8 { utf8 in
      var k = 0
      while k < utf8.count, utf8[k] == 0x20 || utf8[k] == 0x09 || utf8[k] == 0x0D { k += 1 }
      if k == utf8.count { return nil }
      do throws(JSONSyntaxError) {
        return .success(try JSONParser.parse(utf8))
      } catch {
        var column = 1
        for index in 0..<min(error.offset, utf8.count) where utf8[index] & 0xC0 != 0x80 { column += 1 }
        return .failure(JSONSyntaxError(message: error.message, offset: column))
      }
    }
    switch parsed {
    case nil:
      return items
    case .failure(let error)?:
      items.append(.error(RecordError("malformed JSON at column \(error.offset): \(error.message)", at: source)))
      return items
    case .success(let value)?:
      items += record(from: value, source: source)
      return items
    }
  }

  static func record(from value: JSONValue, source: RecordSource) -> [TranscriptItem] {
    guard case .object = value else {
      return [.error(RecordError("expected a JSON object with \"text\" or \"turns\", found \(value.typeName)", at: source))]
    }
    var errors: [TranscriptItem] = []
    func fail(_ message: String) { errors.append(.error(RecordError(message, at: source))) }

    let id = identifier(value["id"], key: "id", fail: fail)
    let agent = optionalString(value["agent"], key: "agent", fail: fail)
    let customerName = optionalString(value["customer_name"], key: "customer_name", fail: fail)
    let companyAtFault = optionalBool(value["company_at_fault"], key: "company_at_fault", fail: fail)

    if let turnsValue = value["turns"] {
      guard case .array(let turnValues) = turnsValue else {
        return errors + [.error(RecordError("\"turns\" must be an array, found \(turnsValue.typeName)", at: source))]
      }
      var turns: [Turn] = []
      turns.reserveCapacity(turnValues.count)
      for (index, turnValue) in turnValues.enumerated() {
        let label = "turn \(index)" + (id.map { " of '\($0)'" } ?? "")
        guard case .object = turnValue else {
          fail("\(label) must be an object, found \(turnValue.typeName)")
          continue
        }
        guard case .string(let roleName)? = turnValue["role"] ?? turnValue["speaker"] else {
          fail("\(label) has no \"role\" (expected \(Role.examples))")
          continue
        }
        guard let role = Role(name: roleName) else {
          fail("unknown role '\(roleName)' in \(label) (expected \(Role.examples))")
          continue
        }
        guard case .string(let text)? = turnValue["text"] else {
          fail("\(label) has no \"text\" string")
          continue
        }
        var time: Timestamp?
        switch turnValue["time"] ?? turnValue["timestamp"] {
        case .string(let written)?:
          time = Timestamp(parsing: written)
          if time == nil { fail("\(label): cannot read the time '\(written)' (expected ISO 8601, HH:MM[:SS] or Unix seconds)") }
        case .number(let written)?:
          time = Double(written).map(Timestamp.init(unix:))
        case nil, .null?:
          break
        case let other?:
          fail("\(label): \"time\" must be a string or number, found \(other.typeName)")
        }
        let language = optionalLanguage(turnValue["language"])
        let turnID = identifier(turnValue["id"], key: "id", fail: fail)
        turns.append(Turn(role: role, text: text, time: time, language: language, id: turnID, index: index))
      }
      let conversation = Conversation(id: id, agent: agent, customerName: customerName, companyAtFault: companyAtFault, turns: turns)
      return errors + [.conversation(conversation, source)]
    }

    guard let textValue = value["text"] else {
      return errors + [.error(RecordError("record has neither \"text\" nor \"turns\"", at: source))]
    }
    guard case .string(let text) = textValue else {
      return errors + [.error(RecordError("\"text\" must be a string, found \(textValue.typeName)", at: source))]
    }
    let customer = optionalString(value["customer"] ?? value["customer_message"], key: "customer", fail: fail)
    let isFinal = optionalBool(value["final"], key: "final", fail: fail)
    let reply = ReplyRecord(
      id: id, text: text, language: optionalLanguage(value["language"]), customerMessage: customer, customerName: customerName,
      companyAtFault: companyAtFault, isFinalReply: isFinal, agent: agent)
    return errors + [.reply(reply, source)]
  }

  static func identifier(_ value: JSONValue?, key: String, fail: (String) -> Void) -> String? {
    switch value {
    case .string(let s)?: return s
    case .number(let n)?: return n
    case nil, .null?: return nil
    case let other?:
      fail("\"\(key)\" must be a string or number, found \(other.typeName)")
      return nil
    }
  }

  static func optionalString(_ value: JSONValue?, key: String, fail: (String) -> Void) -> String? {
    switch value {
    case .string(let s)?: return s
    case nil, .null?: return nil
    case let other?:
      fail("\"\(key)\" must be a string, found \(other.typeName)")
      return nil
    }
  }

  static func optionalBool(_ value: JSONValue?, key: String, fail: (String) -> Void) -> Bool? {
    switch value {
    case .bool(let b)?: return b
    case .string(let s)?:
      if let b = parseBool(s) { return b }
      fail("\"\(key)\" must be true or false, found '\(s)'")
      return nil
    case .number(let n)?: return n != "0"
    case nil, .null?: return nil
    case let other?:
      fail("\"\(key)\" must be true or false, found \(other.typeName)")
      return nil
    }
  }

  static func optionalLanguage(_ value: JSONValue?) -> Language? {
    guard case .string(let s)? = value else { return nil }
    return parseLanguage(s)
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
