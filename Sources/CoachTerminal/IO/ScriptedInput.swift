import Synchronization

/// A ``LineInput`` that plays back fixed lines, then reports end of input; for tests.
public final class ScriptedInput: LineInput, Sendable {
  private let remaining: Mutex<[String]>
  private let echo: (any TextOutput)?

  /// Plays `lines` in order; with `echo`, each line read is also written there with a newline,
  /// so a captured session reads like a terminal transcript.
  public init(_ lines: [String], echo: (any TextOutput)? = nil) {
    self.remaining = Mutex(lines.reversed())
    self.echo = echo
  }

  /// The next scripted line, or `nil` when the script is used up.
  public func readLine() -> String? {
    let line = remaining.withLock { $0.popLast() }
    if let line, let echo { echo.write(line + "\n") }
    return line
  }

  /// How many lines have not been read yet.
  public var remainingCount: Int {
    remaining.withLock { $0.count }
  }
}
