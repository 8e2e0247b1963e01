/// Somewhere text goes: standard output, standard error, or a buffer in tests.
public protocol TextOutput: Sendable {
  /// Writes `text` as is (no newline is added).
  func write(_ text: String)
}
