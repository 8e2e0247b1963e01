import CoachDiagnostics
import CoachGuidelines
import CoachScenarios
import CoachTerminal
import CoachText
import Foundation

/// `coach scenarios list | show ID | lint [PATH…]`.
struct ScenariosCommand {
  let cli: CoachCLI
  let arguments: ParsedArguments

  // MARK: - Specs

  static let scenariosOption = OptionSpec(
    "scenarios", valueName: "dir", help: "The scenario folder (default: the bundled Scenarios/, or COACH_SCENARIOS).")

  static let list = CommandSpec(
    "coach scenarios list", abstract: "List the scenarios: id, language, mood, difficulty, channel, title.",
    options: [
      scenariosOption, Commands.language,
      OptionSpec("format", valueName: "format", help: "Output format.", allowedValues: ["text", "json"], defaultValue: "text"),
      Commands.color,
    ])

  static let show = CommandSpec(
    "coach scenarios show", abstract: "Show one scenario: its header, nodes, branches and endings.",
    options: [scenariosOption, Commands.color],
    positionals: [PositionalSpec("id", help: "A scenario id such as late-delivery-angry.")])

  static let lint = CommandSpec(
    "coach scenarios lint", abstract: "Check scenario files and report every mistake with file:line:column.",
    discussion: """
      Lints every .scenario file under PATH (files or folders; default: the scenario folder).
      Rule ids in conditions are checked against the bundled guideline packs plus --guidelines.
      Errors make exit status 1; warnings are printed but keep it 0.

      """ + "\n" + ExitStatus.table,
    options: [
      scenariosOption, Commands.guidelines,
      OptionSpec("format", valueName: "format", help: "Output format.", allowedValues: ["text", "json"], defaultValue: "text"),
      Commands.color,
    ],
    positionals: [PositionalSpec("path", help: "Scenario files or folders (default: the scenario folder).", optional: true, variadic: true)])

  static let group = CommandSpec(
    "coach scenarios", abstract: "List, show and lint the scripted customers.",
    discussion: """
      Scenarios are plain-text scripts under Scenarios/ko/ and Scenarios/en/; the format is
      described in Scenarios/README.md. They are found from any working directory (--scenarios DIR
      or COACH_SCENARIOS override).

      EXAMPLES:
        coach scenarios list --language ko
        coach scenarios show late-delivery-angry
        coach scenarios lint Scenarios/ko/my-new.scenario
      """,
    subcommands: [list, show, lint])

  // MARK: - Commands

  var styler: Styler { cli.styler(for: STDOUT_FILENO, mode: arguments.isGiven("color") ? arguments.value("color") : nil) }

  func run() throws -> ExitStatus {
    switch arguments.command.name {
    case "coach scenarios list": return try runList()
    case "coach scenarios show": return try runShow()
    case "coach scenarios lint": return try runLint()
    default: throw CLIError("command '\(arguments.command.name)' is not available", status: .usage)
    }
  }

  /// The scenario folder: `--scenarios DIR`, else `COACH_SCENARIOS`, else the bundled one.
  func scenarioDirectory() throws -> String {
    let explicit = arguments.value("scenarios")
    guard let found = ResourceLocator.locate(folder: "Scenarios", explicit: explicit, environmentVariable: "COACH_SCENARIOS", environment: cli.environment)
    else {
      throw CLIError(
        "cannot find the bundled 'Scenarios/' folder; run coach from its checkout, pass --scenarios DIR, or set COACH_SCENARIOS",
        status: .failure)
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: found, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw CLIError("scenario folder '\(found)' does not exist", status: .failure)
    }
    return relativeToCurrentDirectory(found)
  }

  /// Loads the scenario folder without rule-id checks; problems go to stderr as a one-line hint.
  func loadCatalog() throws -> ScenarioCatalog {
    let catalog = ScenarioCatalog.load(directory: try scenarioDirectory(), guidelines: nil)
    let broken = Set(catalog.diagnostics.filter(\.isError).compactMap(\.location?.path))
    if !broken.isEmpty {
      let s = broken.count == 1 ? " has errors and is" : "s have errors and are"
      cli.stderr.write("warning: \(broken.count) scenario file\(s) left out; run 'coach scenarios lint' to see why\n")
    }
    return catalog
  }

  func runList() throws -> ExitStatus {
    var scenarios = try loadCatalog().scenarios
    if let language = arguments.value("language") { scenarios = scenarios.filter { $0.language.rawValue == language } }
    if arguments.value("format") == "json" {
      for s in scenarios {
        let trains = s.trains.map { jsonString($0.name) }.joined(separator: ",")
        cli.stdout.write(
          "{\"id\":\(jsonString(s.id)),\"language\":\(jsonString(s.language.rawValue)),\"mood\":\(jsonString(s.mood.name.rawValue)),"
            + "\"mood_start\":\(s.mood.start),\"difficulty\":\(jsonString(s.difficulty.rawValue)),\"channel\":\(jsonString(s.channel.rawValue)),"
            + "\"title\":\(jsonString(s.title)),\"trains\":[\(trains)],\"file\":\(jsonString(s.path))}\n")
      }
      return .success
    }
    var table = TextTable(columns: [
      .init("id"), .init("lang"), .init("mood"), .init("difficulty"), .init("channel"), .init("title", maxWidth: 44),
    ])
    for s in scenarios {
      table.append([s.id, s.language.rawValue, "\(s.mood.name.rawValue) \(s.mood.start)", s.difficulty.rawValue, s.channel.rawValue, TerminalText.safe(s.title)])
    }
    cli.stdout.write(table.render(styler: styler))
    cli.stdout.write("\(scenarios.count) scenario\(scenarios.count == 1 ? "" : "s")\n")
    return .success
  }

  func runShow() throws -> ExitStatus {
    let catalog = try loadCatalog()
    let id = arguments.positional("id") ?? ""
    guard let scenario = catalog.scenario(id) else {
      let hint = closestMatch(to: id, among: catalog.scenarios.map(\.id)).map { " Did you mean '\($0)'?" } ?? ""
      throw UsageError.invalid("unknown scenario '\(id)'.\(hint) See 'coach scenarios list'.", command: arguments.command)
    }
    cli.stdout.write(ScenarioView(scenario: scenario, styler: styler, width: terminalColumns(environment: cli.environment)).render())
    return .success
  }

  func runLint() throws -> ExitStatus {
    let library = try cli.loadGuidelines(extra: arguments.values("guidelines"))
    var files: [String] = []
    let paths = arguments.positionals("path")
    if paths.isEmpty {
      files = ScenarioCatalog.scenarioFiles(in: try scenarioDirectory())
    } else {
      for path in paths {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
          throw CLIError("cannot lint '\(path)': no such file or folder", status: .failure)
        }
        files += isDirectory.boolValue ? ScenarioCatalog.scenarioFiles(in: path) : [path]
      }
    }
    let catalog = ScenarioCatalog.load(files: files, guidelines: library)
    let json = arguments.value("format") == "json"
    let printer = DiagnosticPrinter(
      format: json ? .json : .text, colour: styler.isEnabled,
      sourceLine: { path, line in
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        // Split on the byte: as a Character, "\r\n" would not split (files saved on Windows).
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard line >= 1 && line <= lines.count else { return nil }
        var text = String(decoding: lines[line - 1], as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return text
      })
    cli.stdout.write(printer.render(catalog.diagnostics))
    let errors = catalog.diagnostics.filter(\.isError).count
    let warnings = catalog.diagnostics.filter { $0.severity == .warning }.count
    if !json {
      let summary = "\(files.count) scenario file\(files.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
      let s = cli.styler(for: STDERR_FILENO, mode: arguments.isGiven("color") ? arguments.value("color") : nil)
      cli.stderr.write(s(errors > 0 ? .bad : .good, summary) + "\n")
    }
    return errors > 0 ? .inputProblems : .success
  }
}

/// A path under the current directory as a relative path (how diagnostics show paths).
func relativeToCurrentDirectory(_ path: String) -> String {
  let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
  let full = URL(fileURLWithPath: path).standardizedFileURL.path
  if full == current { return "." }
  if full.hasPrefix(current + "/") { return String(full.dropFirst(current.count + 1)) }
  return path
}

/// A scenario as readable text: header, then each node with its lines and branches, then endings.
struct ScenarioView {
  let scenario: Scenario
  let styler: Styler
  let width: Int

  func render() -> String {
    let s = styler
    let sc = scenario
    var out = s(.emphasis, sc.id) + "  " + TerminalText.safe(sc.title) + "\n"
    out += field("language", sc.language.rawValue) + field("mood", "\(sc.mood.name.rawValue) \(sc.mood.start)/10")
      + field("difficulty", sc.difficulty.rawValue) + field("channel", sc.channel.rawValue) + "\n"
    out += field("customer", sc.customerName) + field("company at fault", sc.companyAtFault ? "yes" : "no")
      + field("turn limit", "\(sc.turnLimit.turns) → \(sc.turnLimit.ending)") + "\n"
    out += field("trains", sc.trains.map(\.name).joined(separator: ", ")) + field("file", sc.path) + "\n"
    out += paragraph(sc.situation, indent: 2) + "\n"
    for node in sc.nodes {
      out += s(.emphasis, "node " + node.id) + (node.id == sc.startNode.id ? s(.muted, "  (start)") : "") + "\n"
      for line in node.lines { out += quoted(line) }
      for hint in node.hints { out += paragraph(s(.muted, "hint: ") + TerminalText.safe(hint), indent: 4) }
      for branch in node.branches {
        let condition = branch.condition.map { "if " + $0.description } ?? "otherwise"
        let mood = branch.moodChange == 0 ? "" : s(.muted, "  mood " + (branch.moodChange > 0 ? "+" : "") + String(branch.moodChange))
        let target = sc.ending(branch.target) != nil ? s(.warning, "[\(branch.target)]") : branch.target
        out += "    " + condition + " → " + target + mood + "\n"
      }
      out += "\n"
    }
    for ending in sc.endings {
      let role: StyleRole = ending.kind.isSuccess ? .good : .bad
      out += s(.emphasis, "ending " + ending.id) + "  " + s(role, ending.kind.rawValue) + "\n"
      for line in ending.lines { out += quoted(line) }
      for debrief in ending.debrief { out += paragraph(TerminalText.safe(debrief), indent: 4) }
      out += "\n"
    }
    return out
  }

  private func field(_ name: String, _ value: String) -> String {
    "  " + styler(.muted, name) + " " + TerminalText.safe(value)
  }

  private func quoted(_ line: String) -> String {
    let lines = wrap("“" + TerminalText.safe(line) + "”", width: max(20, width), indent: 4)
    return lines.map { styler(.customer, $0) }.joined(separator: "\n") + "\n"
  }

  private func paragraph(_ text: String, indent: Int) -> String {
    wrap(text, width: max(20, width), indent: indent).joined(separator: "\n") + "\n"
  }
}
