import CoachDiagnostics
import CoachGuidelines
import CoachTerminal
import Foundation

/// Dispatches `coach <command>` and owns what every command shares: outputs, colour, packs.
struct CoachCLI {
  static let version = "0.1.0"

  let environment: [String: String]
  var stdout: any TextOutput = StandardOutput()
  var stderr: any TextOutput = StandardError()

  init(environment: [String: String]) {
    self.environment = environment
  }

  func run(_ arguments: [String]) -> ExitStatus {
    let parsed: ParsedArguments
    do {
      parsed = try parseCommand(arguments, root: Commands.root)
    } catch {
      if error.isHelpRequest {
        stdout.write(error.rendered(width: terminalColumns(environment: environment)))
        return .success
      }
      stderr.write(error.rendered(styler: styler(for: STDERR_FILENO, mode: nil)))
      return .usage
    }
    do {
      switch parsed.command.name {
      case "coach":
        if parsed.flag("version") {
          stdout.write("coach \(CoachCLI.version)\n")
          return .success
        }
        stdout.write(helpText(for: Commands.root, width: terminalColumns(environment: environment)))
        return .success
      case "coach check": return try CheckCommand(cli: self, arguments: parsed).run()
      case "coach score": return try ScoreCommand(cli: self, arguments: parsed).run()
      case "coach guidelines list": return try GuidelinesCommand(cli: self, arguments: parsed).list()
      case "coach guidelines explain": return try GuidelinesCommand(cli: self, arguments: parsed).explain()
      case "coach guidelines test": return try GuidelinesCommand(cli: self, arguments: parsed).test()
      case "coach guidelines", "coach scenarios":
        stdout.write(helpText(for: parsed.command, width: terminalColumns(environment: environment)))
        return .success
      default:
        return try runMore(parsed)
      }
    } catch let error as UsageError {
      stderr.write(error.rendered(styler: styler(for: STDERR_FILENO, mode: nil)))
      return .usage
    } catch let error as CLIError {
      stderr.write(paintError(error.message))
      return error.status
    } catch {
      stderr.write(paintError(String(describing: error)))
      return .failure
    }
  }

  /// Commands added by later modules (scenarios, practice, progress).
  func runMore(_ parsed: ParsedArguments) throws -> ExitStatus {
    switch parsed.command.name {
    case "coach practice": return try PracticeCommand(cli: self, arguments: parsed).run()
    case "coach progress": return try ProgressCommand(cli: self, arguments: parsed).run()
    default: break
    }
    if parsed.command.path.starts(with: ["coach", "scenarios"]) {
      return try ScenariosCommand(cli: self, arguments: parsed).run()
    }
    throw CLIError("command '\(parsed.command.name)' is not available", status: .usage)
  }

  // MARK: - Shared services

  func styler(for fd: Int32, mode: String?) -> Styler {
    let colorMode = mode.flatMap(ColorMode.init(rawValue:)) ?? .auto
    return colorMode.styler(forDescriptor: fd, environment: environment)
  }

  func paintError(_ message: String) -> String {
    let s = styler(for: STDERR_FILENO, mode: nil)
    return s(.bad, "error:") + " " + escapeForDisplay(message) + "\n"
  }

  /// Loads the bundled packs plus `--guidelines` layers; errors in them stop the command.
  func loadGuidelines(extra: [String]) throws -> GuidelineLibrary {
    let library: GuidelineLibrary
    do {
      library = try GuidelineLibrary.loadDefault(extraLayers: extra, environment: environment)
    } catch {
      throw CLIError(String(describing: error), status: .failure)
    }
    let problems = library.diagnostics.filter { $0.severity != .note }
    if !problems.isEmpty {
      let printer = DiagnosticPrinter(format: .text, colour: styler(for: STDERR_FILENO, mode: nil).isEnabled)
      stderr.write(printer.render(problems))
    }
    if library.hasErrors {
      throw CLIError("the guideline packs have errors (listed above); fix them or leave out --guidelines", status: .failure)
    }
    return library
  }

  /// Reads a file as text (invalid UTF-8 bytes become U+FFFD) or stdin for `-`.
  func readInput(_ path: String) throws -> (text: String, repaired: Int) {
    let data: Data
    if path == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      guard let d = FileManager.default.contents(atPath: path) else {
        throw CLIError("cannot read '\(path)': no such file or not readable", status: .failure)
      }
      data = d
    }
    return decodeRepairing(data)
  }
}

/// Decodes UTF-8, replacing invalid bytes with U+FFFD, and counts the replacements.
func decodeRepairing(_ data: Data) -> (text: String, repaired: Int) {
  if let text = String(bytes: data, encoding: .utf8) { return (text, 0) }
  let text = String(decoding: data, as: UTF8.self)
  return (text, text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count)
}

/// An error a command reports in one line, with its exit status.
struct CLIError: Error {
  var message: String
  var status: ExitStatus

  init(_ message: String, status: ExitStatus) {
    self.message = message
    self.status = status
  }
}
