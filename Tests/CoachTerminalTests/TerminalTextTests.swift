import Testing
@testable import CoachTerminal

@Suite("Terminal safety and facts")
struct TerminalTextTests {
  @Test("safe() makes control and escape characters visible")
  func safe() {
    #expect(TerminalText.safe("hi\u{1B}[2Jthere") == "hi\\u{1B}[2Jthere")
    #expect(TerminalText.safe("고객\u{7}님") == "고객\\u{7}님")
    #expect(TerminalText.safe("a\u{202E}b") == "a\\u{202E}b")
    #expect(TerminalText.safe("tab\there\nnext") == "tab\there\nnext")
    #expect(!TerminalText.safe("\u{1B}]0;owned\u{7}").contains("\u{1B}"))
  }

  @Test("stripANSI removes SGR, CSI and OSC sequences and keeps the text")
  func stripANSI() {
    #expect(TerminalText.stripANSI("\u{1B}[1;32m좋아요\u{1B}[0m") == "좋아요")
    #expect(TerminalText.stripANSI("\u{1B}[2K\u{1B}[1Aup") == "up")
    #expect(TerminalText.stripANSI("\u{1B}]8;;https://x.test\u{1B}\\link\u{1B}]8;;\u{1B}\\") == "link")
    #expect(TerminalText.stripANSI("no escapes 한글") == "no escapes 한글")
    #expect(TerminalText.stripANSI("end\u{1B}") == "end")
    #expect(TerminalText.stripANSI("\u{1B}\u{1B}[31mx") == "x")
  }

  @Test("COLUMNS wins; otherwise a positive width")
  func columns() {
    #expect(terminalColumns(environment: ["COLUMNS": "120"]) == 120)
    #expect(terminalColumns(environment: ["COLUMNS": " 100 "]) == 100)
    #expect(terminalColumns(environment: ["COLUMNS": "wide"]) > 0)
    #expect(terminalColumns(environment: ["COLUMNS": "0"]) > 0)
    #expect(terminalColumns(environment: [:], fd: -1) == 80)
  }

  @Test("isTerminal is false for a descriptor that is not open")
  func isTerminalClosed() {
    #expect(!isTerminal(-1))
  }
}
