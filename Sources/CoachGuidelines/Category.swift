/// The nine guideline categories of the output contract, in contract order.
public enum Category: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
  case empathy, gratitude, apology
  case plainLanguage = "plain_language"
  case ownership, resolution
  case personalization, closing, tone

  /// The contract name (`plain_language`).
  public var name: String { rawValue }

  /// A short label for people.
  public var title: String {
    switch self {
    case .empathy: "Empathy"
    case .gratitude: "Gratitude"
    case .apology: "Apology"
    case .plainLanguage: "Plain language"
    case .ownership: "Ownership"
    case .resolution: "Resolution"
    case .personalization: "Personalisation"
    case .closing: "Closing"
    case .tone: "Tone"
    }
  }

  /// How much the category counts in the overall score (documented in Guidelines/README.md).
  public var weight: Double {
    switch self {
    case .resolution: 1.25
    case .empathy, .apology, .ownership, .tone: 1.0
    case .gratitude, .plainLanguage: 0.75
    case .personalization, .closing: 0.5
    }
  }

  /// Position in contract order.
  public var index: Int {
    switch self {
    case .empathy: 0
    case .gratitude: 1
    case .apology: 2
    case .plainLanguage: 3
    case .ownership: 4
    case .resolution: 5
    case .personalization: 6
    case .closing: 7
    case .tone: 8
    }
  }

  public static func < (lhs: Category, rhs: Category) -> Bool { lhs.index < rhs.index }
}

/// Whether a rule rewards good behaviour or flags a problem.
public enum RuleKind: String, Sendable, Hashable, Codable {
  case strength, issue
}

/// How serious an issue is; strengths are `info`.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
  case critical, warning, info

  /// Points an issue of this severity takes from its category unless the rule sets `penalty:`.
  public var defaultPenalty: Int {
    switch self {
    case .critical: 60
    case .warning: 30
    case .info: 10
    }
  }

  private var rank: Int {
    switch self {
    case .critical: 0
    case .warning: 1
    case .info: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
