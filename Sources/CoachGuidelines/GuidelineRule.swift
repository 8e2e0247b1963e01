import CoachDiagnostics
import CoachText

/// One guideline rule as written in a `.rules` file: what it looks for, when, and what it says.
public struct GuidelineRule: Sendable {
  public var id: String
  public var aliases: [String]
  public var name: String
  public var language: Language
  public var category: Category
  public var kind: RuleKind
  public var severity: Severity
  /// For strengths: the category score this behaviour earns (default 100).
  public var score: Int
  /// For issues: points taken from the category (default by severity).
  public var penalty: Int
  public var principles: [String]
  public var message: String
  public var suggestion: String?
  /// Trigger: phrase lists (own and named sets), regular expressions, or a built-in check.
  public var phrases: PhraseBlock?
  public var regexes: [RegexPattern]
  public var check: BuiltinCheck?
  public var conditions: [ConditionBlock]
  public var when: [Condition]
  public var unless: [Condition]
  /// The rule fires only when its trigger occurs at least this many times in the reply.
  public var minimumCount: Int
  /// Rules (ids or aliases, same language) whose findings in the same sentence this rule's
  /// finding withdraws: "asks again for the order number" replaces "asks for what's needed".
  public var overrides: [(id: String, location: SourceLocation)] = []
  public var exampleContext: ExampleContext
  public var examples: [RuleExample]
  public var location: SourceLocation

  /// True when this rule's outcome depends on other categories' results (second pass).
  var dependsOnCategories: Bool {
    check?.isMissing == true || (when + unless).contains { $0.category != nil }
  }
}

/// A `phrases:` block or a condition block: its own entries plus named sets it refers to.
public struct PhraseBlock: Sendable {
  public var entries: [PhraseEntry]
  public var setReferences: [(name: String, location: SourceLocation)]
  public var location: SourceLocation
}

/// One line of a phrase block, with the literal phrases it expands to.
public struct PhraseEntry: Sendable {
  public var source: String
  public var replacement: String?
  var expansions: [PhraseSyntax.Expanded]
  public var location: SourceLocation
}

/// A regular expression trigger (NSRegularExpression syntax over the NFC reply text).
public struct RegexPattern: Sendable {
  public var pattern: String
  public var location: SourceLocation
}

/// Where a condition block looks for its phrases.
public struct ConditionBlock: Sendable {
  public enum Scope: String, Sendable, CaseIterable {
    case alsoInSentence = "also-in-sentence"
    case afterInSentence = "after-in-sentence"
    case notInSentence = "not-in-sentence"
    case notAfterInSentence = "not-after-in-sentence"
    case beforeInSentence = "before-in-sentence"
    case notBeforeInSentence = "not-before-in-sentence"
    case alsoInReply = "also-in-reply"
    case notInReply = "not-in-reply"
    case alsoInCustomer = "also-in-customer"
    case notInCustomer = "not-in-customer"

    var isNegative: Bool {
      switch self {
      case .notInSentence, .notAfterInSentence, .notBeforeInSentence, .notInReply, .notInCustomer: true
      default: false
      }
    }
  }

  public var scope: Scope
  public var block: PhraseBlock
}

/// A condition in `when:` / `unless:`.
public struct Condition: Sendable, Hashable {
  public enum Kind: String, Sendable, CaseIterable {
    case customerMessage = "customer-message"
    case customerUpset = "customer-upset"
    case customerConfused = "customer-confused"
    case customerFeedback = "customer-feedback"
    case customerSatisfied = "customer-satisfied"
    case customerWaiting = "customer-waiting"
    case customerQuestion = "customer-question"
    case companyAtFault = "company-at-fault"
    case nameKnown = "name-known"
    case nameUsed = "name-used"
    case finalReply = "final-reply"
    case negated
    case quoted
    case detected
  }

  public var kind: Kind
  /// For `detected`: the category (`apology-detected` → kind detected, category apology).
  public var category: Category?

  public var spelling: String { category.map { "\($0.rawValue)-detected" } ?? kind.rawValue }

  /// Every spelling a rule may use, for "did you mean" notes.
  public static var allSpellings: [String] {
    Kind.allCases.filter { $0 != .detected }.map(\.rawValue) + Category.allCases.map { "\($0.rawValue)-detected" }
  }

  public static func parse(_ text: String) -> Condition? {
    if let kind = Kind(rawValue: text), kind != .detected { return Condition(kind: kind, category: nil) }
    if text.hasSuffix("-detected"), let category = Category(rawValue: String(text.dropLast("-detected".count))) {
      return Condition(kind: .detected, category: category)
    }
    return nil
  }
}

/// Default context for a rule's one-line examples (`context:` block).
public struct ExampleContext: Sendable, Hashable {
  public var customer: String?
  public var customerName: String?
  public var companyAtFault: Bool?
  public var finalReply: Bool?

  public init(customer: String? = nil, customerName: String? = nil, companyAtFault: Bool? = nil, finalReply: Bool? = nil) {
    self.customer = customer
    self.customerName = customerName
    self.companyAtFault = companyAtFault
    self.finalReply = finalReply
  }
}
