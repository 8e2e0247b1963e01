import CoachDiagnostics
import CoachGuidelines
import CoachScenarios
import CoachStore
import CoachText
import CoachTerminal
import Foundation
import Synchronization

/// `coach practice`: a conversation with a scripted customer, coached after every reply, saved
/// to the progress store as it goes.
struct PracticeCommand {
  let cli: CoachCLI
  let arguments: ParsedArguments

  // MARK: - Spec

  static let storeOption = OptionSpec(
    "store", valueName: "path",
    help: "The progress store (default: COACH_STORE, else $XDG_DATA_HOME/replycoach/progress.sqlite, else ~/.local/share/replycoach/progress.sqlite).")

  static let spec = CommandSpec(
    "coach practice", abstract: "Practise against a simulated customer, with feedback after every reply.",
    discussion: """
      Asks for your name (unless --trainee), offers the scenarios with the one that trains your
      weakest category marked 'recommended' (unless --scenario), then plays the customer. After
      every reply: category bars, the evidence quoted, tips with an example phrasing, and how the
      customer's mood moved. At the end: the debrief, your scores per category, and your personal
      best on the scenario. Every reply is saved when it is scored.

      HOW TO ANSWER:
        A reply may span several lines; an empty line sends it (so does the end of input).
        In a terminal, a pasted text with blank lines in it stays one reply. With piped input,
        every empty line ends a reply, so the same input always plays the same session.
        A line starting with '/' at the start of a reply is a command:
          /hint    a hint for the customer's current line
          /retry   answer the last customer line again; only the new reply is kept
          /quit    stop; the replies so far stay saved (the session counts as abandoned)
          /help    how to answer, and the commands
        Ctrl-C stops the same way as /quit (exit status 130).

      EXAMPLES:
        coach practice
        coach practice --trainee 김민지 --scenario late-delivery-angry
        printf '김민지\\nlate-delivery-angry\\n정말 죄송합니다.\\n\\n/quit\\n' | coach practice --seed 7

      ENVIRONMENT:
        COACH_STORE              the progress store, unless --store is given
        COACH_BUSY_TIMEOUT_MS    how long to wait for another coach's lock (default 5000)
        NO_COLOR                 no colour (colour is used only when output is a terminal)

      """ + "\n" + ExitStatus.table,
    options: [
      OptionSpec("trainee", valueName: "name", help: "Your name (asked for when left out)."),
      OptionSpec("scenario", valueName: "id", help: "The scenario to play (chosen from a list when left out)."),
      OptionSpec("seed", valueName: "n", help: "Seed for the customer's line variants, to replay a session exactly."),
      storeOption,
      OptionSpec("language", valueName: "lang", help: "Offer only scenarios in this language.", allowedValues: ["ko", "en"]),
      Commands.color, Commands.guidelines, ScenariosCommand.scenariosOption,
    ])

  // MARK: - Run

  func run() throws -> ExitStatus {
    let seed = try parseSeed()
    let scenarios = ScenariosCommand(cli: cli, arguments: arguments)
    let catalog = try scenarios.loadCatalog()
    let language = arguments.value("language").flatMap(Language.init(rawValue:))
    var chosen: Scenario?
    if let id = arguments.value("scenario") {
      guard let scenario = catalog.scenario(id) else {
        let hint = closestMatch(to: id, among: catalog.scenarios.map(\.id)).map { " Did you mean '\($0)'?" } ?? ""
        throw UsageError.invalid("unknown scenario '\(id)'.\(hint) See 'coach scenarios list'.", command: arguments.command)
      }
      if let language, scenario.language != language {
        throw UsageError.invalid(
          "scenario '\(id)' is in '\(scenario.language.rawValue)', not '\(language.rawValue)'; leave out --language or choose another scenario",
          command: arguments.command)
      }
      chosen = scenario
    }
    let offered = catalog.scenarios.filter { language == nil || $0.language == language }
    guard !offered.isEmpty else {
      throw CLIError("no scenarios to practise\(language.map { " in '\($0.rawValue)'" } ?? ""); see 'coach scenarios list'", status: .failure)
    }

    let store = try StoreAccess.open(arguments.value("store"), cli: cli)
    // The packs load (a moment in a debug build) while the trainee types their name and chooses.
    let cli = self.cli, layers = arguments.values("guidelines")
    let library = Background { try cli.loadGuidelines(extra: layers) }
    let recorder = SessionRecorder(store: store)
    let styler = cli.styler(for: STDOUT_FILENO, mode: arguments.isGiven("color") ? arguments.value("color") : nil)
    let view = PracticeView(styler: styler, columns: terminalColumns(environment: cli.environment))
    let output = cli.stdout
    InterruptHandler.install { signalNumber in
      let saved = try? recorder.abandon()
      var message = "\n  " + view.styler(.warning, signalNumber == SIGINT ? "Interrupted." : "Stopped by a signal.")
      if let saved { message += " The session is saved as abandoned with \(saved) repl\(saved == 1 ? "y" : "ies")." }
      output.write(message + "\n")
      InterruptHandler.finish(status: 128 + signalNumber)
    }

    let reader = ReplyReader.standard(output: output)
    output.write(styler(.emphasis, "ReplyCoach practice") + styler(.muted, "  · progress store: " + TerminalText.safe(store.path)) + "\n")
    guard let trainee = try askTrainee(reader: reader, view: view) else {
      output.write("\n  No name given; nothing was saved.\n")
      return .success
    }
    let history = try store.traineeReport(trainee: trainee)
    let recommendation = recommend(history: history, catalog: catalog, language: language)
    output.write(greeting(trainee: trainee, history: history, recommendation: recommendation, view: view))
    if chosen == nil {
      chosen = try askScenario(offered, recommended: recommendation?.scenario.id, reader: reader, view: view)
    }
    guard let scenario = chosen else {
      output.write("\n  No scenario chosen; nothing was saved.\n")
      return .success
    }

    let session = PracticeSession(
      engine: DialogueEngine(scenario: scenario, evaluator: Evaluator(library: try library.value())), recorder: recorder,
      reader: reader, output: output, view: view, trainee: trainee, seed: seed ?? UInt64.random(in: 0...999_999))
    do {
      _ = try session.run()
    } catch let error as StoreError {
      _ = try? recorder.abandon()
      throw CLIError(error.description, status: .failure)
    } catch let error as DialogueError {
      _ = try? recorder.abandon()
      throw CLIError("scenario '\(scenario.id)' cannot go on: \(error.description)", status: .failure)
    }
    return .success
  }

  private func parseSeed() throws -> UInt64? {
    guard let text = arguments.value("seed") else { return nil }
    guard let seed = UInt64(text) else {
      throw UsageError(.invalidValue(text, option: "--seed", expected: "a whole number from 0 to \(UInt64.max)"), command: arguments.command)
    }
    return seed
  }

  // MARK: - Trainee and scenario

  /// The trainee's name from --trainee, else asked for until a usable one is typed.
  private func askTrainee(reader: ReplyReader, view: PracticeView) throws -> String? {
    if let given = arguments.value("trainee") {
      if let problem = Self.problem(withName: given) {
        throw UsageError.invalid("invalid value for '--trainee': \(problem)", command: arguments.command)
      }
      return given.trimmingWhitespace()
    }
    while true {
      guard let line = reader.line(prompt: view.styler(.emphasis, "Your name:") + " ") else { return nil }
      if let problem = Self.problem(withName: line) {
        // Piped input cannot answer again: the next lines are the replies.
        guard reader.isInteractive else { throw CLIError("invalid trainee name from standard input: \(problem)", status: .usage) }
        cli.stdout.write("  " + view.styler(.warning, problem) + "\n")
        continue
      }
      return line.trimmingWhitespace()
    }
  }

  /// Why a name cannot be used, or `nil`.
  static func problem(withName name: String) -> String? {
    let trimmed = name.trimmingWhitespace()
    if trimmed.isEmpty { return "the name is empty; type the name your trainer knows you by" }
    if trimmed.unicodeScalars.count > 80 { return "the name is longer than 80 characters" }
    if TerminalText.safe(trimmed) != trimmed { return "the name contains control characters" }
    return nil
  }

  struct Recommendation {
    var scenario: Scenario
    var category: String
    var average: Double?
  }

  /// A scenario that trains the trainee's weakest category, in the chosen language or the
  /// language of their latest session; not the scenario they played last, when there is another.
  private func recommend(history: TraineeReport, catalog: ScenarioCatalog, language: Language?) -> Recommendation? {
    guard let weakest = history.weakestCategory, let category = Category(rawValue: weakest) else { return nil }
    let last = history.sessions.last?.session
    guard let language = language ?? last.flatMap({ Language(rawValue: $0.language) }) else { return nil }
    let excluded: Set<String> = last.map { [$0.scenarioID] } ?? []
    guard let scenario = catalog.recommended(for: category, language: language, excluding: excluded).first else { return nil }
    let average = history.categories.first { $0.name == weakest }?.average
    return Recommendation(scenario: scenario, category: weakest, average: average)
  }

  private func greeting(trainee: String, history: TraineeReport, recommendation: Recommendation?, view: PracticeView) -> String {
    let name = TerminalText.safe(trainee)
    let count = history.sessions.count
    guard count > 0 else {
      return "\n  Welcome, \(name)! This is your first session; an easy scenario is a good start.\n"
    }
    var out = "\n  Welcome back, \(name): \(count) session\(count == 1 ? "" : "s") so far"
    if let recommendation, let category = Category(rawValue: recommendation.category) {
      out += "; your weakest category is " + view.styler(.warning, category.title.lowercased())
      if let average = recommendation.average { out += " (average \(Int(average.rounded())))" }
      out += ".\n  " + view.styler(.good, "Recommended: ") + recommendation.scenario.id + " trains it."
    } else {
      out += "."
    }
    return out + "\n"
  }

  /// The menu, then a number or id; Enter takes the recommended scenario. `nil` at end of input.
  private func askScenario(_ scenarios: [Scenario], recommended: String?, reader: ReplyReader, view: PracticeView) throws -> Scenario? {
    cli.stdout.write("\n" + view.rule("Scenarios") + view.menu(scenarios, recommended: recommended, columns: view.columns))
    let defaultIndex = recommended.flatMap { id in scenarios.firstIndex { $0.id == id } }
    let prompt = view.styler(.emphasis, "Choose a scenario") + " (number or id"
      + (defaultIndex.map { "; Enter for \($0 + 1)" } ?? "") + "): "
    while true {
      guard let line = reader.line(prompt: prompt) else { return nil }
      let choice = line.trimmingWhitespace()
      if choice.isEmpty {
        if let defaultIndex { return scenarios[defaultIndex] }
        guard reader.isInteractive else {
          throw CLIError("no scenario chosen: an empty line from standard input, and there is no recommended scenario", status: .usage)
        }
        continue
      }
      if let number = Int(choice), (1...scenarios.count).contains(number) { return scenarios[number - 1] }
      if let scenario = scenarios.first(where: { $0.id == choice }) { return scenario }
      let hint = closestMatch(to: choice, among: scenarios.map(\.id)).map { " Did you mean '\($0)'?" } ?? ""
      guard reader.isInteractive else {
        // Piped input cannot answer again: the next lines are the replies.
        throw CLIError("no scenario '\(TerminalText.safe(choice))' among the \(scenarios.count) offered.\(hint) Give a number from 1 to \(scenarios.count) or an id", status: .usage)
      }
      cli.stdout.write("  " + view.styler(.warning, "No scenario '\(TerminalText.safe(choice))'.") + hint + " Type a number from 1 to \(scenarios.count) or an id.\n")
    }
  }
}

/// Work started on another thread now, whose result is waited for when needed.
final class Background<Value: Sendable>: Sendable {
  private let result = Mutex<Result<Value, any Error>?>(nil)
  private let done = DispatchSemaphore(value: 0)

  init(_ work: @escaping @Sendable () throws -> Value) {
    DispatchQueue.global(qos: .userInitiated).async {
      let outcome = Result { try work() }
      self.result.withLock { $0 = outcome }
      self.done.signal()
    }
  }

  /// The result, waiting for the work to finish; rethrows its error.
  func value() throws -> Value {
    if let finished = result.withLock({ $0 }) { return try finished.get() }
    done.wait()
    done.signal()  // later calls must not block
    return try result.withLock { $0 }!.get()
  }
}

/// Opening the progress store the way every command does: path from --store / COACH_STORE /
/// the XDG data folder, busy timeout from COACH_BUSY_TIMEOUT_MS, errors as exit status 2.
enum StoreAccess {
  static let defaultBusyTimeout = 5000

  static func path(_ explicit: String?, cli: CoachCLI) -> String {
    StoreLocation.resolve(explicit: explicit, environment: cli.environment)
  }

  static func busyTimeout(cli: CoachCLI) -> Int {
    guard let text = cli.environment["COACH_BUSY_TIMEOUT_MS"], let value = Int(text.trimmingWhitespace()), value >= 0 else {
      return defaultBusyTimeout
    }
    return value
  }

  static func open(_ explicit: String?, cli: CoachCLI) throws -> ProgressStore {
    do {
      return try ProgressStore(path: path(explicit, cli: cli), busyTimeoutMilliseconds: busyTimeout(cli: cli))
    } catch let error as StoreError {
      throw CLIError(error.description, status: .failure)
    }
  }
}
