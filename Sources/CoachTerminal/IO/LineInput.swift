/// Where typed lines come from: standard input, or a script in tests.
public protocol LineInput {
  /// The next line without its line terminator, or `nil` at end of input.
  func readLine() -> String?
}

/// Standard input, read a line at a time.
///
/// Uses `Swift.readLine(strippingNewline: true)`: strips `\n` and `\r\n`, replaces invalid UTF-8
/// with U+FFFD, returns `nil` at end of file, and works with piped input. The terminal and the
/// input method handle Hangul composition and backspace.
public struct StandardInput: LineInput {
  public init() {}

  public func readLine() -> String? {
    Swift.readLine(strippingNewline: true)
  }
}
