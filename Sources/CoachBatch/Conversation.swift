import CoachText

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
