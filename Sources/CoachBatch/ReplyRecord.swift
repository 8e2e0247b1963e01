import CoachText

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
