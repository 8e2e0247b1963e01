import CoachDiagnostics
import CoachText
import Foundation

/// A named phrase set (`set time`), referred to as `@time` from any rule of the same language.
public struct PhraseSet: Sendable {
  public var name: String
  public var language: Language
  public var block: PhraseBlock
}

/// What one `.rules` file declares.
public struct RuleFile: Sendable {
  public var path: String
  public var language: Language
  public var rules: [GuidelineRule] = []
  public var sets: [PhraseSet] = []
  public var disabled: [(id: String, location: SourceLocation)] = []
  public var diagnostics: [Diagnostic] = []
}

/// Reads the line-oriented, indentation-structured `.rules` format (Guidelines/README.md),
/// reporting every problem with `file:line:column` and carrying on to find the rest.
struct RuleFileParser {
  static let ruleKeys: Set<String> = Set([
    "name", "alias", "category", "kind", "severity", "score", "penalty", "principles", "message", "suggest",
    "phrases", "regex", "check", "when", "unless", "min-count", "overrides", "context", "match", "no-match",
  ] + ConditionBlock.Scope.allCases.map(\.rawValue))
  static let blockKeys: Set<String> = Set(["phrases", "context"] + ConditionBlock.Scope.allCases.map(\.rawValue))
  /// Keys whose values are free text (no inline `# comment`).
  static let textKeys: Set<String> = ["message", "suggest", "match", "no-match", "name", "regex", "customer", "reply", "customer-name"]
  static let principleIDs: Set<String> = [
    "E1", "E2", "E3", "E4", "G1", "G2", "A1", "A2", "A3", "P1", "P2", "P3", "O1", "O2", "O3", "R1", "R2", "R3", "R4",
    "C1", "C2", "N1", "N2", "T1", "T2", "T3",
  ]

  struct Line {
    var number: Int
    var indent: Int
    var content: Substring
    var contentColumn: Int
  }

  let path: String
  let language: Language
  var diagnostics: [Diagnostic] = []

  init(path: String, language: Language) {
    self.path = path
    self.language = language
  }

  func location(_ line: Int, _ column: Int, length: Int? = nil) -> SourceLocation {
    SourceLocation(path: path, line: line, column: column, endColumn: length.map { column + max(1, $0) })
  }

  static func parse(data: Data, path: String, language: Language) -> RuleFile {
    var parser = RuleFileParser(path: path, language: language)
    var file = RuleFile(path: path, language: language)
    guard let text = parser.decode(data) else {
      file.diagnostics = parser.diagnostics
      return file
    }
    parser.parse(text, into: &file)
    file.diagnostics += parser.diagnostics
    return file
  }

  /// Validates UTF-8 and reports the first invalid byte's position.
  mutating func decode(_ data: Data) -> String? {
    if let text = String(bytes: data, encoding: .utf8) { return text }
    // Find the first invalid byte to report it.
    let bytes = [UInt8](data)
    var line = 1, column = 1, i = 0
    while i < bytes.count {
      let b = bytes[i]
      let length = b < 0x80 ? 1 : b >> 5 == 0x6 ? 2 : b >> 4 == 0xE ? 3 : b >> 3 == 0x1E ? 4 : 0
      if length == 0 || i + length > bytes.count || String(bytes: bytes[i..<(i + length)], encoding: .utf8) == nil {
        diagnostics.append(
          .error(
            "invalid-utf8", "the file is not valid UTF-8 (byte 0x\(String(b, radix: 16, uppercase: true)))",
            at: location(line, column)))
        return nil
      }
      if b == 0x0A { line += 1; column = 1 } else { column += 1 }
      i += length
    }
    return String(decoding: data, as: UTF8.self)
  }

  mutating func parse(_ text: String, into file: inout RuleFile) {
    var lines: [Line] = []
    var number = 0
    // Split on the byte: as Characters, "\r\n" is one grapheme and would not split, so a file
    // saved with Windows line endings read as a single line.
    for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
      number += 1
      var content = Substring(raw)
      if content.last == "\r" { content.removeLast() }
      var indent = 0
      while let first = content.first, first == " " || first == "\t" {
        indent += 1
        content.removeFirst()
      }
      while let last = content.last, last == " " || last == "\t" { content.removeLast() }
      if content.isEmpty || content.hasPrefix("#") { continue }
      lines.append(Line(number: number, indent: indent, content: content, contentColumn: indent + 1))
    }
    var i = 0
    var sawFormat = false
    while i < lines.count {
      let line = lines[i]
      if line.indent > 0 {
        diagnostics.append(
          .error("unexpected-indent", "indented line outside a rule or set", at: location(line.number, line.contentColumn)))
        i += 1
        continue
      }
      let (word, rest, restColumn) = splitWord(line)
      switch word {
      case "format":
        sawFormat = true
        if rest != "1" {
          diagnostics.append(
            .error("unsupported-format", "unsupported format '\(rest)'; this coach reads format 1", at: location(line.number, restColumn)))
        }
        i += 1
      case "language":
        if rest != language.rawValue {
          diagnostics.append(
            .error(
              "wrong-language", "the file says language '\(rest)' but sits in the '\(language.rawValue)' folder",
              at: location(line.number, restColumn)))
        }
        i += 1
      case "disable":
        if rest.isEmpty {
          diagnostics.append(.error("missing-value", "'disable' needs a rule id", at: location(line.number, line.contentColumn)))
        } else {
          file.disabled.append((rest, location(line.number, restColumn, length: rest.unicodeScalars.count)))
        }
        i += 1
      case "rule", "set":
        let body = block(after: i, in: lines)
        if rest.isEmpty {
          diagnostics.append(.error("missing-value", "'\(word)' needs a name", at: location(line.number, line.contentColumn)))
        } else if word == "rule" {
          if let rule = parseRule(id: rest, idColumn: restColumn, header: line, body: body) { file.rules.append(rule) }
        } else {
          if !isValidSetName(rest) {
            diagnostics.append(
              .error("bad-set-name", "set names are lower-case letters, digits and '-': '\(rest)'", at: location(line.number, restColumn)))
          }
          let block = parsePhraseBlock(body, headerLine: line.number, headerColumn: restColumn)
          file.sets.append(PhraseSet(name: rest, language: language, block: block))
        }
        i += 1 + body.count
      default:
        let suggestion = closestMatch(to: word, among: ["rule", "set", "disable", "format", "language"])
        diagnostics.append(
          .error(
            "unknown-statement", "unknown statement '\(word)'; expected 'rule', 'set', 'disable', 'format' or 'language'",
            at: location(line.number, line.contentColumn, length: word.unicodeScalars.count),
            notes: suggestion.map { [.note("did you mean '\($0)'?")] } ?? []))
        i += 1 + block(after: i, in: lines).count
      }
    }
    if !sawFormat && !lines.isEmpty {
      diagnostics.append(.warning("missing-format", "the file does not start with 'format 1'", at: location(1, 1)))
    }
  }

  /// The indented lines that belong to the statement at `index`.
  func block(after index: Int, in lines: [Line]) -> [Line] {
    var out: [Line] = []
    var j = index + 1
    while j < lines.count && lines[j].indent > lines[index].indent {
      out.append(lines[j])
      j += 1
    }
    return out
  }

  func splitWord(_ line: Line) -> (String, String, Int) {
    let content = line.content
    guard let space = content.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (String(content), "", line.contentColumn + content.unicodeScalars.count) }
    let word = String(content[..<space])
    var rest = content[space...]
    var column = line.contentColumn + word.unicodeScalars.count
    while let f = rest.first, f == " " || f == "\t" { rest.removeFirst(); column += 1 }
    return (word, String(rest), column)
  }

  func isValidSetName(_ name: String) -> Bool {
    !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  // MARK: - Rules

  /// Splits `key: value` (value may be empty); returns nil when the line has no colon key.
  func keyValue(_ line: Line) -> (key: String, value: String, valueColumn: Int)? {
    guard let colon = line.content.firstIndex(of: ":") else { return nil }
    let key = String(line.content[..<colon])
    guard !key.isEmpty, !key.contains(" ") else { return nil }
    var value = line.content[line.content.index(after: colon)...]
    var column = line.contentColumn + key.unicodeScalars.count + 1
    while let f = value.first, f == " " || f == "\t" { value.removeFirst(); column += 1 }
    var text = String(value)
    if !RuleFileParser.textKeys.contains(key), let hash = text.range(of: " #") {
      text = String(text[..<hash.lowerBound]).trimmingSpaces()
    }
    return (key, text, column)
  }

  mutating func parseRule(id: String, idColumn: Int, header: Line, body: [Line]) -> GuidelineRule? {
    let ruleLocation = location(header.number, idColumn, length: id.unicodeScalars.count)
    var errorCount = diagnostics.filter(\.isError).count
    validateRuleID(id, at: ruleLocation)
    var fields: [String: (value: String, column: Int, line: Int)] = [:]
    var aliases: [String] = []
    var phrases: PhraseBlock?
    var regexes: [RegexPattern] = []
    var conditionBlocks: [ConditionBlock] = []
    var context = ExampleContext()
    var examples: [(RuleExample.Expectation, Line, [Line]?)] = []
    var j = 0
    while j < body.count {
      let line = body[j]
      let nested = block(after: j, in: body)
      defer { j += 1 + nested.count }
      if line.content.hasPrefix("example") && !line.content.hasPrefix("example:") {
        let (_, rest, restColumn) = splitWord(line)
        switch rest {
        case "match": examples.append((.match, line, nested))
        case "no-match": examples.append((.noMatch, line, nested))
        default:
          diagnostics.append(
            .error("bad-example", "expected 'example match' or 'example no-match', found 'example \(rest)'", at: location(line.number, restColumn)))
        }
        continue
      }
      guard let (key, value, valueColumn) = keyValue(line) else {
        diagnostics.append(.error("expected-key", "expected 'key: value' in rule '\(id)'", at: location(line.number, line.contentColumn)))
        continue
      }
      guard RuleFileParser.ruleKeys.contains(key) else {
        diagnostics.append(
          .error(
            "unknown-key", "unknown key '\(key)' in rule '\(id)'", at: location(line.number, line.contentColumn, length: key.unicodeScalars.count),
            notes: closestMatch(to: key, among: RuleFileParser.ruleKeys.sorted()).map { [.note("did you mean '\($0)'?")] } ?? []))
        continue
      }
      if RuleFileParser.blockKeys.contains(key) {
        if !value.isEmpty && key != "phrases" {
          diagnostics.append(
            .error("expected-block", "'\(key):' takes its items on the indented lines below it", at: location(line.number, valueColumn)))
        }
        var items = nested
        if key == "phrases" && !value.isEmpty {
          items.insert(Line(number: line.number, indent: line.indent + 1, content: Substring(value), contentColumn: valueColumn), at: 0)
        }
        if items.isEmpty {
          diagnostics.append(.error("empty-block", "'\(key):' has no entries", at: location(line.number, line.contentColumn)))
          continue
        }
        if key == "context" {
          context = parseContext(items, defaults: ExampleContext())
        } else {
          let phraseBlock = parsePhraseBlock(items, headerLine: line.number, headerColumn: line.contentColumn)
          if key == "phrases" {
            if phrases != nil {
              diagnostics.append(.error("duplicate-key", "'phrases:' appears twice in rule '\(id)'", at: location(line.number, line.contentColumn)))
            }
            phrases = phraseBlock
          } else if let scope = ConditionBlock.Scope(rawValue: key) {
            conditionBlocks.append(ConditionBlock(scope: scope, block: phraseBlock))
          }
        }
        continue
      }
      if !nested.isEmpty {
        diagnostics.append(
          .error("unexpected-indent", "'\(key):' does not take indented lines", at: location(nested[0].number, nested[0].contentColumn)))
      }
      switch key {
      case "alias": aliases.append(value)
      case "regex": regexes.append(RegexPattern(pattern: value, location: location(line.number, valueColumn)))
      case "match", "no-match":
        examples.append((key == "match" ? .match : .noMatch, Line(number: line.number, indent: line.indent, content: Substring(value), contentColumn: valueColumn), nil))
      default:
        if fields[key] != nil {
          diagnostics.append(.error("duplicate-key", "'\(key):' appears twice in rule '\(id)'", at: location(line.number, line.contentColumn)))
        }
        fields[key] = (value, valueColumn, line.number)
      }
    }

    func required(_ key: String) -> (value: String, column: Int, line: Int)? {
      guard let field = fields[key], !field.value.isEmpty else {
        diagnostics.append(.error("missing-key", "rule '\(id)' needs '\(key):'", at: ruleLocation))
        return nil
      }
      return field
    }
    func fieldLocation(_ field: (value: String, column: Int, line: Int)) -> SourceLocation {
      location(field.line, field.column, length: field.value.unicodeScalars.count)
    }

    var category = Category.tone
    if let field = required("category") {
      if let c = Category(rawValue: field.value) {
        category = c
        if !id.hasPrefix("\(language.rawValue).\(c.rawValue).") && !id.hasPrefix("\(language.rawValue).\(c.rawValue.replacingAll("_", with: "-")).") {
          diagnostics.append(
            .warning("id-category-mismatch", "rule id '\(id)' does not start with '\(language.rawValue).\(c.rawValue).'", at: ruleLocation))
        }
      } else {
        diagnostics.append(
          .error(
            "unknown-category", "unknown category '\(field.value)'; expected one of \(Category.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))",
            at: fieldLocation(field),
            notes: closestMatch(to: field.value, among: Category.allCases.map(\.rawValue)).map { [.note("did you mean '\($0)'?")] } ?? []))
      }
    }
    var kind = RuleKind.issue
    if let field = required("kind") {
      if let k = RuleKind(rawValue: field.value) { kind = k } else {
        diagnostics.append(.error("bad-value", "unknown kind '\(field.value)'; expected one of 'strength', 'issue'", at: fieldLocation(field)))
      }
    }
    var severity = Severity.info
    if let field = required("severity") {
      if let s = Severity(rawValue: field.value) { severity = s } else {
        diagnostics.append(
          .error("bad-value", "unknown severity '\(field.value)'; expected one of 'critical', 'warning', 'info'", at: fieldLocation(field)))
      }
    }
    func number(_ key: String, range: ClosedRange<Int>) -> Int? {
      guard let field = fields[key] else { return nil }
      guard let n = Int(field.value), range.contains(n) else {
        diagnostics.append(
          .error("bad-value", "'\(key):' must be a whole number from \(range.lowerBound) to \(range.upperBound), found '\(field.value)'", at: fieldLocation(field)))
        return nil
      }
      return n
    }
    let score = number("score", range: 0...100)
    let penalty = number("penalty", range: 0...100)
    let minimumCount = number("min-count", range: 1...20) ?? 1
    var overrides: [(id: String, location: SourceLocation)] = []
    if let field = fields["overrides"] {
      for part in field.value.split(separator: ",") {
        let other = String(part).trimmingSpaces()
        guard !other.isEmpty else { continue }
        if other == id {
          diagnostics.append(.error("bad-value", "rule '\(id)' cannot override itself", at: fieldLocation(field)))
        } else if !other.hasPrefix(language.rawValue + ".") {
          diagnostics.append(
            .error("bad-value", "'overrides:' names a rule of the same language ('\(language.rawValue).…'), found '\(other)'", at: fieldLocation(field)))
        } else {
          overrides.append((other, fieldLocation(field)))
        }
      }
      if field.value.split(separator: ",").allSatisfy({ String($0).trimmingSpaces().isEmpty }) {
        diagnostics.append(.error("bad-value", "'overrides:' needs one or more rule ids, separated by commas", at: fieldLocation(field)))
      }
    }
    if kind == .strength, let field = fields["penalty"] {
      diagnostics.append(.error("bad-key", "'penalty:' is for issues; a strength sets 'score:'", at: fieldLocation(field)))
    }
    if kind == .issue, let field = fields["score"] {
      diagnostics.append(.error("bad-key", "'score:' is for strengths; an issue sets 'penalty:'", at: fieldLocation(field)))
    }
    var principles: [String] = []
    if let field = required("principles") {
      principles = field.value.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
      for p in principles where !RuleFileParser.principleIDs.contains(p) {
        diagnostics.append(
          .error(
            "unknown-principle", "unknown principle '\(p)'; principles are the ids in design/principles.md (E1 … T3)",
            at: fieldLocation(field)))
      }
    }
    let message = required("message")?.value ?? ""
    let suggestion = fields["suggest"]?.value
    if kind == .issue && suggestion == nil {
      diagnostics.append(.error("missing-key", "issue rule '\(id)' needs 'suggest:' with an example rewrite", at: ruleLocation))
    }
    var check: BuiltinCheck?
    if let field = fields["check"] { check = parseCheck(field.value, at: fieldLocation(field)) }
    let when = parseConditions(fields["when"], key: "when")
    let unless = parseConditions(fields["unless"], key: "unless")
    for c in when where unless.contains(c) {
      diagnostics.append(
        .error("contradiction", "'\(c.spelling)' is in both 'when:' and 'unless:', so the rule can never fire", at: ruleLocation))
    }
    if phrases == nil && regexes.isEmpty && check == nil {
      diagnostics.append(.error("no-trigger", "rule '\(id)' needs 'phrases:', 'regex:' or 'check:'", at: ruleLocation))
    }
    if check?.isMissing == true && kind != .issue {
      diagnostics.append(.error("bad-value", "'check: missing' makes an issue; set 'kind: issue'", at: ruleLocation))
    }
    for regex in regexes {
      do {
        let compiled = try NSRegularExpression(pattern: regex.pattern)
        if compiled.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil {
          diagnostics.append(.error("empty-match", "regex '\(regex.pattern)' matches the empty string", at: regex.location))
        }
      } catch {
        diagnostics.append(.error("bad-regex", "invalid regular expression '\(regex.pattern)'", at: regex.location))
      }
    }

    var builtExamples: [RuleExample] = []
    var ordinals: [RuleExample.Expectation: Int] = [:]
    for (expectation, line, nested) in examples {
      ordinals[expectation, default: 0] += 1
      var exampleContext = context
      var replyLine = line
      if let nested {
        exampleContext = parseContext(nested, defaults: context)
        guard let reply = nested.first(where: { keyValue($0)?.key == "reply" }), let kv = keyValue(reply) else {
          diagnostics.append(.error("missing-key", "example block needs 'reply:'", at: location(line.number, line.contentColumn)))
          continue
        }
        replyLine = Line(number: reply.number, indent: reply.indent, content: Substring(kv.value), contentColumn: kv.valueColumn)
      }
      let (text, spans, balanced) = RuleExample.parseMarkers(String(replyLine.content))
      if !balanced {
        diagnostics.append(.error("bad-marker", "unbalanced '[[' … ']]' in example", at: location(replyLine.number, replyLine.contentColumn)))
      }
      if expectation == .noMatch && !spans.isEmpty {
        diagnostics.append(.error("bad-marker", "a 'no-match' example cannot mark spans", at: location(replyLine.number, replyLine.contentColumn)))
      }
      if text.trimmingSpaces().isEmpty {
        diagnostics.append(.error("empty-example", "empty example", at: location(replyLine.number, replyLine.contentColumn)))
        continue
      }
      builtExamples.append(
        RuleExample(
          ruleID: id, expectation: expectation, text: text, expectedSpans: spans, context: exampleContext,
          location: location(replyLine.number, replyLine.contentColumn), ordinal: ordinals[expectation]!))
    }
    if !builtExamples.contains(where: { $0.expectation == .match }) {
      diagnostics.append(.warning("missing-example", "rule '\(id)' has no 'match:' example", at: ruleLocation))
    }
    if !builtExamples.contains(where: { $0.expectation == .noMatch }) {
      diagnostics.append(.warning("missing-example", "rule '\(id)' has no 'no-match:' example", at: ruleLocation))
    }

    let newErrors = diagnostics.filter(\.isError).count - errorCount
    errorCount += newErrors
    guard newErrors == 0 else { return nil }
    return GuidelineRule(
      id: id, aliases: aliases, name: fields["name"]?.value ?? id, language: language, category: category, kind: kind,
      severity: severity, score: score ?? 100, penalty: penalty ?? severity.defaultPenalty, principles: principles,
      message: message, suggestion: suggestion, phrases: phrases, regexes: regexes, check: check,
      conditions: conditionBlocks, when: when, unless: unless, minimumCount: minimumCount, overrides: overrides,
      exampleContext: context, examples: builtExamples, location: ruleLocation)
  }

  mutating func validateRuleID(_ id: String, at location: SourceLocation) {
    let parts = id.split(separator: ".", omittingEmptySubsequences: false)
    let wellFormed =
      parts.count >= 3 && parts.allSatisfy { !$0.isEmpty }
      && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
    if !wellFormed {
      diagnostics.append(
        .error("bad-rule-id", "rule ids look like '<language>.<category>.<name>' in lower-case kebab case, found '\(id)'", at: location))
    } else if parts[0] != Substring(language.rawValue) {
      diagnostics.append(
        .error("wrong-language", "rule '\(id)' is in the '\(language.rawValue)' pack but its id starts with '\(parts[0])'", at: location))
    }
  }

  mutating func parseConditions(_ field: (value: String, column: Int, line: Int)?, key: String) -> [Condition] {
    guard let field else { return [] }
    var out: [Condition] = []
    var column = field.column
    for part in field.value.split(separator: ",", omittingEmptySubsequences: false) {
      let name = String(part).trimmingSpaces()
      let leading = part.prefix(while: { $0 == " " }).count
      defer { column += part.unicodeScalars.count + 1 }
      if let c = Condition.parse(name) {
        if key == "when" && (c.kind == .negated || c.kind == .quoted) {
          diagnostics.append(
            .error("bad-condition", "'\(name)' belongs in 'unless:' (a rule never needs its match to be negated)", at: location(field.line, column + leading)))
        }
        out.append(c)
      } else {
        diagnostics.append(
          .error(
            "unknown-condition", "unknown condition '\(name)' in '\(key):'",
            at: location(field.line, column + leading, length: name.unicodeScalars.count),
            notes: closestMatch(to: name, among: Condition.allSpellings).map { [.note("did you mean '\($0)'?")] } ?? []))
      }
    }
    return out
  }

  mutating func parseCheck(_ value: String, at location: SourceLocation) -> BuiltinCheck? {
    let words = value.split(separator: " ").map(String.init)
    guard let first = words.first, let name = BuiltinCheck.Name(rawValue: first) else {
      diagnostics.append(
        .error(
          "unknown-check", "unknown check '\(words.first ?? "")'", at: location,
          notes: closestMatch(to: words.first ?? "", among: BuiltinCheck.Name.allCases.map(\.rawValue)).map { [.note("did you mean '\($0)'?")] } ?? []))
      return nil
    }
    var parameters = BuiltinCheck.defaults(for: name)
    var setReference: String?
    for word in words.dropFirst() {
      if word.hasPrefix("@") {
        setReference = String(word.dropFirst())
      } else if let eq = word.firstIndex(of: "="), let n = Int(word[word.index(after: eq)...]) {
        let key = String(word[..<eq])
        guard parameters[key] != nil else {
          diagnostics.append(.error("bad-check", "check '\(first)' takes no parameter '\(key)'", at: location))
          continue
        }
        parameters[key] = n
      } else {
        diagnostics.append(.error("bad-check", "expected 'name=number' or '@set' after the check name, found '\(word)'", at: location))
      }
    }
    if name == .onlySentences && setReference == nil {
      diagnostics.append(.error("bad-check", "check 'only-sentences' needs a set, e.g. 'only-sentences @stock-lines'", at: location))
    }
    return BuiltinCheck(name: name, parameters: parameters, setReference: setReference)
  }

  mutating func parseContext(_ lines: [Line], defaults: ExampleContext) -> ExampleContext {
    var context = defaults
    for line in lines {
      guard let (key, value, column) = keyValue(line) else {
        diagnostics.append(.error("expected-key", "expected 'key: value'", at: location(line.number, line.contentColumn)))
        continue
      }
      func yesNo() -> Bool? {
        switch value {
        case "yes", "true": return true
        case "no", "false": return false
        default:
          diagnostics.append(.error("bad-value", "'\(key):' takes 'yes' or 'no', found '\(value)'", at: location(line.number, column)))
          return nil
        }
      }
      switch key {
      case "customer": context.customer = value
      case "customer-name": context.customerName = value
      case "company-at-fault": context.companyAtFault = yesNo()
      case "final": context.finalReply = yesNo()
      case "reply": break
      default:
        diagnostics.append(
          .error(
            "unknown-key", "unknown example key '\(key)'; expected 'customer', 'customer-name', 'company-at-fault', 'final' or 'reply'",
            at: location(line.number, line.contentColumn)))
      }
    }
    return context
  }

  // MARK: - Phrases

  mutating func parsePhraseBlock(_ lines: [Line], headerLine: Int, headerColumn: Int) -> PhraseBlock {
    var entries: [PhraseEntry] = []
    var references: [(String, SourceLocation)] = []
    for line in lines {
      var source = String(line.content)
      var replacement: String?
      if let arrow = source.range(of: "=>") {
        replacement = String(source[arrow.upperBound...]).trimmingSpaces()
        source = String(source[..<arrow.lowerBound]).trimmingSpaces()
      }
      let entryLocation = location(line.number, line.contentColumn, length: source.unicodeScalars.count)
      var expansions: [PhraseSyntax.Expanded] = []
      for alternative in PhraseSyntax.topLevelAlternatives(source) {
        if alternative.hasPrefix("@") {
          references.append((String(alternative.dropFirst()), entryLocation))
          continue
        }
        do {
          expansions += try PhraseSyntax.expand(alternative, language: language)
        } catch {
          let message: String
          switch error {
          case .empty: message = "empty phrase in '\(source)'"
          case .unbalancedParenthesis: message = "unbalanced parentheses in '\(alternative)'"
          case .nestedGroup: message = "a group inside a group in '\(alternative)'; write the inner choices out, e.g. '(get this|get that)'"
          case .tooManyExpansions(let n): message = "'\(alternative)' expands to \(n) phrases (at most \(PhraseSyntax.maximumExpansions))"
          case .conjugationNeedsDictionaryForm(let p):
            message = "'~' conjugates a Korean dictionary form ending in 다, but '\(p)' does not end in 다"
          }
          diagnostics.append(.error("bad-phrase", message, at: entryLocation))
        }
      }
      if expansions.contains(where: { $0.scalars.isEmpty }) {
        diagnostics.append(.error("empty-phrase", "'\(source)' is empty after normalisation and can never match", at: entryLocation))
      }
      if !expansions.isEmpty {
        entries.append(PhraseEntry(source: source, replacement: replacement, expansions: expansions, location: entryLocation))
      }
    }
    return PhraseBlock(entries: entries, setReferences: references, location: location(headerLine, headerColumn))
  }
}
