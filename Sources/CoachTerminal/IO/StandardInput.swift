/// Standard input, read a line at a time.
///
/// Uses `Swift.readLine(strippingNewline: true)`: strips `\n` and `\r\n`, replaces invalid UTF-8
/// with U+FFFD, returns `nil` at end of file, and works with piped input. The terminal and the
/// input method handle Hangul composition and backspace.
public struct StandardInput: LineInput {
  /// Creates a reader for the process's standard input.
  public init() {}

  /// The next line of standard input, or `nil` at end of file.
  public func readLine() -> String? {
    Swift.readLine(strippingNewline: true)
  }
}
