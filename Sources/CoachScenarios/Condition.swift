import CoachGuidelines
import CoachText
import CoachDiagnostics
import Foundation

/// A branch condition over the evaluation of the trainee's reply and the customer's mood.
///
/// Grammar (see `Scenarios/README.md`):
///
/// ```
/// condition  = or
/// or         = and { "or" and }
/// and        = unary { "and" unary }
/// unary      = "not" unary | "(" condition ")" | atom
/// atom       = CATEGORY "detected" | CATEGORY CMP NUMBER | "overall" CMP NUMBER
///            | "mood" CMP NUMBER | "turn" CMP NUMBER | "speech-level" "is" ["not"] LEVEL
///            | "critical" | RULE-ID
/// CMP        = ">=" | "<=" | ">" | "<" | "=" | "==" | "!="
/// ```
public indirect enum Condition: Sendable, Hashable, CustomStringConvertible {
  /// The category's good behaviour is present (`apology detected`).
  case detected(Category)
  /// The category's score compared with a number; false when the category was not judged.
  case score(Category, Comparison, Int)
  case overall(Comparison, Int)
  /// The mood before this turn's change.
  case mood(Comparison, Int)
  /// The number of the reply being judged (the first reply is turn 1).
  case turn(Comparison, Int)
  /// The Korean speech level of the reply; false for English replies.
  case speechLevel(SpeechLevel)
  /// Any critical issue among the findings.
  case critical
  /// A finding of this rule id (or alias) is present.
  case rule(String)
  case not(Condition)
  case and(Condition, Condition)
  case or(Condition, Condition)

  /// Whether the condition holds for these facts.
  public func holds(in facts: ConditionFacts) -> Bool {
    switch self {
    case .detected(let category): return facts.evaluation[category].detected
    case .score(let category, let comparison, let value):
      guard let score = facts.evaluation[category].score else { return false }
      return comparison.compare(score, value)
    case .overall(let comparison, let value): return comparison.compare(facts.evaluation.overall, value)
    case .mood(let comparison, let value): return comparison.compare(facts.mood, value)
    case .turn(let comparison, let value): return comparison.compare(facts.turn, value)
    case .speechLevel(let level): return facts.evaluation.speechLevel == level
    case .critical: return !facts.evaluation.criticalFindings.isEmpty
    case .rule(let id): return facts.evaluation.has(rule: facts.canonicalRuleID(id))
    case .not(let inner): return !inner.holds(in: facts)
    case .and(let a, let b): return a.holds(in: facts) && b.holds(in: facts)
    case .or(let a, let b): return a.holds(in: facts) || b.holds(in: facts)
    }
  }

  /// Every rule id the condition mentions.
  public var ruleIDs: [String] {
    switch self {
    case .rule(let id): [id]
    case .not(let inner): inner.ruleIDs
    case .and(let a, let b), .or(let a, let b): a.ruleIDs + b.ruleIDs
    default: []
    }
  }

  /// The condition in script syntax, with parentheses only where they are needed.
  public var description: String { render(parent: 0) }

  private var precedence: Int {
    switch self {
    case .or: 1
    case .and: 2
    case .not: 3
    default: 4
    }
  }

  private func render(parent: Int) -> String {
    let text: String
    switch self {
    case .detected(let category): text = "\(category.name) detected"
    case .score(let category, let comparison, let value): text = "\(category.name) \(comparison.rawValue) \(value)"
    case .overall(let comparison, let value): text = "overall \(comparison.rawValue) \(value)"
    case .mood(let comparison, let value): text = "mood \(comparison.rawValue) \(value)"
    case .turn(let comparison, let value): text = "turn \(comparison.rawValue) \(value)"
    case .speechLevel(let level): text = "speech-level is \(level.rawValue)"
    case .critical: text = "critical"
    case .rule(let id): text = id
    case .not(let inner): text = "not " + inner.render(parent: 3)
    case .and(let a, let b): text = a.render(parent: 2) + " and " + b.render(parent: 2)
    case .or(let a, let b): text = a.render(parent: 1) + " or " + b.render(parent: 1)
    }
    return precedence < parent ? "(" + text + ")" : text
  }
}

/// A comparison operator in a condition.
public enum Comparison: String, Sendable, Hashable, CaseIterable {
  case greaterOrEqual = ">="
  case lessOrEqual = "<="
  case greater = ">"
  case less = "<"
  case equal = "="
  case notEqual = "!="

  public func compare(_ lhs: Int, _ rhs: Int) -> Bool {
    switch self {
    case .greaterOrEqual: lhs >= rhs
    case .lessOrEqual: lhs <= rhs
    case .greater: lhs > rhs
    case .less: lhs < rhs
    case .equal: lhs == rhs
    case .notEqual: lhs != rhs
    }
  }
}

/// What a condition is judged on: the reply's evaluation, the mood before the turn, the turn number.
public struct ConditionFacts: Sendable {
  public var evaluation: Evaluation
  public var mood: Int
  public var turn: Int
  /// Maps a rule alias to its id (the library's lookup); identity when `nil`.
  public var library: GuidelineLibrary?

  public init(evaluation: Evaluation, mood: Int, turn: Int, library: GuidelineLibrary? = nil) {
    self.evaluation = evaluation
    self.mood = mood
    self.turn = turn
    self.library = library
  }

  func canonicalRuleID(_ id: String) -> String { library?.rule(id)?.id ?? id }
}

extension Condition {
  /// Parses a condition written as in a branch (`apology detected and mood >= 8`).
  ///
  /// Diagnostics are located on line 1 of `path`, columns counting from the condition's start.
  /// Rule ids are not checked here (the linter checks them against the packs).
  public static func parse(_ text: String, path: String = "<condition>") -> (condition: Condition?, diagnostics: [Diagnostic]) {
    let source = SourceText(data: Data(text.utf8), path: path)
    let scalars = source.lines.first ?? []
    let tokens = ConditionLexer.tokens(scalars, from: 0, to: scalars.count)
    guard !tokens.isEmpty else {
      return (nil, [.error("bad-condition", "expected a condition", at: source.location(line: 1, column: 1))])
    }
    var parser = ConditionParser(tokens: tokens, source: source, line: 1, endColumn: scalars.count + 1)
    let condition = parser.parse()
    return (parser.diagnostics.hasErrors ? nil : condition, parser.diagnostics)
  }
}
