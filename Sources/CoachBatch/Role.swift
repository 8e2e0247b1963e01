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
