import Foundation

/// Regular expressions compiled once per pack. Immutable after creation; `NSRegularExpression`
/// matching is thread-safe, so the cache can be shared by concurrent evaluations.
final class RegexCache: @unchecked Sendable {
  private let byRule: [String: [NSRegularExpression]]

  init(rules: [GuidelineRule]) {
    var map: [String: [NSRegularExpression]] = [:]
    for rule in rules where !rule.regexes.isEmpty {
      map[rule.id] = rule.regexes.compactMap { try? NSRegularExpression(pattern: $0.pattern) }
    }
    byRule = map
  }

  func expressions(for ruleID: String) -> [NSRegularExpression] { byRule[ruleID] ?? [] }
}
