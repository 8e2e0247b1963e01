/// Reads conversations from a CSV file with a header row.
///
/// Columns are found by header name (any case; spaces, `_`, `-` ignored), in Korean or English:
///
/// | column | header names |
/// |---|---|
/// | conversation id (required) | conversation_id, conversation, chat_id, ticket_id, session_id, thread_id, call_id, id, 대화id, 상담id, 상담번호 |
/// | role (required) | role, speaker, sender, from, author, type, 화자, 발화자, 역할, 구분 |
/// | text (required) | text, message, content, body, utterance, reply, 내용, 메시지, 발화, 텍스트, 대화내용 |
/// | time | time, timestamp, created_at, datetime, date, sent_at, 시간, 시각, 일시 |
/// | agent | agent, agent_name, agent_id, staff, 상담원, 상담원명, 상담사, 담당자 |
/// | customer name | customer_name, customer, 고객명, 고객이름, 고객 |
/// | company at fault | company_at_fault, at_fault, 귀책, 회사귀책 |
/// | language | language, lang, 언어 |
///
/// Consecutive rows with the same conversation id form one conversation (a turn per row).
/// A row with the wrong number of fields, an unknown role or no conversation id is reported and
/// left out; the rest of its conversation is scored.
struct CSVTranscriptReader: TranscriptReading {
  enum Column: CaseIterable {
    case id, role, text, time, agent, customerName, companyAtFault, language

    var names: [String] {
      switch self {
      case .id:
        ["conversationid", "conversation", "chatid", "chat", "ticketid", "ticket", "sessionid", "session", "threadid", "callid", "id",
          "대화id", "대화번호", "상담id", "상담번호", "채팅id", "티켓id"]
      case .role: ["role", "speaker", "sender", "from", "author", "type", "speakerrole", "화자", "발화자", "역할", "구분", "작성자"]
      case .text:
        ["text", "message", "content", "body", "utterance", "reply", "messagetext", "내용", "메시지", "메세지", "발화", "텍스트", "대화내용", "본문"]
      case .time: ["time", "timestamp", "createdat", "datetime", "date", "sentat", "ts", "시간", "시각", "일시", "작성시간", "발화시간"]
      case .agent: ["agent", "agentname", "agentid", "staff", "staffname", "상담원", "상담원명", "상담사", "상담사명", "담당자", "담당자명"]
      case .customerName: ["customername", "customer", "고객명", "고객이름", "고객", "고객성함", "성함"]
      case .companyAtFault: ["companyatfault", "atfault", "귀책", "회사귀책", "당사귀책"]
      case .language: ["language", "lang", "locale", "언어"]
      }
    }

    var label: String {
      switch self {
      case .id: "conversation id"
      case .role: "role"
      case .text: "text"
      default: ""
      }
    }
  }

  /// The longest conversation kept in memory; longer ones are scored in parts (reported).
  static let maxTurns = 5_000

  var parser: CSVParser
  let file: String
  var columns: [Column: Int] = [:]
  var headerCount = 0
  var started = false
  var finished = false
  var pending: [TranscriptItem] = []
  var current: Conversation?
  var currentSource = RecordSource(file: "", line: 0)
  var currentRowCount = 0
  var partsOfCurrent = 0

  init(lines: LineReader, file: String) {
    parser = CSVParser(lines: lines, file: file)
    self.file = file
  }

  var bytesConsumed: Int { parser.bytesConsumed }

  mutating func next() throws(InputError) -> TranscriptItem? {
    while pending.isEmpty {
      if finished { return nil }
      try step()
    }
    return pending.removeFirst()
  }

  static func normalizedHeader(_ name: String) -> String {
    name.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" && $0 != "." && $0 != "\t" }
  }

  private mutating func step() throws(InputError) {
    let record = try parser.next()
    for problem in parser.problems { pending.append(.error(problem)) }
    parser.problems.removeAll()
    guard let record else {
      flushConversation()
      finished = true
      return
    }
    if !started {
      started = true
      readHeader(record)
      return
    }
    handleRow(record)
  }

  private mutating func readHeader(_ record: CSVParser.Record) {
    headerCount = record.fields.count
    let names = record.fields.map(CSVTranscriptReader.normalizedHeader)
    // Earlier aliases win (so "conversation_id" beats a plain "id" column).
    for column in Column.allCases {
      for alias in column.names {
        if let index = names.firstIndex(of: alias), !columns.values.contains(index) {
          columns[column] = index
          break
        }
      }
    }
    let missing = [Column.id, .role, .text].filter { columns[$0] == nil }
    if !missing.isEmpty {
      let list = missing.map { "\($0.label) (e.g. '\($0.names[0])')" }.joined(separator: ", ")
      let header = record.fields.map { "'\($0)'" }.joined(separator: ", ")
      pending.append(.error(RecordError("the CSV header has no \(list) column; header is \(header)", file: file, line: record.line)))
      finished = true
    }
  }

  private mutating func handleRow(_ record: CSVParser.Record) {
    let source = RecordSource(file: file, line: record.line)
    guard record.fields.count == headerCount else {
      pending.append(.error(RecordError("expected \(headerCount) fields as in the header, found \(record.fields.count)", at: source)))
      return
    }
    func field(_ column: Column) -> String? {
      guard let index = columns[column] else { return nil }
      let value = record.fields[index]
      return value.trimmedSpaces().isEmpty ? nil : value
    }
    guard let id = field(.id).map({ String($0.trimmedSpaces()) }) else {
      pending.append(.error(RecordError("row has no conversation id", at: source)))
      return
    }
    if current?.id != id || currentRowCount >= CSVTranscriptReader.maxTurns {
      if current?.id == id {
        partsOfCurrent += 1
        pending.append(
          .error(RecordError("conversation '\(id)' has more than \(CSVTranscriptReader.maxTurns) rows; it is scored in parts", at: source)))
      } else {
        partsOfCurrent = 0
      }
      flushConversation()
      current = Conversation(id: id, turns: [])
      currentSource = source
      currentRowCount = 0
    }
    let index = currentRowCount
    currentRowCount += 1
    let roleName = field(.role) ?? ""
    guard let role = Role(name: roleName) else {
      let found = roleName.isEmpty ? "an empty role" : "unknown role '\(roleName)'"
      pending.append(.error(RecordError("\(found) in conversation '\(id)' (expected \(Role.examples))", at: source)))
      return
    }
    var time: Timestamp?
    if let written = field(.time) {
      time = Timestamp(parsing: written)
      if time == nil {
        pending.append(.error(RecordError("cannot read the time '\(written)' (expected ISO 8601, HH:MM[:SS] or Unix seconds)", at: source)))
      }
    }
    if let agent = field(.agent), current?.agent == nil {
      current?.agent = String(agent.trimmedSpaces())
    }
    if let name = field(.customerName), current?.customerName == nil {
      current?.customerName = String(name.trimmedSpaces())
    }
    if let fault = field(.companyAtFault), current?.companyAtFault == nil {
      current?.companyAtFault = parseBool(fault)
    }
    let text = record.fields[columns[.text]!]
    current?.turns.append(Turn(role: role, text: text, time: time, language: field(.language).flatMap(parseLanguage), index: index))
  }

  private mutating func flushConversation() {
    if let conversation = current {
      pending.append(.conversation(conversation, currentSource))
    }
    current = nil
  }
}
