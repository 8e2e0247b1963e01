import CoachDiagnostics

/// Making text safe to print, and measuring text that is already styled.
public enum TerminalText {
  /// `text` with control characters, escape characters and bidi overrides replaced by visible
  /// `\u{…}` escapes, so user or transcript text never drives the terminal. Tabs and newlines stay.
  public static func safe(_ text: String) -> String {
    escapeForDisplay(text)
  }

  /// `text` without escape sequences (SGR colours and other CSI/OSC sequences).
  public static func stripANSI(_ text: String) -> String {
    guard ANSIScanner.mayContainEscapes(text) else { return text }
    var out = ""
    ANSIScanner.forEachSegment(in: text) { segment in
      if case .character(let character) = segment { out.append(character) }
    }
    return out
  }
}
