import CoachDiagnostics
import CoachGuidelines
import CoachTerminal
import CoachText
import Foundation

/// `coach guidelines list | explain | test`.
struct GuidelinesCommand {
  let cli: CoachCLI
  let arguments: ParsedArguments

  var styler: Styler { cli.styler(for: STDOUT_FILENO, mode: arguments.isGiven("color") ? arguments.value("color") : nil) }

  func list() throws -> ExitStatus {
    let library = try cli.loadGuidelines(extra: arguments.values("guidelines"))
    var rules = library.rules
    if let language = arguments.value("language") { rules = rules.filter { $0.language.rawValue == language } }
    if let category = arguments.value("category") { rules = rules.filter { $0.category.rawValue == category } }
    if arguments.value("format") == "json" {
      for rule in rules {
        cli.stdout.write(
          "{\"id\":\(jsonString(rule.id)),\"language\":\(jsonString(rule.language.rawValue)),\"category\":\(jsonString(rule.category.rawValue)),\"kind\":\(jsonString(rule.kind.rawValue)),\"severity\":\(jsonString(rule.severity.rawValue)),\"principles\":[\(rule.principles.map(jsonString).joined(separator: ","))],\"name\":\(jsonString(rule.name))}\n")
      }
      return .success
    }
    var table = TextTable(columns: [
      .init("rule"), .init("category"), .init("kind"), .init("severity"), .init("principles"), .init("name", maxWidth: 40),
    ])
    for rule in rules {
      table.append([rule.id, rule.category.rawValue, rule.kind.rawValue, rule.severity.rawValue, rule.principles.joined(separator: ","), rule.name])
    }
    cli.stdout.write(table.render(styler: styler))
    cli.stdout.write("\(rules.count) rules\n")
    return .success
  }

  func explain() throws -> ExitStatus {
    let library = try cli.loadGuidelines(extra: arguments.values("guidelines"))
    let id = arguments.positional("rule") ?? ""
    guard let rule = library.rule(id) else {
      let hint = closestMatch(to: id, among: library.rules.map(\.id)).map { " Did you mean '\($0)'?" } ?? ""
      throw UsageError.invalid("unknown rule '\(id)'.\(hint)", command: arguments.command)
    }
    let s = styler
    var out = s(.emphasis, rule.id) + "  " + rule.name + "\n"
    out += "  " + s(.muted, "category  ") + rule.category.rawValue + "   " + s(.muted, "kind ") + rule.kind.rawValue
      + "   " + s(.muted, "severity ") + rule.severity.rawValue
    out += rule.kind == .strength ? "   " + s(.muted, "earns ") + "\(rule.score)" : "   " + s(.muted, "penalty ") + "-\(rule.penalty)"
    out += "\n  " + s(.muted, "principles ") + rule.principles.joined(separator: ", ") + "\n"
    out += "  " + s(.muted, "defined at ") + rule.location.description + "\n\n"
    out += "  " + rule.message + "\n"
    if let suggestion = rule.suggestion { out += "  " + s(.coach, "Try: " + suggestion) + "\n" }
    if !rule.when.isEmpty { out += "\n  only when: " + rule.when.map(\.spelling).joined(separator: ", ") + "\n" }
    if !rule.unless.isEmpty { out += "  unless: " + rule.unless.map(\.spelling).joined(separator: ", ") + "\n" }
    if !rule.overrides.isEmpty { out += "  overrides (same sentence): " + rule.overrides.map(\.id).joined(separator: ", ") + "\n" }
    if let phrases = rule.phrases {
      out += "\n  " + s(.emphasis, "phrases") + "\n"
      for entry in phrases.entries.prefix(30) { out += "    " + TerminalText.safe(entry.source) + (entry.replacement.map { "  => \($0)" } ?? "") + "\n" }
      if phrases.entries.count > 30 { out += "    … and \(phrases.entries.count - 30) more\n" }
      for reference in phrases.setReferences { out += "    @" + reference.name + "\n" }
    }
    if let check = rule.check { out += "\n  check: " + check.name.rawValue + (check.setReference.map { " @\($0)" } ?? "") + "\n" }
    for condition in rule.conditions {
      out += "  \(condition.scope.rawValue): " + (condition.block.entries.map(\.source) + condition.block.setReferences.map { "@" + $0.name }).joined(separator: " | ") + "\n"
    }
    out += "\n  " + s(.emphasis, "examples") + "\n"
    for example in rule.examples {
      let mark = example.expectation == .match ? s(.good, "match   ") : s(.muted, "no-match")
      out += "    " + mark + " " + TerminalText.safe(example.text) + "\n"
    }
    cli.stdout.write(out)
    return .success
  }

  func test() throws -> ExitStatus {
    let directory = arguments.positional("dir")
    let library: GuidelineLibrary
    do {
      library = try GuidelineLibrary.loadDefault(extraLayers: directory.map { [$0] } ?? [], environment: cli.environment)
    } catch {
      throw CLIError(String(describing: error), status: .failure)
    }
    let printer = DiagnosticPrinter(format: arguments.value("format") == "json" ? .json : .text, colour: styler.isEnabled)
    let problems = library.diagnostics.filter { $0.severity != .note }
    var failures: [Diagnostic] = []
    var rules = library.rules
    if let directory {
      let root = URL(fileURLWithPath: directory).standardizedFileURL.path
      rules = rules.filter { URL(fileURLWithPath: $0.location.path).standardizedFileURL.path.hasPrefix(root) }
    }
    if let only = arguments.value("rule") {
      rules = rules.filter { $0.id == only || $0.aliases.contains(only) }
      if rules.isEmpty { throw UsageError.invalid("unknown rule '\(only)'", command: arguments.command) }
    }
    let runner = ExampleRunner(library: library)
    var exampleCount = 0
    for rule in rules {
      for example in rule.examples {
        exampleCount += 1
        for problem in runner.allProblems(example) {
          failures.append(.error("example-failed", "\(rule.id) \(example.expectation.rawValue) #\(example.ordinal): \(problem)", at: example.location))
        }
      }
    }
    // Phrase checks report only on the files under test.
    let root = directory.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    func underTest(_ location: SourceLocation) -> Bool {
      root.map { URL(fileURLWithPath: location.path).standardizedFileURL.path.hasPrefix($0) } ?? true
    }
    // A phrase that cannot find its own words would silently never match.
    var deadPhrases: [Diagnostic] = []
    for language in Language.allCases {
      guard let pack = library.pack(for: language) else { continue }
      for (entry, expansion) in pack.phrasesThatNeverMatch() where underTest(entry.location) {
        deadPhrases.append(.error("never-matches", "the phrase '\(expansion)' cannot match even its own words written as a reply, so it would never fire; rewrite it (see 'Phrases' in Guidelines/README.md for how text is folded)", at: entry.location))
      }
    }
    failures += deadPhrases
    // A phrase of a rule that contains the rule's own 'not-in-…' phrase would silently never match.
    for language in Language.allCases {
      guard let pack = library.pack(for: language) else { continue }
      for (rule, entry, expansion, silencer, count) in pack.phrasesSilencedByTheirOwnRule() where underTest(entry.location) {
        let others = count > 1 ? " (and \(count - 1) more of this line's phrases)" : ""
        failures.append(
          .error(
            "never-matches",
            "the phrase '\(expansion)'\(others) contains '\(silencer)', which the rule's own 'not-in-…' block forbids, so \(rule) can never fire on it; drop the phrase or narrow the block",
            at: entry.location))
      }
    }
    let all = problems + failures
    if !all.isEmpty { cli.stdout.write(printer.render(all)) }
    let summary = "\(rules.count) rules, \(exampleCount) examples, \(ExampleRunner.Variant.allCases.count) variants each: "
    if failures.isEmpty && !library.hasErrors {
      cli.stdout.write(styler(.good, summary + "all passed") + "\n")
      return .success
    }
    cli.stdout.write(styler(.bad, summary + "\(failures.count) failed, \(problems.filter(\.isError).count) pack errors") + "\n")
    return .inputProblems
  }
}
