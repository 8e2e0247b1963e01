/// Why the command line could not be used, rendered in argument-parser's shape (exit status 64),
/// or a request for help (exit status 0, argument-parser's `CleanExit.helpRequest`).
///
/// ```
/// Error: unknown option '--fail-undr'. Did you mean '--fail-under'?
/// Usage: coach score [--format <format>] [--fail-under <n>] <file> ...
///   See 'coach score --help' for more information.
/// ```
///
/// Catch it once: print ``rendered(width:styler:)`` to stdout when ``isHelpRequest`` (else to
/// stderr) and exit with ``exitStatus``.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong. Names and values are stored as typed; messages escape them for display.
  public enum Kind: Sendable, Hashable {
    /// `-h`, `--help` or `help <subcommand>` was given: print help and exit 0.
    case helpRequested
    /// An option or flag that the command does not declare, with a close declared name if any.
    case unknownOption(String, suggestion: String?)
    /// An option at the end of the arguments, or followed by another option (its synopsis).
    case missingValue(option: String)
    /// `--flag=value` for a flag, which takes no value.
    case unexpectedValue(flag: String, value: String)
    /// A value the option does not accept; `expected` completes "expected …".
    case invalidValue(String, option: String, expected: String)
    /// A required positional (`<file>`) or required option (`--name <name>`) was not given.
    case missingArgument(String)
    /// Arguments left over after every positional was filled.
    case unexpectedArguments([String])
    /// A word that names no subcommand of a group, with a close subcommand if any.
    case unknownSubcommand(String, suggestion: String?)
    /// The caller's own check failed (argument-parser's `ValidationError`), e.g. conflicting options.
    case invalid(String)
  }

  /// What went wrong.
  public var kind: Kind
  /// The command whose usage and help the message points to.
  public var command: CommandSpec

  /// Creates a usage error (or help request) for `command`.
  public init(_ kind: Kind, command: CommandSpec) {
    self.kind = kind
    self.command = command
  }

  /// A usage error for the caller's own validation, e.g. `--since` after `--until`.
  public static func invalid(_ message: String, command: CommandSpec) -> UsageError {
    UsageError(.invalid(message), command: command)
  }

  /// Whether help was asked for (not an error: print to stdout, exit 0).
  public var isHelpRequest: Bool { kind == .helpRequested }

  /// 0 for a help request, 64 (`EX_USAGE`) for every usage error.
  public var exitStatus: Int32 { isHelpRequest ? 0 : 64 }

  /// The one-line message after `Error: `, lower-case, user text quoted and escaped.
  public var message: String {
    switch kind {
    case .helpRequested:
      return "help requested for '\(command.name)'"
    case .unknownOption(let name, let suggestion):
      return "unknown option '\(shown(name))'" + didYouMean(suggestion)
    case .missingValue(let option):
      return "missing value for '\(option)'"
    case .unexpectedValue(let flag, let value):
      return "'\(flag)' does not take a value, but '\(shown(value))' was given"
    case .invalidValue(let value, let option, let expected):
      return "invalid value '\(shown(value))' for '\(option)': expected \(expected)"
    case .missingArgument(let argument):
      return "missing expected argument '\(argument)'"
    case .unexpectedArguments(let values):
      if values.count == 1 { return "unexpected argument '\(shown(values[0]))'" }
      return "\(values.count) unexpected arguments: " + values.map { "'\(shown($0))'" }.joined(separator: ", ")
    case .unknownSubcommand(let word, let suggestion):
      return "unknown subcommand '\(shown(word))'" + didYouMean(suggestion)
    case .invalid(let text):
      return shown(text)
    }
  }

  /// The full text to print: help for a help request; otherwise `Error:`, `Usage:` and the hint,
  /// each line ending in a newline. `styler` colours `Error:` (for stderr on a terminal).
  public func rendered(width: Int = 80, styler: Styler = .plain) -> String {
    if isHelpRequest { return helpText(for: command, width: width) }
    return styler(.bad, "Error:") + " " + message + "\n"
      + "Usage: " + command.usage + "\n"
      + "  See '\(command.name) --help' for more information.\n"
  }

  /// The rendered error at 80 columns, uncoloured.
  public var description: String { rendered() }

  private func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { ". Did you mean '\($0)'?" } ?? ""
  }

  private func shown(_ text: String) -> String {
    TerminalText.safe(text)
  }
}
