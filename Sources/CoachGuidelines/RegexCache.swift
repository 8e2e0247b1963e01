import CoachText
import Foundation

/// Regular expressions compiled once per pack. Immutable after creation; `NSRegularExpression`
/// matching is thread-safe, so the cache can be shared by concurrent evaluations.
///
/// A rule with a regular expression runs on every reply, and matching costs far more than a
/// phrase lookup, so each expression keeps a gate: a character every match must contain (`씨` in
/// `(?<=[가-힣]{1,4} ?)씨(?=…)`), folded as the text view is. A reply without it is not searched.
final class RegexCache: @unchecked Sendable {
  struct Entry {
    let regex: NSRegularExpression
    /// A folded scalar every match contains, or nil when the pattern names none for certain.
    let gate: UInt32?
  }

  private let byRule: [[Entry]]

  init(rules: [GuidelineRule]) {
    byRule = rules.map { rule in
      rule.regexes.compactMap { source in
        (try? NSRegularExpression(pattern: source.pattern)).map { Entry(regex: $0, gate: RegexCache.requiredCharacter(in: source.pattern)) }
      }
    }
  }

  /// The compiled expressions of the rule at this index.
  func expressions(for ruleIndex: Int) -> [Entry] { byRule[ruleIndex] }

  /// A literal character outside every group, class and escape that no quantifier makes
  /// optional, so every match contains it; nil if the pattern has none (or alternatives at the
  /// top level, where no single character is certain).
  static func requiredCharacter(in pattern: String) -> UInt32? {
    let scalars = Array(pattern.unicodeScalars)
    var depth = 0, inClass = false, i = 0
    var candidate: UInt32?
    while i < scalars.count {
      let c = scalars[i]
      if c == "\\" {
        i += 2
        continue
      }
      if inClass {
        if c == "]" { inClass = false }
      } else if c == "[" {
        inClass = true
      } else if c == "(" {
        depth += 1
      } else if c == ")" {
        depth -= 1
      } else if c == "|" && depth == 0 {
        return nil
      } else if depth == 0 && candidate == nil && !"^$.*+?{}".unicodeScalars.contains(c) {
        let next = i + 1 < scalars.count ? scalars[i + 1] : " "
        if next != "?" && next != "*" && next != "{" {
          let folded = NormalizedText.foldScalar(c.value)
          // Letters fold to lower case and spaces collapse in the view; keep only what survives as is.
          if folded != 0x20 && folded != NormalizedText.ignorable { candidate = folded }
        }
      }
      i += 1
    }
    return candidate
  }
}
