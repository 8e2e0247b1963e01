import Foundation

/// Regular expressions compiled once per pack. Immutable after creation; `NSRegularExpression`
/// matching is thread-safe, so the cache can be shared by concurrent evaluations.
final class RegexCache: @unchecked Sendable {
  private let byRule: [[NSRegularExpression]]

  init(rules: [GuidelineRule]) {
    byRule = rules.map { rule in rule.regexes.compactMap { try? NSRegularExpression(pattern: $0.pattern) } }
  }

  /// The compiled expressions of the rule at this index.
  func expressions(for ruleIndex: Int) -> [NSRegularExpression] { byRule[ruleIndex] }
}
