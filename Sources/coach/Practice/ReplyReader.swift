#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CoachTerminal

/// What the trainee entered at a reply prompt.
enum PracticeInput: Equatable {
  /// A reply (one or more lines, joined with `\n`, without trailing blank lines).
  case reply(String)
  /// A practice command such as `/hint`.
  case command(PracticeCommandWord)
  /// A line that looks like a command but is none (`/hlep`).
  case unknownCommand(String)
  /// Standard input ended before anything was entered.
  case endOfInput
}

/// The commands a trainee can type instead of a reply.
enum PracticeCommandWord: String, CaseIterable {
  case hint, retry, quit, help

  /// Other spellings people reach for.
  static let aliases: [String: PracticeCommandWord] = ["exit": .quit, "q": .quit, "h": .help, "?": .help]

  init?(line: String) {
    let word = String(line.dropFirst()).lowercased()
    guard let command = PracticeCommandWord(rawValue: word) ?? Self.aliases[word] else { return nil }
    self = command
  }
}

/// Reads replies line by line, with one rule for terminals and pipes:
///
/// **A reply is one or more lines and ends at an empty line (or at the end of input).** A line
/// starting with `/` at the start of a reply is a command and acts at once.
///
/// On a terminal, a blank line that arrives in the same burst as more text (a pasted email with
/// paragraphs) does not end the reply: only a blank line typed by hand does. With piped input
/// there is no such timing, so every blank line ends a reply — the same input always gives the
/// same replies.
///
/// When standard input is not a terminal, each line read is echoed after its prompt, so a
/// captured session reads like what a trainee saw.
struct ReplyReader {
  var input: any LineInput
  var output: any TextOutput
  /// Whether lines are echoed (standard input is not a terminal).
  var echo: Bool
  /// Whether someone types the input (a terminal), so a bad answer can be asked again.
  var isInteractive: Bool { !echo }
  /// Whether more input is already waiting (a paste in progress), waiting up to the given
  /// milliseconds; always `false` for pipes, so the rule above stays deterministic.
  var pending: (Int32) -> Bool

  /// A reader for the process's standard input.
  static func standard(output: any TextOutput) -> ReplyReader {
    let interactive = isTerminal(STDIN_FILENO)
    return ReplyReader(
      input: StandardInput(), output: output, echo: !interactive,
      pending: { interactive ? inputIsWaiting(timeoutMilliseconds: $0) : false })
  }

  /// Reads one line after `prompt` (names, menu choices), or `nil` at the end of input.
  func line(prompt: String) -> String? {
    output.write(prompt)
    guard let line = input.readLine() else {
      if echo { output.write("\n") }
      return nil
    }
    if echo { output.write(TerminalText.safe(line) + "\n") }
    return line
  }

  /// Reads a reply or a command; `continuation` is the prompt for a reply's later lines.
  func reply(prompt: String, continuation: String) -> PracticeInput {
    var lines: [String] = []
    output.write(prompt)
    while true {
      guard let line = input.readLine() else {
        if echo { output.write("\n") }
        return lines.isEmpty ? .endOfInput : .reply(Self.text(of: lines))
      }
      if echo { output.write(TerminalText.safe(line) + "\n") }
      let trimmed = line.trimmingWhitespace()
      if lines.isEmpty {
        if trimmed.isEmpty {
          output.write(prompt)
          continue
        }
        if trimmed.hasPrefix("/") && !trimmed.contains(" ") {
          return PracticeCommandWord(line: trimmed).map { .command($0) } ?? .unknownCommand(trimmed)
        }
        lines.append(line)
      } else if trimmed.isEmpty {
        // A blank line inside a paste keeps the paragraph; one typed by hand sends the reply.
        guard pending(40) else { return .reply(Self.text(of: lines)) }
        lines.append("")
      } else {
        lines.append(line)
      }
      // Piped: a cue before every further line, so a transcript shows the reply's lines.
      // Terminal: one cue after a first line typed by hand; none during a paste, whose last
      // line may still sit unfinished on the screen where a cue would land in the middle.
      if echo || (lines.count == 1 && !pending(0)) { output.write(continuation) }
    }
  }

  /// The reply's lines joined, without blank lines at the end (a paste's last paragraph break).
  private static func text(of lines: [String]) -> String {
    var lines = lines
    while lines.last?.trimmingWhitespace().isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}

/// Whether standard input has data waiting, within `timeoutMilliseconds`.
///
/// In the terminal's line mode a read returns one line at a time, so the rest of a paste waits
/// in the kernel, where `poll` sees it.
func inputIsWaiting(timeoutMilliseconds: Int32) -> Bool {
  var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
  return poll(&descriptor, 1, timeoutMilliseconds) > 0 && descriptor.revents & Int16(POLLIN) != 0
}

extension String {
  /// The text without leading and trailing white space (stdlib only).
  func trimmingWhitespace() -> String {
    var slice = self[...]
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
  }
}
