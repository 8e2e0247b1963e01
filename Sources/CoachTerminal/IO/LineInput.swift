/// Where typed lines come from: standard input, or a script in tests.
public protocol LineInput {
  /// The next line without its line terminator, or `nil` at end of input.
  func readLine() -> String?
}
