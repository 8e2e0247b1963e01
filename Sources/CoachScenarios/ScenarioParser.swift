import CoachDiagnostics
import CoachGuidelines
import CoachText
import Foundation

/// Reads a `.scenario` file: a header of `key: value` lines, `---`, nodes and endings, `===`.
///
/// The parser reports every syntax problem it can find (it never stops at the first) and leaves
/// checks that need the whole file — targets, reachability, languages, rule ids — to
/// ``ScenarioLinter``.
enum ScenarioParser {
  /// The header keys, in the order the README lists them.
  static let headerKeys = [
    "id", "title", "language", "mood", "difficulty", "channel", "customer-name", "situation", "company-at-fault",
    "turn-limit", "trains",
  ]

  /// The words a body line can start with.
  static let bodyKeywords = ["node", "ending", "customer:", "hint:", "kind:", "debrief:", "if", "otherwise", "==="]

  static func parse(data: Data, path: String) -> ParsedScenario {
    let source = SourceText(data: data, path: path)
    var state = State(source: source, parsed: ParsedScenario(path: path, contentHash: fnv1a64(data)))
    state.parsed.diagnostics += source.diagnostics
    for (index, scalars) in source.lines.enumerated() {
      state.parseLine(Line(number: index + 1, scalars: scalars))
    }
    state.finish()
    return state.parsed
  }

  /// One line with its comment removed and its surrounding blanks measured.
  struct Line {
    var number: Int
    var scalars: [Unicode.Scalar]
    /// Index of the first non-blank scalar.
    var start: Int
    /// Index just past the last non-blank scalar before any comment.
    var end: Int

    init(number: Int, scalars: [Unicode.Scalar]) {
      self.number = number
      self.scalars = scalars
      var end = scalars.count
      var i = 0
      while i + 1 < scalars.count {
        if scalars[i] == "/" && scalars[i + 1] == "/" && (i == 0 || scalars[i - 1] == " " || scalars[i - 1] == "\t") {
          end = i
          break
        }
        i += 1
      }
      while end > 0 && Line.isBlank(scalars[end - 1]) { end -= 1 }
      var start = 0
      while start < end && Line.isBlank(scalars[start]) { start += 1 }
      self.start = start
      self.end = end
    }

    static func isBlank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{FEFF}" || s == "\u{A0}" || s == "\u{3000}" }

    var isEmpty: Bool { start >= end }

    func text(_ from: Int, _ to: Int) -> String { String(String.UnicodeScalarView(scalars[from..<to])) }

    var content: String { text(start, end) }

    /// The first word: up to a blank, or through a `:` that ends it.
    var firstWord: (text: String, end: Int) {
      var i = start
      while i < end && !Line.isBlank(scalars[i]) {
        if scalars[i] == ":" {
          i += 1
          break
        }
        i += 1
      }
      return (text(start, i), i)
    }

    /// The index of the first non-blank scalar at or after `i` (or `end`).
    func skipBlanks(from i: Int) -> Int {
      var j = i
      while j < end && Line.isBlank(scalars[j]) { j += 1 }
      return j
    }
  }

  enum Section { case header, body, trailer }

  struct State {
    let source: SourceText
    var parsed: ParsedScenario
    var section = Section.header
    /// What `customer:`, `hint:` and branches attach to.
    enum Current { case none, node(Int), ending(Int) }
    var current = Current.none
    var headerLocations: [String: SourceLocation] = [:]
    /// The last line with something other than blanks and comments.
    var lastContentLine = 0

    init(source: SourceText, parsed: ParsedScenario) {
      self.source = source
      self.parsed = parsed
    }

    func location(_ line: Line, _ index: Int, length: Int? = nil) -> SourceLocation {
      source.location(line: line.number, column: index + 1, length: length)
    }

    mutating func error(_ code: String, _ message: String, _ at: SourceLocation, notes: [Diagnostic] = []) {
      parsed.diagnostics.append(.error(code, message, at: at, notes: notes))
    }

    mutating func parseLine(_ line: Line) {
      guard !line.isEmpty else { return }
      lastContentLine = line.number
      let content = line.content
      switch section {
      case .header:
        if content == "---" {
          parsed.separator = location(line, line.start, length: 3)
          section = .body
        } else if content == "===" {
          error("syntax", "'===' before '---': the header must be followed by '---' and the script", location(line, line.start, length: 3))
          section = .trailer
        } else {
          parseHeaderLine(line)
        }
      case .body:
        parseBodyLine(line)
      case .trailer:
        error("syntax", "text after '===', the end of the scenario", location(line, line.start, length: line.end - line.start))
      }
    }

    mutating func finish() {
      // Reported on the line after the last one with content, where the marker belongs.
      let end = source.location(line: lastContentLine + 1, column: 1)
      switch section {
      case .header:
        error("syntax", "missing '---' after the header (and the script after it)", end)
      case .body:
        error("syntax", "missing '===' at the end of the scenario", end)
      case .trailer:
        break
      }
    }

    // MARK: - Header

    mutating func parseHeaderLine(_ line: Line) {
      let word = line.firstWord
      guard word.text.hasSuffix(":"), word.text.count > 1 else {
        error(
          "syntax", "expected 'key: value' in the header, or '---' to start the script",
          location(line, line.start, length: word.end - line.start))
        return
      }
      let key = String(word.text.dropLast())
      let keyLocation = location(line, line.start, length: key.unicodeScalars.count)
      let valueStart = line.skipBlanks(from: word.end)
      let value = line.text(valueStart, line.end)
      let valueLocation = location(line, valueStart, length: max(1, line.end - valueStart))
      guard ScenarioParser.headerKeys.contains(key) else {
        let suggestion = closestMatch(to: key, among: ScenarioParser.headerKeys)
        parsed.diagnostics.append(
          .warning(
            "unknown-field", "unknown header field '\(key)'; it is ignored", at: keyLocation,
            notes: suggestion.map { [.note("did you mean '\($0)'?")] } ?? []))
        return
      }
      if let first = headerLocations[key] {
        error("duplicate-field", "header field '\(key)' is given twice", keyLocation, notes: [.note("first given here", at: first)])
        return
      }
      headerLocations[key] = keyLocation
      parsed.headerKeysSeen.insert(key)
      guard !value.isEmpty else {
        error("invalid-value", "header field '\(key)' has no value", keyLocation)
        return
      }
      switch key {
      case "id":
        if checkID(value, what: "scenario id", at: valueLocation) { parsed.id = .init(value: value, location: valueLocation) }
      case "title":
        parsed.title = .init(value: value, location: valueLocation)
      case "customer-name":
        parsed.customerName = .init(value: value, location: valueLocation)
      case "situation":
        parsed.situation = .init(value: value, location: valueLocation)
      case "language":
        if let v = enumValue(Language.self, value, key: key, at: valueLocation) { parsed.language = .init(value: v, location: valueLocation) }
      case "difficulty":
        if let v = enumValue(Difficulty.self, value, key: key, at: valueLocation) { parsed.difficulty = .init(value: v, location: valueLocation) }
      case "channel":
        if let v = enumValue(Channel.self, value, key: key, at: valueLocation) { parsed.channel = .init(value: v, location: valueLocation) }
      case "company-at-fault":
        switch value {
        case "yes": parsed.companyAtFault = .init(value: true, location: valueLocation)
        case "no": parsed.companyAtFault = .init(value: false, location: valueLocation)
        default: error("invalid-value", "company-at-fault is '\(value)'; expected 'yes' or 'no'", valueLocation)
        }
      case "mood":
        parseMood(line, from: valueStart)
      case "turn-limit":
        parseTurnLimit(line, from: valueStart)
      case "trains":
        parseTrains(line, from: valueStart)
      default:
        break
      }
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ value: String, key: String, at location: SourceLocation)
      -> E? where E.RawValue == String
    {
      if let v = E(rawValue: value) { return v }
      let names = E.allCases.map(\.rawValue)
      let suggestion = closestMatch(to: value, among: names)
      error(
        "invalid-value", "\(key) is '\(value)'; expected one of " + names.map { "'\($0)'" }.joined(separator: ", "), location,
        notes: suggestion.map { [.note("did you mean '\($0)'?")] } ?? [])
      return nil
    }

    /// `mood: angry 7`
    mutating func parseMood(_ line: Line, from start: Int) {
      let tokens = ConditionLexer.tokens(line.scalars, from: start, to: line.end)
      let example = "a mood and its start value 0–10, e.g. 'angry 7'"
      guard tokens.count == 2, tokens[0].kind == .word, tokens[1].kind == .number, let value = Int(tokens[1].text) else {
        if tokens.count >= 1, tokens[0].kind == .word, MoodName(rawValue: tokens[0].text) != nil, tokens.count == 1 {
          error("invalid-value", "mood '\(tokens[0].text)' has no start value; expected \(example)", location(line, line.end))
        } else if tokens.count >= 2, tokens[1].kind == .signedNumber {
          error("mood-out-of-range", "mood starts at \(tokens[1].text), outside 0–10", location(line, tokens[1].column - 1, length: tokens[1].length))
        } else {
          error("invalid-value", "expected \(example)", location(line, start, length: line.end - start))
        }
        return
      }
      let nameToken = tokens[0], valueToken = tokens[1]
      guard let name = enumValue(MoodName.self, nameToken.text, key: "mood", at: location(line, nameToken.column - 1, length: nameToken.length))
      else { return }
      guard Mood.range.contains(value) else {
        error("mood-out-of-range", "mood starts at \(value), outside 0–10", location(line, valueToken.column - 1, length: valueToken.length))
        return
      }
      parsed.mood = .init(value: Mood(name: name, start: value), location: location(line, start, length: line.end - start))
    }

    /// `turn-limit: 6 -> escalated`
    mutating func parseTurnLimit(_ line: Line, from start: Int) {
      let tokens = ConditionLexer.tokens(line.scalars, from: start, to: line.end)
      guard tokens.count == 3, tokens[0].kind == .number, let turns = Int(tokens[0].text), tokens[1].kind == .arrow, tokens[2].kind == .word
      else {
        error(
          "invalid-value", "expected the most replies and the ending reached after them, e.g. 'turn-limit: 6 -> escalated'",
          location(line, start, length: line.end - start))
        return
      }
      guard turns >= 1 && turns <= 99 else {
        error("invalid-value", "turn limit \(turns) is outside 1–99", location(line, tokens[0].column - 1, length: tokens[0].length))
        return
      }
      let targetLocation = location(line, tokens[2].column - 1, length: tokens[2].length)
      parsed.turnLimit = .init(value: turns, location: location(line, tokens[0].column - 1, length: tokens[0].length))
      parsed.turnLimitTarget = .init(value: tokens[2].text, location: targetLocation)
    }

    /// `trains: apology, empathy, resolution`
    mutating func parseTrains(_ line: Line, from start: Int) {
      var i = start
      while i < line.end {
        var j = i
        while j < line.end && line.scalars[j] != "," { j += 1 }
        var a = i, b = j
        while a < b && Line.isBlank(line.scalars[a]) { a += 1 }
        while b > a && Line.isBlank(line.scalars[b - 1]) { b -= 1 }
        if a < b {
          let name = line.text(a, b)
          let at = location(line, a, length: b - a)
          if let category = Category(rawValue: name) {
            parsed.trains.append(.init(value: category, location: at))
          } else {
            parsed.diagnostics.append(unknownCategory(name, at: at))
          }
        } else {
          error("syntax", "empty item in the 'trains' list", location(line, a))
        }
        i = j + 1
      }
    }

    /// True when `id` is lower-case kebab ASCII; reports it otherwise.
    mutating func checkID(_ id: String, what: String, at location: SourceLocation) -> Bool {
      if isKebabID(id) { return true }
      error("invalid-id", "\(what) '\(id)' must be lower-case ASCII words joined by '-', e.g. 'late-delivery'", location)
      return false
    }

    // MARK: - Body

    mutating func parseBodyLine(_ line: Line) {
      let word = line.firstWord
      let rest = line.skipBlanks(from: word.end)
      switch word.text {
      case "===":
        if rest < line.end {
          error("syntax", "text after '==='", location(line, rest, length: line.end - rest))
        }
        parsed.endMarker = location(line, line.start, length: 3)
        section = .trailer
      case "---":
        error("syntax", "a second '---'; the header ends at the first", location(line, line.start, length: 3))
      case "node", "ending":
        parseDeclaration(line, keyword: word.text, from: rest)
      case "customer:", "hint:", "kind:", "debrief:":
        parseText(line, key: String(word.text.dropLast()), from: rest)
      case "if", "otherwise":
        parseBranch(line, keyword: word.text, from: rest)
      default:
        reportUnexpected(line, word: word.text, wordEnd: word.end)
      }
    }

    mutating func reportUnexpected(_ line: Line, word: String, wordEnd: Int) {
      let at = location(line, line.start, length: wordEnd - line.start)
      if word == "else" || word == "else:" || word == "default" || word == "default:" {
        error("syntax", "unexpected '\(word)'; write 'otherwise -> <target>' for the default branch", at)
      } else if word.hasPrefix("->") {
        error("syntax", "a jump needs a condition: write 'if <condition> -> <target>' or 'otherwise -> <target>'", at)
      } else if ScenarioParser.headerKeys.contains(String(word.dropLast())) && word.hasSuffix(":") {
        error("syntax", "header field '\(word.dropLast())' after '---'; move it above '---'", at)
      } else {
        let suggestion = closestMatch(to: word, among: ScenarioParser.bodyKeywords)
        error(
          "syntax", "unexpected '\(word)'; a script line starts with 'node', 'ending', 'customer:', 'hint:', 'kind:', 'debrief:', 'if', 'otherwise' or '==='",
          at, notes: suggestion.map { [.note("did you mean '\($0)'?")] } ?? [])
      }
    }

    mutating func parseDeclaration(_ line: Line, keyword: String, from start: Int) {
      guard start < line.end else {
        error("syntax", "'\(keyword)' needs a name, e.g. '\(keyword) \(keyword == "node" ? "start" : "resolved")'", location(line, line.start, length: keyword.count))
        current = .none
        return
      }
      var end = start
      while end < line.end && !Line.isBlank(line.scalars[end]) { end += 1 }
      var name = line.text(start, end)
      var nameEnd = end
      if name.hasSuffix(":") {  // tolerate `node start:`
        name.removeLast()
        nameEnd -= 1
      }
      let at = location(line, start, length: nameEnd - start)
      let extra = line.skipBlanks(from: end)
      if extra < line.end {
        error("syntax", "unexpected text after the \(keyword) name '\(name)'", location(line, extra, length: line.end - extra))
      }
      if !checkID(name, what: "\(keyword) name", at: at) {
        // Keep going with the name as written so its lines are not reported as orphans.
      }
      let id = ParsedScenario.Located(value: name, location: at)
      if keyword == "node" {
        parsed.nodes.append(.init(id: id))
        current = .node(parsed.nodes.count - 1)
      } else {
        parsed.endings.append(.init(id: id))
        current = .ending(parsed.endings.count - 1)
      }
    }

    mutating func parseText(_ line: Line, key: String, from start: Int) {
      let keyLocation = location(line, line.start, length: key.count + 1)
      guard start < line.end else {
        error("syntax", "'\(key):' has no text", keyLocation)
        return
      }
      let text = line.text(start, line.end)
      let at = location(line, start, length: line.end - start)
      switch (key, current) {
      case ("customer", .node(let i)): parsed.nodes[i].lines.append(.init(value: text, location: at))
      case ("customer", .ending(let i)): parsed.endings[i].lines.append(.init(value: text, location: at))
      case ("hint", .node(let i)): parsed.nodes[i].hints.append(text)
      case ("debrief", .ending(let i)): parsed.endings[i].debrief.append(text)
      case ("kind", .ending(let i)):
        if parsed.endings[i].kindWasGiven {
          error("duplicate-field", "ending '\(parsed.endings[i].id.value)' has a second 'kind:'", keyLocation)
          return
        }
        parsed.endings[i].kindWasGiven = true
        if let kind = enumValue(EndingKind.self, text, key: "kind", at: at) {
          parsed.endings[i].kind = .init(value: kind, location: at)
        }
      case (_, .none):
        error("syntax", "'\(key):' outside a node or ending; start one with 'node <name>' or 'ending <name>'", keyLocation)
      case ("hint", .ending), ("kind", .node), ("debrief", .node):
        let place = key == "hint" ? "a node" : "an ending"
        error("syntax", "'\(key):' belongs in \(place)", keyLocation)
      default:
        break
      }
    }

    mutating func parseBranch(_ line: Line, keyword: String, from start: Int) {
      let branchLocation = location(line, line.start, length: line.end - line.start)
      let tokens = ConditionLexer.tokens(line.scalars, from: start, to: line.end)
      var branch = ParsedScenario.ParsedBranch(
        isDefault: keyword == "otherwise", condition: nil, conditionIsValid: true, target: nil, moodChange: 0,
        location: branchLocation, ruleReferences: [])
      guard let arrow = tokens.firstIndex(where: { $0.kind == .arrow }) else {
        error("syntax", "expected '->' and the node or ending to go to", location(line, line.end))
        branch.conditionIsValid = false
        attach(branch, line: line, keyword: keyword)
        return
      }
      let conditionTokens = Array(tokens[..<arrow])
      if keyword == "if" {
        if conditionTokens.isEmpty {
          error("bad-condition", "expected a condition between 'if' and '->'", location(line, tokens[arrow].column - 1, length: 2))
          branch.conditionIsValid = false
        } else {
          var parser = ConditionParser(tokens: conditionTokens, source: source, line: line.number, endColumn: tokens[arrow].column)
          let condition = parser.parse()
          parsed.diagnostics += parser.diagnostics
          branch.condition = condition
          branch.conditionIsValid = condition != nil
          branch.ruleReferences = parser.ruleReferences
        }
      } else if let first = conditionTokens.first {
        error(
          "syntax", "'otherwise' takes no condition; write 'if <condition> -> <target>' for a conditional branch",
          location(line, first.column - 1, length: first.length))
      }
      let after = Array(tokens[(arrow + 1)...])
      if let target = after.first, target.kind == .word {
        branch.target = .init(value: target.text, location: location(line, target.column - 1, length: target.length))
        parseMoodChange(Array(after.dropFirst()), line: line, into: &branch)
      } else if let other = after.first {
        error("syntax", "expected a node or ending name after '->', found '\(other.text)'", location(line, other.column - 1, length: other.length))
      } else {
        error("syntax", "expected a node or ending name after '->'", location(line, line.end))
      }
      attach(branch, line: line, keyword: keyword)
    }

    /// `mood +2` / `mood -3` after the target.
    mutating func parseMoodChange(_ tokens: [Token], line: Line, into branch: inout ParsedScenario.ParsedBranch) {
      guard let first = tokens.first else { return }
      guard first.isWord("mood") else {
        error("syntax", "unexpected '\(first.text)' after the target; only 'mood +N' or 'mood -N' may follow", location(line, first.column - 1, length: first.length))
        return
      }
      guard tokens.count >= 2 else {
        error("syntax", "expected a change such as '+2' or '-3' after 'mood'", location(line, line.end))
        return
      }
      let change = tokens[1]
      guard change.kind == .signedNumber || change.kind == .number, let value = Int(change.text) else {
        error("syntax", "expected a change such as '+2' or '-3' after 'mood', found '\(change.text)'", location(line, change.column - 1, length: change.length))
        return
      }
      if change.kind == .number && value != 0 {
        error("syntax", "write the change with its sign: 'mood +\(value)' or 'mood -\(value)'", location(line, change.column - 1, length: change.length))
        return
      }
      if abs(value) > 10 {
        error("mood-out-of-range", "mood change \(change.text) is outside -10…+10", location(line, change.column - 1, length: change.length))
        return
      }
      branch.moodChange = value
      if tokens.count > 2 {
        let extra = tokens[2]
        error("syntax", "unexpected '\(extra.text)' after the mood change", location(line, extra.column - 1, length: extra.length))
      }
    }

    mutating func attach(_ branch: ParsedScenario.ParsedBranch, line: Line, keyword: String) {
      switch current {
      case .node(let i): parsed.nodes[i].branches.append(branch)
      case .ending(let i):
        error(
          "syntax", "an ending has no branches; ending '\(parsed.endings[i].id.value)' closes the conversation",
          location(line, line.start, length: keyword.count))
      case .none:
        error("syntax", "'\(keyword)' outside a node; start one with 'node <name>'", location(line, line.start, length: keyword.count))
      }
    }
  }
}

/// Lower-case ASCII letters and digits in words joined by single `-`.
func isKebabID(_ id: String) -> Bool {
  guard !id.isEmpty, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
  return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
}
