import CoachText

/// Who said a turn of a conversation.
public enum Role: String, Sendable, Hashable, CaseIterable {
  case customer, agent

  /// Reads a role name in Korean or English (`고객`, `손님`, `customer`, `user`; `상담원`, `상담사`,
  /// `agent`, `staff` …), ignoring case, spaces and a trailing `님`; `nil` when it is not a role.
  public init?(name: some StringProtocol) {
    switch name {
    case "agent", "상담원", "Agent": self = .agent; return
    case "customer", "고객", "Customer": self = .customer; return
    default: break
    }
    var key = Role.key(name)
    if !Role.customerNames.contains(key) && !Role.agentNames.contains(key) && key.hasSuffix("님") {
      key.removeLast()  // 고객님, 상담사님
    }
    if Role.customerNames.contains(key) {
      self = .customer
    } else if Role.agentNames.contains(key) {
      self = .agent
    } else {
      return nil
    }
  }

  /// The role names `init(name:)` accepts, for messages.
  public static let examples = "고객/손님/customer/user, 상담원/상담사/agent/staff"

  static let customerNames: Set<String> = [
    "customer", "user", "client", "caller", "guest", "member", "buyer", "consumer", "visitor", "cust", "end-user", "enduser",
    "고객", "손님", "회원", "구매자", "이용자", "사용자", "문의자", "내담자", "소비자",
  ]
  static let agentNames: Set<String> = [
    "agent", "staff", "rep", "representative", "support", "operator", "advisor", "adviser", "assistant", "csr", "associate",
    "counselor", "counsellor", "employee", "helpdesk", "cs", "상담원", "상담사", "직원", "매니저", "담당자", "상담직원",
    "고객센터", "고객상담원", "고객상담사", "운영자",
  ]

  static func key(_ name: some StringProtocol) -> String {
    name.lowercased().filter { $0 != " " && $0 != "_" && $0 != "\t" }
  }
}

/// Where a record came from: the file (as given on the command line, `-` for standard input)
/// and the 1-based line where the record starts.
public struct RecordSource: Sendable, Hashable, CustomStringConvertible {
  public var file: String
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  public var description: String { "\(file):\(line)" }
}

/// One turn of a conversation as the transcript gives it.
public struct Turn: Sendable, Hashable {
  public var role: Role
  public var text: String
  /// The turn's time as written (ISO 8601, `HH:MM[:SS]`, or Unix seconds), if any.
  public var time: Timestamp?
  /// The turn's language when the transcript states it; detected when `nil`.
  public var language: Language?
  /// The turn's own id, when the transcript gives one.
  public var id: String?
  /// The position of this turn in the input's turn list (rows or lines left out for errors
  /// keep their positions, so this is not always the index in `Conversation.turns`).
  public var index: Int

  public init(role: Role, text: String, time: Timestamp? = nil, language: Language? = nil, id: String? = nil, index: Int) {
    self.role = role
    self.text = text
    self.time = time
    self.language = language
    self.id = id
    self.index = index
  }
}

/// A conversation between a customer and one or more agents.
public struct Conversation: Sendable, Hashable {
  public var id: String?
  public var agent: String?
  public var customerName: String?
  public var companyAtFault: Bool?
  public var turns: [Turn]

  public init(id: String?, agent: String? = nil, customerName: String? = nil, companyAtFault: Bool? = nil, turns: [Turn]) {
    self.id = id
    self.agent = agent
    self.customerName = customerName
    self.companyAtFault = companyAtFault
    self.turns = turns
  }
}

/// A single reply to score, with the context the record gives.
public struct ReplyRecord: Sendable, Hashable {
  public var id: String?
  public var text: String
  public var language: Language?
  public var customerMessage: String?
  public var customerName: String?
  public var companyAtFault: Bool?
  public var isFinalReply: Bool?
  public var agent: String?

  public init(
    id: String?, text: String, language: Language? = nil, customerMessage: String? = nil, customerName: String? = nil,
    companyAtFault: Bool? = nil, isFinalReply: Bool? = nil, agent: String? = nil
  ) {
    self.id = id
    self.text = text
    self.language = language
    self.customerMessage = customerMessage
    self.customerName = customerName
    self.companyAtFault = companyAtFault
    self.isFinalReply = isFinalReply
    self.agent = agent
  }
}

/// A problem with one record or line of the input: reported as an error entry, the rest goes on.
public struct RecordError: Sendable, Hashable, Error {
  public var message: String
  public var file: String
  /// 1-based line; `nil` when the problem concerns the whole file (e.g. it cannot be opened).
  public var line: Int?

  public init(_ message: String, file: String, line: Int?) {
    self.message = message
    self.file = file
    self.line = line
  }

  public init(_ message: String, at source: RecordSource) {
    self.init(message, file: source.file, line: source.line)
  }
}

/// What a transcript reader produces: something to score, or an error entry.
public enum TranscriptItem: Sendable, Hashable {
  case reply(ReplyRecord, RecordSource)
  case conversation(Conversation, RecordSource)
  case error(RecordError)

  public var source: RecordSource? {
    switch self {
    case .reply(_, let source), .conversation(_, let source): source
    case .error(let error): error.line.map { RecordSource(file: error.file, line: $0) }
    }
  }
}
