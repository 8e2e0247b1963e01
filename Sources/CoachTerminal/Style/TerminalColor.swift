/// One of the 16 basic terminal colours (SGR 30–37 and 90–97), which every terminal and theme supports.
public enum TerminalColor: Int, Sendable, Hashable, CaseIterable {
  case black, red, green, yellow, blue, magenta, cyan, white
  case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

  /// The SGR parameter that sets this colour as the foreground.
  public var foregroundCode: Int { rawValue < 8 ? 30 + rawValue : 90 + rawValue - 8 }

  /// The SGR parameter that sets this colour as the background.
  public var backgroundCode: Int { foregroundCode + 10 }
}
