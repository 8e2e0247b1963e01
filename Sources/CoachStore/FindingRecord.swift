/// One finding of the evaluator on a reply: which rule, where, and what it said.
public struct FindingRecord: Sendable, Equatable {
  /// The rule id, e.g. `ko.apology.sincere`.
  public var rule: String
  /// The category the rule belongs to.
  public var category: String
  /// `strength` or `issue`.
  public var kind: String
  /// The rule's severity, e.g. `info`, `warning`, `critical`.
  public var severity: String
  /// Start of the evidence, in Unicode scalars of the reply.
  public var start: Int
  /// End of the evidence (exclusive), in Unicode scalars of the reply.
  public var end: Int
  /// The evidence text.
  public var excerpt: String
  /// The rule's message.
  public var message: String

  /// Creates a finding record.
  public init(
    rule: String, category: String, kind: String, severity: String, start: Int, end: Int,
    excerpt: String, message: String
  ) {
    self.rule = rule
    self.category = category
    self.kind = kind
    self.severity = severity
    self.start = start
    self.end = end
    self.excerpt = excerpt
    self.message = message
  }
}
