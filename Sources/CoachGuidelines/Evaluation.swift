import CoachText

/// What the evaluator knows about the conversation around a reply. Everything is optional:
/// with no context the evaluator still scores, and says which categories it could not judge.
public struct EvaluationContext: Sendable, Hashable {
  /// The customer's last message before the reply.
  public var customerMessage: String?
  public var customerName: String?
  /// Whether the company caused the problem (an apology is then owed).
  public var companyAtFault: Bool?
  /// Whether this is the last agent reply of the conversation (closing is judged there).
  public var isFinalReply: Bool?
  /// The reply's language; detected from the text when `nil`.
  public var language: Language?
  /// What the caller knows of the customer's feelings beyond their words (a scenario's mood):
  /// `true` counts the customer as upset, so empathy is expected, even when the message itself
  /// shows no feeling ("Why are there two charges?" from a customer at 8/10). `nil` or `false`
  /// leaves it to the message.
  public var customerUpset: Bool?

  public init(
    customerMessage: String? = nil, customerName: String? = nil, companyAtFault: Bool? = nil, isFinalReply: Bool? = nil,
    language: Language? = nil, customerUpset: Bool? = nil
  ) {
    self.customerMessage = customerMessage
    self.customerName = customerName
    self.companyAtFault = companyAtFault
    self.isFinalReply = isFinalReply
    self.language = language
    self.customerUpset = customerUpset
  }
}

/// One thing the evaluator noticed, with its evidence.
public struct Finding: Sendable, Hashable {
  public var rule: String
  public var category: Category
  public var kind: RuleKind
  public var severity: Severity
  /// Offsets in Unicode scalars of the reply text as given; `start == end` when the finding is
  /// about something missing.
  public var start: Int
  public var end: Int
  public var excerpt: String
  public var message: String
  public var suggestion: String?
  /// Points this finding moved its category: negative for issues, the earned score for strengths.
  public var points: Int

  public init(
    rule: String, category: Category, kind: RuleKind, severity: Severity, start: Int, end: Int, excerpt: String,
    message: String, suggestion: String?, points: Int
  ) {
    self.rule = rule
    self.category = category
    self.kind = kind
    self.severity = severity
    self.start = start
    self.end = end
    self.excerpt = excerpt
    self.message = message
    self.suggestion = suggestion
    self.points = points
  }
}

/// A category's verdict: a score 0–100, or `nil` with the reason it could not be judged.
public struct CategoryResult: Sendable, Hashable {
  public var score: Int?
  /// The category's good behaviour is present (an apology made, thanks given …).
  public var detected: Bool
  /// Why the score is `nil`.
  public var reason: String?

  public init(score: Int?, detected: Bool, reason: String? = nil) {
    self.score = score
    self.detected = detected
    self.reason = reason
  }
}

/// The evaluator's verdict on one reply.
public struct Evaluation: Sendable, Hashable {
  public var id: String?
  public var language: Language
  public var overall: Int
  public var speechLevel: SpeechLevel?
  /// One result per category, in contract order (`Category.allCases`).
  public var categories: [CategoryResult]
  /// Sorted by start offset, then rule id.
  public var findings: [Finding]

  public init(id: String?, language: Language, overall: Int, speechLevel: SpeechLevel?, categories: [CategoryResult], findings: [Finding]) {
    self.id = id
    self.language = language
    self.overall = overall
    self.speechLevel = speechLevel
    self.categories = categories
    self.findings = findings
  }

  public subscript(_ category: Category) -> CategoryResult { categories[category.index] }

  /// True when any finding comes from this rule.
  public func has(rule id: String) -> Bool { findings.contains { $0.rule == id } }

  public var criticalFindings: [Finding] { findings.filter { $0.kind == .issue && $0.severity == .critical } }
}
