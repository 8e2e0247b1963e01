/// Reads plain-text transcripts: one speaker line per turn, conversations separated by a blank
/// line or a line of `---` (or `===`).
///
/// ```
/// # id: order-1234
/// # agent: 김민수
/// [2024-05-01 10:02] 고객: 배송이 왜 이렇게 늦어요?
/// [2024-05-01 10:04] 상담원(김민수): 불편을 드려 죄송합니다.
/// 오늘 안에 다시 보내 드리겠습니다.          ← continuation of the agent's turn
/// ---
/// Customer (Jane Doe): Where is my order?
/// Agent: I'm sorry it's late, Jane.
/// ```
///
/// A speaker line is `ROLE:` (a full-width `：` works too), where ROLE is a role word such as
/// 고객, 손님, Customer, User, 상담원, 상담사, Agent, Staff, optionally with a name after it or in
/// brackets (`상담원 김민수:`, `Agent (Kim):`, `김민수 상담원:`) and optionally preceded by a
/// bracketed time (`[10:02]`). Other lines continue the previous turn. Header lines
/// `# id:`, `# agent:`, `# customer-name:`, `# company-at-fault:` before the first turn set the
/// conversation's fields; without `# id:` the id is `FILE:LINE` of its first line. A line that
/// starts a conversation without a known speaker is reported as an unknown speaker.
struct TextTranscriptReader: TranscriptReading {
  var lines: LineReader
  let file: String
  let displayName: String
  var pending: [TranscriptItem] = []
  var finished = false

  var conversation: Conversation?
  var conversationLine = 0
  var turnText: [String] = []
  var turnRole: Role?
  var turnTime: Timestamp?
  var turnIndex = 0
  var skippingUnknown = false

  init(lines: LineReader, file: String) {
    self.lines = lines
    self.file = file
    displayName = file == "-" ? "stdin" : String(file.split(separator: "/").last ?? Substring(file))
  }

  var bytesConsumed: Int { lines.consumed }

  mutating func next() throws(InputError) -> TranscriptItem? {
    while pending.isEmpty {
      if finished { return nil }
      guard let line = try lines.next() else {
        endConversation()
        finished = true
        continue
      }
      if line.isOverlong {
        pending.append(.error(RecordError("line is longer than \(lines.maxLineBytes) bytes; skipped", file: file, line: line.number)))
        continue
      }
      let (text, repairs) = UTF8Repair.decode(lines.buffer[line.range])
      if repairs > 0 { pending.append(.error(RecordError(UTF8Repair.message(repairs: repairs), file: file, line: line.number))) }
      handle(text, number: line.number)
    }
    return pending.removeFirst()
  }

  private mutating func handle(_ line: String, number: Int) {
    let trimmed = line.trimmedSpaces()
    if trimmed.isEmpty || TextTranscriptReader.isSeparator(trimmed) {
      endConversation()
      return
    }
    if conversation == nil {
      conversation = Conversation(id: nil, turns: [])
      conversationLine = number
      turnIndex = 0
      skippingUnknown = false
    }
    if turnRole == nil && !skippingUnknown && conversation!.turns.isEmpty, trimmed.hasPrefix("#"), applyHeader(trimmed) {
      return
    }
    if let speaker = TextTranscriptReader.speaker(in: line) {
      endTurn()
      skippingUnknown = false
      turnRole = speaker.role
      turnTime = speaker.time
      turnText = [speaker.text]
      if let name = speaker.name {
        switch speaker.role {
        case .agent: if conversation!.agent == nil { conversation!.agent = name }
        case .customer: if conversation!.customerName == nil { conversation!.customerName = name }
        }
      }
      return
    }
    if turnRole != nil {
      turnText.append(line)
    } else if !skippingUnknown {
      skippingUnknown = true
      let label = TextTranscriptReader.label(in: line).map { "unknown speaker '\($0)'" } ?? "no speaker"
      pending.append(
        .error(RecordError("\(label): expected a line such as '고객: …' or 'Agent: …' (roles: \(Role.examples))", file: file, line: number)))
      turnIndex += 1
    }
  }

  /// Applies a `# key: value` header; false when the line is not one.
  private mutating func applyHeader(_ line: Substring) -> Bool {
    let body = line.dropFirst().trimmedSpaces()
    guard let colon = body.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return false }
    let key = CSVTranscriptReader.normalizedHeader(String(body[..<colon]))
    let value = String(body[body.index(after: colon)...].trimmedSpaces())
    switch key {
    case "id", "conversationid", "대화id", "상담번호": conversation!.id = value
    case "agent", "상담원", "상담사": conversation!.agent = value
    case "customername", "customer", "고객명", "고객": conversation!.customerName = value
    case "companyatfault", "atfault", "귀책": conversation!.companyAtFault = parseBool(value)
    default: return false
    }
    return true
  }

  private mutating func endTurn() {
    guard let role = turnRole else { return }
    var text = turnText.joined(separator: "\n")
    while text.last == "\n" || text.last == " " { text.removeLast() }
    conversation!.turns.append(Turn(role: role, text: text, time: turnTime, index: turnIndex))
    turnIndex += 1
    turnRole = nil
    turnTime = nil
    turnText = []
  }

  private mutating func endConversation() {
    guard conversation != nil else { return }
    endTurn()
    if !conversation!.turns.isEmpty {
      if conversation!.id == nil { conversation!.id = "\(displayName):\(conversationLine)" }
      pending.append(.conversation(conversation!, RecordSource(file: file, line: conversationLine)))
    }
    conversation = nil
    skippingUnknown = false
  }

  static func isSeparator(_ line: Substring) -> Bool {
    line.count >= 3 && (line.allSatisfy { $0 == "-" } || line.allSatisfy { $0 == "=" })
  }

  struct Speaker {
    var role: Role
    var name: String?
    var time: Timestamp?
    var text: String
  }

  /// The speaker, time and text of a speaker line, or `nil` when the line has no known speaker.
  static func speaker(in line: String) -> Speaker? {
    var rest = line.trimmedSpaces()
    var time: Timestamp?
    if rest.first == "[", let close = rest.firstIndex(of: "]"), let stamp = Timestamp(parsing: rest[rest.index(after: rest.startIndex)..<close]) {
      time = stamp
      rest = rest[rest.index(after: close)...].trimmedSpaces()
    } else if let first = rest.first, first.isASCII, first.isNumber {
      // An unbracketed time: "10:02 고객: …" or "2024-05-01 10:02:03 Agent: …".
      let tokens = rest.split(separator: " ", maxSplits: 2)
      if tokens.count == 3, let stamp = Timestamp(parsing: rest[tokens[0].startIndex..<tokens[1].endIndex]) {
        time = stamp
        rest = tokens[2]
      } else if tokens.count >= 2, let stamp = Timestamp(parsing: tokens[0]) {
        time = stamp
        rest = rest[tokens[1].startIndex...]
      }
    }
    guard let colon = labelColon(in: rest) else { return nil }
    let label = rest[..<colon].trimmedSpaces()
    var words = label.split(whereSeparator: { " ()[]<>-–|/".contains($0) }).map(String.init)
    guard !words.isEmpty else { return nil }
    var role: Role?
    if let r = Role(name: words[0]) {
      role = r
      words.removeFirst()
    } else if let r = Role(name: words[words.count - 1]) {
      role = r
      words.removeLast()
    } else if let r = Role(name: label) {
      role = r
      words = []
    }
    guard let role else { return nil }
    var name: String? = words.isEmpty ? nil : words.joined(separator: " ")
    if let written = name, time == nil, let stamp = Timestamp(parsing: written) {
      time = stamp
      name = nil
    }
    let text = String(rest[rest.index(after: colon)...].trimmedSpaces())
    return Speaker(role: role, name: name, time: time, text: text)
  }

  /// The colon that ends a speaker label: within the first 40 characters, before any sentence.
  static func labelColon(in text: Substring) -> Substring.Index? {
    var count = 0
    var depth = 0
    for index in text.indices {
      let c = text[index]
      if c == "(" || c == "[" { depth += 1 }
      if (c == ")" || c == "]") && depth > 0 { depth -= 1 }
      if (c == ":" || c == "：") && depth == 0 { return count > 0 ? index : nil }
      if c == "." || c == "?" || c == "!" || c == "," || c == "\"" { return nil }
      count += 1
      if count > 40 { return nil }
    }
    return nil
  }

  /// The label before a colon, for the unknown-speaker message.
  static func label(in line: String) -> String? {
    var rest = line.trimmedSpaces()
    if rest.first == "[", let close = rest.firstIndex(of: "]") { rest = rest[rest.index(after: close)...].trimmedSpaces() }
    guard let colon = labelColon(in: rest) else { return nil }
    return String(rest[..<colon].trimmedSpaces())
  }
}
