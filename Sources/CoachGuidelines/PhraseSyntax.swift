import CoachText

/// Expands one line of a `phrases:` block into the literal phrases the matcher looks for.
///
/// Syntax (documented in Guidelines/README.md):
/// - `a | b` — alternatives; `(so |very |)sorry` — inline choices, the empty one optional;
///   `(정말 )?죄송` — a group followed by `?` is optional;
/// - `죄송하다~` — a Korean dictionary form ending in 다: every conjugation of its last word;
/// - `#` — any number (a run of digits); `\#`, `\|`, `\(` — the literal character;
/// - `*` at the start — may begin inside a word; `*` at the end — may end inside a word;
/// - `=> replacement` — the plain word to suggest instead (plain-language lists);
/// - `@name` — the whole entry is a named set.
enum PhraseSyntax {
  static let maximumExpansions = 4096

  struct Expanded {
    var text: String
    var openStart: Bool
    var openEnd: Bool
  }

  enum Problem: Error, Equatable {
    case empty
    case unbalancedParenthesis
    case tooManyExpansions(Int)
    case conjugationNeedsDictionaryForm(String)
  }

  /// Splits on `|` outside parentheses.
  static func topLevelAlternatives(_ line: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    var escaped = false
    for ch in line {
      if escaped { current.append("\\"); current.append(ch); escaped = false; continue }
      if ch == "\\" { escaped = true; continue }
      if ch == "(" { depth += 1 }
      if ch == ")" { depth -= 1 }
      if ch == "|" && depth == 0 {
        parts.append(current)
        current = ""
      } else {
        current.append(ch)
      }
    }
    if escaped { current.append("\\") }
    parts.append(current)
    return parts.map { $0.trimmingSpaces() }
  }

  /// Expands `(a|b|)` groups.
  static func expandGroups(_ text: String) throws(Problem) -> [String] {
    var results = [""]
    var i = text.startIndex
    while i < text.endIndex {
      let ch = text[i]
      if ch == "\\", text.index(after: i) < text.endIndex {
        let next = text[text.index(after: i)]
        let literal = next == "#" ? "\\#" : String(next)
        results = results.map { $0 + literal }
        i = text.index(i, offsetBy: 2)
        continue
      }
      if ch == "(" {
        guard let close = text[i...].firstIndex(of: ")") else { throw .unbalancedParenthesis }
        var options = text[text.index(after: i)..<close].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        var after = text.index(after: close)
        if after < text.endIndex && text[after] == "?" {  // (x|y)? — the whole group is optional
          options.append("")
          after = text.index(after: after)
        }
        var next: [String] = []
        for r in results { for o in options { next.append(r + o) } }
        guard next.count <= maximumExpansions else { throw .tooManyExpansions(next.count) }
        results = next
        i = after
        continue
      }
      if ch == ")" { throw .unbalancedParenthesis }
      results = results.map { $0 + String(ch) }
      i = text.index(after: i)
    }
    return results
  }

  /// All literal phrases of one alternative (after groups): conjugation, spacing variants,
  /// open-start/end markers.
  static func expand(_ alternative: String, language: Language) throws(Problem) -> [Expanded] {
    var text = alternative
    var openStart = false, openEnd = false
    if text.hasPrefix("*") { openStart = true; text.removeFirst() }
    if text.hasSuffix("*") && !text.hasSuffix("\\*") { openEnd = true; text.removeLast() }
    var out: [Expanded] = []
    for grouped in try expandGroups(text) {
      var form = grouped
      // `~` conjugates: on the whole alternative or on a choice inside a group.
      var conjugate = false
      if form.hasSuffix("~") {
        conjugate = true
        form.removeLast()
      } else if form.contains("다~") {
        throw .conjugationNeedsDictionaryForm(form)  // `다~` must end the phrase
      }
      let collapsed = form.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
      guard !collapsed.isEmpty else { continue }
      var forms = [collapsed]
      if conjugate {
        guard collapsed.hasSuffix("다") && collapsed.count >= 2 else { throw .conjugationNeedsDictionaryForm(collapsed) }
        forms = KoreanConjugator.surfacePrefixes(of: collapsed)
      }
      for f in forms {
        let variants = language == .ko ? KoreanConjugator.spacingVariants(of: f) : [f]
        for v in variants { out.append(Expanded(text: v, openStart: openStart, openEnd: openEnd || conjugate)) }
      }
      guard out.count <= maximumExpansions else { throw .tooManyExpansions(out.count) }
    }
    if out.isEmpty { throw .empty }
    return out
  }
}

extension String {
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
