import CoachDiagnostics
import CoachGuidelines
import CoachText

/// Parses the condition of a branch, reporting the first syntax error at its token's column
/// and every unknown category (parsing goes on after those).
struct ConditionParser {
  let tokens: [Token]
  let source: SourceText
  let line: Int
  /// Where the condition ends (the `->` column), for "expected … here" at the end.
  let endColumn: Int
  private(set) var index = 0
  private(set) var diagnostics: [Diagnostic] = []
  /// Rule ids mentioned, with where, for the linter to check against the packs.
  private(set) var ruleReferences: [RuleReference] = []

  init(tokens: [Token], source: SourceText, line: Int, endColumn: Int) {
    self.tokens = tokens
    self.source = source
    self.line = line
    self.endColumn = endColumn
  }

  struct SyntaxError: Error {}

  /// The words a condition may start with, for "did you mean".
  static let keywords = ["not", "overall", "mood", "turn", "speech-level", "critical"]

  /// Parses all tokens as one condition; `nil` after a syntax error (already reported).
  mutating func parse() -> Condition? {
    do {
      let condition = try parseOr()
      if index < tokens.count {
        let token = tokens[index]
        if token.kind == .closeParen {
          throw fail(at: token, "unmatched ')'")
        }
        throw fail(at: token, "expected 'and', 'or' or '->' before \(quoted(token))")
      }
      return condition
    } catch {
      return nil
    }
  }

  // MARK: - Grammar

  private mutating func parseOr() throws(SyntaxError) -> Condition {
    var left = try parseAnd()
    while let token = peek, token.isWord("or") {
      index += 1
      left = .or(left, try parseAnd())
    }
    return left
  }

  private mutating func parseAnd() throws(SyntaxError) -> Condition {
    var left = try parseUnary()
    while let token = peek, token.isWord("and") {
      index += 1
      left = .and(left, try parseUnary())
    }
    return left
  }

  private mutating func parseUnary() throws(SyntaxError) -> Condition {
    guard let token = peek else {
      let previous = index > 0 ? " after '\(tokens[index - 1].text)'" : ""
      throw failAtEnd("expected a condition\(previous)")
    }
    if token.isWord("not") {
      index += 1
      return .not(try parseUnary())
    }
    if token.kind == .openParen {
      index += 1
      let inner = try parseOr()
      guard let close = peek, close.kind == .closeParen else {
        if let other = peek { throw fail(at: other, "expected ')' to close the '(' at column \(token.column), found \(quoted(other))") }
        throw failAtEnd("expected ')' to close the '(' at column \(token.column)")
      }
      index += 1
      return inner
    }
    return try parseAtom()
  }

  private mutating func parseAtom() throws(SyntaxError) -> Condition {
    let token = tokens[index]
    switch token.kind {
    case .word: break
    case .bad:
      switch token.text {
      case "&&": throw fail(at: token, "unexpected '&&'; write 'and'")
      case "||": throw fail(at: token, "unexpected '||'; write 'or'")
      case "!": throw fail(at: token, "unexpected '!'; write 'not'")
      default: throw fail(at: token, "unexpected \(quoted(token)) in a condition")
      }
    default:
      throw fail(at: token, "expected a condition, found \(quoted(token))")
    }
    index += 1
    switch token.text {
    case "and", "or":
      throw fail(at: token, "expected a condition before '\(token.text)'")
    case "overall":
      let (comparison, value) = try parseComparison(after: token, range: 0...100, what: "a score")
      return .overall(comparison, value)
    case "mood":
      let (comparison, value) = try parseComparison(after: token, range: Mood.range, what: "a mood")
      return .mood(comparison, value)
    case "turn":
      let (comparison, value) = try parseComparison(after: token, range: 1...99, what: "a turn number")
      return .turn(comparison, value)
    case "critical":
      return .critical
    case "speech-level":
      return try parseSpeechLevel(after: token)
    default: break
    }
    if token.text.contains(".") {
      ruleReferences.append(RuleReference(id: token.text, location: location(token)))
      return .rule(token.text)
    }
    let category = Category(rawValue: token.text)
    let next = peek
    let continuesLikeCategory = next.map { $0.isWord("detected") || $0.isComparison } ?? false
    if category == nil {
      guard continuesLikeCategory else {
        let suggestion = closestMatch(to: token.text, among: ConditionParser.keywords + Category.allCases.map(\.name))
        throw fail(
          at: token,
          "unknown word \(quoted(token)) in a condition; expected a category, a rule id, 'overall', 'mood', 'turn', 'speech-level', 'critical', 'not' or '('",
          suggestion: suggestion)
      }
      diagnostics.append(unknownCategory(token.text, at: location(token)))
    }
    guard let next else { throw failAtEnd("expected 'detected' or a comparison such as '>= 60' after '\(token.text)'") }
    if next.isWord("detected") {
      index += 1
      return .detected(category ?? .empathy)
    }
    guard next.isComparison else {
      throw fail(at: next, "expected 'detected' or a comparison such as '>= 60' after '\(token.text)', found \(quoted(next))")
    }
    let (comparison, value) = try parseComparison(after: token, range: 0...100, what: "a score")
    return .score(category ?? .empathy, comparison, value)
  }

  private mutating func parseComparison(after subject: Token, range: ClosedRange<Int>, what: String) throws(SyntaxError) -> (Comparison, Int) {
    guard let op = peek else { throw failAtEnd("expected a comparison such as '>= \(range.upperBound / 2 + 1)' after '\(subject.text)'") }
    guard case .comparison(let comparison) = op.kind else {
      throw fail(at: op, "expected a comparison ('>=', '<=', '>', '<', '=', '!=') after '\(subject.text)', found \(quoted(op))")
    }
    index += 1
    guard let number = peek else { throw failAtEnd("expected a number after '\(op.text)'") }
    guard number.kind == .number || number.kind == .signedNumber, let value = Int(number.text) else {
      throw fail(at: number, "expected a number after '\(op.text)', found \(quoted(number))")
    }
    index += 1
    if !range.contains(value) {
      let code = subject.text == "mood" ? "mood-out-of-range" : "out-of-range"
      diagnostics.append(
        .error(code, "\(what) is compared with \(value), outside \(range.lowerBound)–\(range.upperBound)", at: location(number)))
    }
    return (comparison == .equal && op.text == "==" ? .equal : comparison, value)
  }

  private mutating func parseSpeechLevel(after token: Token) throws(SyntaxError) -> Condition {
    guard let isWord = peek else { throw failAtEnd("expected 'is' after 'speech-level', as in 'speech-level is mixed'") }
    guard isWord.isWord("is") else {
      throw fail(at: isWord, "expected 'is' after 'speech-level', as in 'speech-level is mixed', found \(quoted(isWord))")
    }
    index += 1
    var negated = false
    if let not = peek, not.isWord("not") {
      negated = true
      index += 1
    }
    let levels = ["formal", "polite", "informal", "mixed"]
    guard let levelToken = peek else { throw failAtEnd("expected a speech level: one of 'formal', 'polite', 'informal', 'mixed'") }
    guard levelToken.kind == .word, let level = SpeechLevel(rawValue: levelToken.text) else {
      throw fail(
        at: levelToken, "unknown speech level \(quoted(levelToken)); expected one of 'formal', 'polite', 'informal', 'mixed'",
        suggestion: closestMatch(to: levelToken.text, among: levels))
    }
    index += 1
    return negated ? .not(.speechLevel(level)) : .speechLevel(level)
  }

  // MARK: - Helpers

  private var peek: Token? { index < tokens.count ? tokens[index] : nil }

  private func location(_ token: Token) -> SourceLocation {
    source.location(line: line, column: token.column, length: token.length)
  }

  private func quoted(_ token: Token) -> String { "'\(token.text)'" }

  private mutating func fail(at token: Token, _ message: String, suggestion: String? = nil) -> SyntaxError {
    diagnostics.append(
      .error("bad-condition", message, at: location(token), notes: suggestion.map { [.note("did you mean '\($0)'?")] } ?? []))
    return SyntaxError()
  }

  private mutating func failAtEnd(_ message: String) -> SyntaxError {
    diagnostics.append(.error("bad-condition", message, at: source.location(line: line, column: endColumn)))
    return SyntaxError()
  }
}

/// A rule id written in a condition, with where it was written.
struct RuleReference: Sendable, Hashable {
  var id: String
  var location: SourceLocation
}

extension Token {
  var isComparison: Bool {
    if case .comparison = kind { return true }
    return false
  }
}

/// "unknown category 'empthy'" with a did-you-mean note, or the list of categories.
func unknownCategory(_ name: String, at location: SourceLocation) -> Diagnostic {
  let note: Diagnostic
  if let suggestion = closestMatch(to: name, among: Category.allCases.map(\.name)) {
    note = .note("did you mean '\(suggestion)'?")
  } else {
    note = .note("the categories are " + Category.allCases.map { "'\($0.name)'" }.joined(separator: ", "))
  }
  return .error("unknown-category", "unknown category '\(name)'", at: location, notes: [note])
}
