import Foundation

/// What the evaluator needs of a rule on the hot path, precomputed when the pack is compiled:
/// plain values only, so scoring a reply never copies a whole `GuidelineRule`.
struct RulePlan: Sendable {
  var category: Category
  var kind: RuleKind
  var severity: Severity
  var score: Int
  var penalty: Int
  var minimumCount: Int
  var check: BuiltinCheck.Name?
  /// Context conditions as bit masks (`ContextBits`), and categories as bit masks.
  var whenMask: UInt32
  var unlessMask: UInt32
  var whenDetected: UInt16
  var unlessDetected: UInt16
  var skipNegated: Bool
  var hasConditionBlocks: Bool
  var hasRegex: Bool
  var dependsOnCategories: Bool
  /// Runs after the plain rules because it reads their findings (`echoes-customer`).
  var readsFindings: Bool
  var messageHasPlaceholder: Bool
  /// Whether this rule's findings withdraw other rules' findings in the same sentence
  /// (`overrides:`, listed in the pack's `overrides`); a flag, so a plan copies without retains.
  var overridesOthers = false
  var suggestionHasPlaceholder: Bool

  /// The built-in check's parameters the checks read (`words`, `eojeol`, `min`, `count`), copied
  /// out of the rule's dictionary so that no string key is hashed per reply.
  var parameterWords: Int?, parameterEojeol: Int?, parameterMin: Int?, parameterCount: Int?

  init(_ rule: GuidelineRule) {
    category = rule.category
    kind = rule.kind
    severity = rule.severity
    score = rule.score
    penalty = rule.penalty
    minimumCount = rule.minimumCount
    check = rule.check?.name
    parameterWords = rule.check?.parameters["words"]
    parameterEojeol = rule.check?.parameters["eojeol"]
    parameterMin = rule.check?.parameters["min"]
    parameterCount = rule.check?.parameters["count"]
    whenMask = ContextBits.mask(rule.when)
    unlessMask = ContextBits.mask(rule.unless)
    whenDetected = ContextBits.categoryMask(rule.when)
    unlessDetected = ContextBits.categoryMask(rule.unless)
    skipNegated = rule.unless.contains { $0.kind == .negated }
    hasConditionBlocks = !rule.conditions.isEmpty
    hasRegex = !rule.regexes.isEmpty
    readsFindings = rule.check?.readsFindings == true
    dependsOnCategories = rule.check?.isMissing == true || whenDetected != 0 || unlessDetected != 0
    messageHasPlaceholder = rule.message.utf8.contains(UInt8(ascii: "{"))
    suggestionHasPlaceholder = rule.suggestion?.utf8.contains(UInt8(ascii: "{")) ?? false
  }

  /// Whether the rule's `when:`/`unless:` allow it in this context.
  @inline(__always)
  func allowed(context: UInt32, detected: UInt16) -> Bool {
    whenMask & ~context == 0 && unlessMask & context == 0 && whenDetected & ~detected == 0 && unlessDetected & detected == 0
  }
}

/// One bit per reply-level condition.
enum ContextBits {
  static func bit(_ kind: Condition.Kind) -> UInt32 {
    switch kind {
    case .customerMessage: 1 << 0
    case .customerUpset: 1 << 1
    case .customerConfused: 1 << 2
    case .customerFeedback: 1 << 3
    case .companyAtFault: 1 << 4
    case .nameKnown: 1 << 5
    case .nameUsed: 1 << 6
    case .finalReply: 1 << 7
    case .customerSatisfied: 1 << 8
    case .customerWaiting: 1 << 9
    case .customerQuestion: 1 << 10
    case .negated, .quoted, .detected: 0  // judged per match, or by category
    }
  }

  static func mask(_ conditions: [Condition]) -> UInt32 {
    conditions.reduce(0) { $0 | bit($1.kind) }
  }

  static func categoryMask(_ conditions: [Condition]) -> UInt16 {
    conditions.reduce(0) { mask, c in c.kind == .detected ? mask | (1 << UInt16(c.category!.index)) : mask }
  }
}
