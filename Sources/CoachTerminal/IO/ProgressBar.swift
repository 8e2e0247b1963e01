#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A one-line progress display for batch jobs, redrawn in place on standard error.
///
/// Draws only when enabled (by default: when stderr is a terminal), at most once per
/// `minimumInterval` (100 ms by default, so ~10 redraws a second) plus once on reaching the total.
/// With a known total it shows a bar, a percentage and the count; without one, a counter.
/// ``finish()`` clears the line. Batch workers may call it from any thread.
public final class ProgressBar: Sendable {
  /// What is being counted.
  public enum Unit: Sendable, Hashable {
    /// Bytes, shown as B, kB, MB, GB.
    case bytes
    /// Records (replies, conversations), shown as a grouped count and the given noun.
    case records(String)
  }

  private struct State {
    var completed = 0
    var lastDraw: Duration?
    var finished = false
  }

  private let total: Int?
  private let unit: Unit
  private let label: String
  private let output: any TextOutput
  /// Whether anything is ever written.
  public let isEnabled: Bool
  private let columns: Int
  private let minimumInterval: Duration
  private let now: @Sendable () -> Duration
  private let state = Mutex(State())

  /// Creates a progress display; nothing is drawn until the first update.
  ///
  /// - Parameters:
  ///   - total: the expected count (bytes or records), or `nil` to show a counter.
  ///   - isEnabled: defaults to whether stderr is a terminal.
  ///   - columns: the line's maximum width; defaults to the terminal's (see ``terminalColumns(environment:fd:)``).
  ///   - now: time since some fixed start, injectable for tests; defaults to a monotonic clock.
  public init(
    total: Int?, unit: Unit = .records("records"), label: String = "",
    output: any TextOutput = StandardError(), isEnabled: Bool = isTerminal(STDERR_FILENO),
    columns: Int? = nil, minimumInterval: Duration = .milliseconds(100),
    now: (@Sendable () -> Duration)? = nil
  ) {
    self.total = total.map { max(0, $0) }
    self.unit = unit
    self.label = TerminalText.safe(label)
    self.output = output
    self.isEnabled = isEnabled
    self.columns = columns ?? (isEnabled ? terminalColumns(environment: terminalEnvironment(), fd: STDERR_FILENO) : 80)
    self.minimumInterval = minimumInterval
    if let now {
      self.now = now
    } else {
      let start = ContinuousClock.now
      self.now = { start.duration(to: ContinuousClock.now) }
    }
  }

  /// Adds `amount` to the count and redraws if enough time has passed.
  public func advance(by amount: Int = 1) {
    guard isEnabled else { return }
    state.withLock { state in
      state.completed += amount
      redraw(&state)
    }
  }

  /// Sets the count and redraws if enough time has passed.
  public func update(completed: Int) {
    guard isEnabled else { return }
    state.withLock { state in
      state.completed = completed
      redraw(&state)
    }
  }

  /// Clears the line (if anything was drawn); later updates are ignored.
  public func finish() {
    guard isEnabled else { return }
    state.withLock { state in
      guard !state.finished else { return }
      state.finished = true
      if state.lastDraw != nil { output.write("\r\u{1B}[K") }
    }
  }

  private func redraw(_ state: inout State) {
    guard !state.finished else { return }
    let time = now()
    let reachedTotal = total.map { state.completed >= $0 } ?? false
    if let last = state.lastDraw, time - last < minimumInterval, !reachedTotal { return }
    state.lastDraw = time
    output.write("\r" + line(completed: state.completed) + "\u{1B}[K")
  }

  /// The text of the progress line for a count, at most `columns - 1` wide.
  func line(completed: Int) -> String {
    let prefix = label.isEmpty ? "" : label + " "
    var text: String
    if let total, total > 0 {
      let clamped = min(completed, total)
      let percent = clamped * 100 / total
      let counts = "\(pad(String(percent), to: 3, align: .right))%  \(amount(completed)) / \(amount(total))"
      let room = columns - 1 - displayWidth(prefix) - 1 - displayWidth(counts)
      let barWidth = min(30, room)
      text = barWidth >= 5 ? prefix + meter(clamped, max: total, width: barWidth) + " " + counts : prefix + counts
    } else {
      text = prefix + amount(completed)
      if case .records(let noun) = unit { text += " " + noun }
    }
    return truncate(text, toWidth: max(1, columns - 1))
  }

  private func amount(_ value: Int) -> String {
    switch unit {
    case .records: return groupedDigits(value)
    case .bytes: return formatBytes(value)
    }
  }
}

/// `1234567` as `1,234,567`.
func groupedDigits(_ value: Int) -> String {
  let digits = String(value.magnitude)
  var out = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
    out.append(digit)
  }
  return value < 0 ? "-" + out : out
}

/// A byte count with a decimal unit: `512 B`, `1.2 kB`, `3.4 MB`, `1.0 GB`.
func formatBytes(_ value: Int) -> String {
  if value < 1000 { return "\(value) B" }
  let units = ["kB", "MB", "GB", "TB"]
  var scaled = Double(value) / 1000, index = 0
  while scaled >= 999.95 && index < units.count - 1 {
    scaled /= 1000
    index += 1
  }
  let tenths = Int((scaled * 10).rounded())
  return "\(tenths / 10).\(tenths % 10) \(units[index])"
}
