import CoachDiagnostics
import CoachGuidelines
import CoachScenarios
import CoachStore
import CoachText
import CoachTerminal
import Foundation

/// `coach progress`: a trainee's history or the trainer's team table, as text, JSON, CSV or a
/// self-contained HTML page.
struct ProgressCommand {
  let cli: CoachCLI
  let arguments: ParsedArguments

  static let spec = CommandSpec(
    "coach progress", abstract: "Show a trainee's progress, or the team table.",
    discussion: """
      With --trainee: the trainee's sessions, per-category averages and trends (the last 5
      sessions against the 5 before), personal bests per scenario, and the weakest category with
      a scenario that trains it. Without --trainee: one row per trainee with sessions, overall
      and per-category averages, and when they last practised.

      json, csv and html are for other tools and for sharing: the HTML page is self-contained
      (inline SVG charts, no scripts, nothing loaded from the network). --bom starts CSV with a
      UTF-8 byte order mark, so Excel shows Hangul correctly.

      EXAMPLES:
        coach progress
        coach progress --trainee 김민지
        coach progress --format html --out team.html
        coach progress --trainee 김민지 --format csv --bom --out minji.csv

      """ + "\n" + ExitStatus.table,
    options: [
      OptionSpec("trainee", valueName: "name", help: "One trainee's report (default: the team table)."),
      OptionSpec("format", valueName: "format", help: "Output format.", allowedValues: ["text", "json", "csv", "html"], defaultValue: "text"),
      OptionSpec("out", valueName: "file", help: "Write to this file instead of standard output."),
      PracticeCommand.storeOption, Commands.color, ScenariosCommand.scenariosOption,
    ],
    flags: [FlagSpec("bom", help: "Start CSV output with a UTF-8 byte order mark (for Excel).")])

  func run() throws -> ExitStatus {
    let format = arguments.value("format") ?? "text"
    if arguments.flag("bom") && format != "csv" {
      throw UsageError.invalid("'--bom' only applies to '--format csv'", command: arguments.command)
    }
    let trainee = arguments.value("trainee")
    if let trainee, let problem = PracticeCommand.problem(withName: trainee) {
      throw UsageError.invalid("invalid value for '--trainee': \(problem)", command: arguments.command)
    }
    let path = StoreAccess.path(arguments.value("store"), cli: cli)
    let toFile = arguments.value("out")
    let styler = toFile == nil
      ? cli.styler(for: STDOUT_FILENO, mode: arguments.isGiven("color") ? arguments.value("color") : nil) : .plain
    let view = ProgressView(styler: styler, columns: terminalColumns(environment: cli.environment))

    // A read command does not create a store: no file means no sessions yet.
    let store: ProgressStore? = FileManager.default.fileExists(atPath: path) ? try StoreAccess.open(arguments.value("store"), cli: cli) : nil
    let categoryNames = store?.categoryNames ?? Category.allCases.map(\.name)

    let rendered: String
    var note: String?
    do {
      if let trainee {
        var report = try store?.traineeReport(trainee: trainee)
          ?? TraineeReport(trainee: trainee.trimmingWhitespace(), sessions: [], categories: [], overallAverage: nil, overallTrend: nil, personalBests: [])
        let recommended = recommendation(for: report)
        report.recommendedScenario = recommended?.id
        if report.sessions.isEmpty {
          let known = try store?.trainees().map(\.name) ?? []
          var message = "No sessions for '\(TerminalText.safe(report.trainee))' yet"
          if let match = closestMatch(to: report.trainee, among: known) {
            message += ". Did you mean '\(TerminalText.safe(match))'?"
          } else if !known.isEmpty {
            message += ". Trainees in this store: " + known.map(TerminalText.safe).joined(separator: ", ") + "."
          } else {
            message += "."
          }
          note = message + " Start with: coach practice --trainee " + shellQuoted(TerminalText.safe(report.trainee))
        }
        rendered = render(format, text: note == nil ? view.trainee(report, recommendedTitle: recommended?.title) : nil,
          json: report.renderJSON, csv: { report.renderCSV(byteOrderMark: arguments.flag("bom")) }, html: report.renderHTML)
      } else {
        let report = try store?.teamReport() ?? TeamReport(categoryNames: categoryNames, rows: [])
        if report.rows.isEmpty {
          note = "No practice sessions yet in '\(TerminalText.safe(path))'. Start one with: coach practice"
        }
        rendered = render(format, text: note == nil ? view.team(report) : nil,
          json: report.renderJSON, csv: { report.renderCSV(byteOrderMark: arguments.flag("bom")) }, html: report.renderHTML)
      }
    } catch let error as StoreError {
      throw CLIError(error.description, status: .failure)
    }

    if format == "text", let note {
      // Nothing to tabulate: the friendly note is the output.
      cli.stdout.write(note + "\n")
      return .success
    }
    if let note { cli.stderr.write(note + "\n") }
    if let toFile {
      do {
        try Data(rendered.utf8).write(to: URL(fileURLWithPath: toFile), options: .atomic)
      } catch {
        throw CLIError("cannot write '\(toFile)': \((error as NSError).localizedDescription)", status: .failure)
      }
      cli.stderr.write("wrote \(toFile)\n")
    } else {
      cli.stdout.write(rendered)
    }
    return .success
  }

  private func render(
    _ format: String, text: @autoclosure () -> String?, json: () -> String, csv: () -> String, html: () -> String
  ) -> String {
    switch format {
    case "json": json()
    case "csv": csv()
    case "html": html()
    default: text() ?? ""
    }
  }

  /// A scenario that trains the weakest category, in the language the trainee practised last;
  /// `nil` when there is no history or no scenario folder.
  private func recommendation(for report: TraineeReport) -> Scenario? {
    guard let weakest = report.weakestCategory.flatMap(Category.init(rawValue:)),
      let last = report.sessions.last?.session, let language = Language(rawValue: last.language),
      let directory = try? ScenariosCommand(cli: cli, arguments: arguments).scenarioDirectory()
    else { return nil }
    let catalog = ScenarioCatalog.load(directory: directory, guidelines: nil)
    return catalog.recommended(for: weakest, language: language, excluding: [last.scenarioID]).first
  }
}
