import Testing
@testable import CoachTerminal

@Suite("Colour decisions and styling")
struct ColorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var mode: ColorMode
    var environment: [String: String]
    var isTerminal: Bool
    var expected: Bool
    var testDescription: String { "\(mode) \(environment.sorted { $0.key < $1.key }) tty=\(isTerminal) → \(expected)" }
  }

  static let cases: [Case] = [
    Case(mode: .always, environment: ["NO_COLOR": "1", "TERM": "dumb"], isTerminal: false, expected: true),
    Case(mode: .never, environment: ["CLICOLOR_FORCE": "1", "TERM": "xterm"], isTerminal: true, expected: false),
    Case(mode: .auto, environment: ["TERM": "xterm-256color"], isTerminal: true, expected: true),
    Case(mode: .auto, environment: ["TERM": "xterm-256color"], isTerminal: false, expected: false),
    Case(mode: .auto, environment: [:], isTerminal: true, expected: true),
    Case(mode: .auto, environment: ["TERM": "dumb"], isTerminal: true, expected: false),
    Case(mode: .auto, environment: ["NO_COLOR": "1", "TERM": "xterm"], isTerminal: true, expected: false),
    Case(mode: .auto, environment: ["NO_COLOR": "", "TERM": "xterm"], isTerminal: true, expected: true),
    Case(mode: .auto, environment: ["CLICOLOR_FORCE": "1"], isTerminal: false, expected: true),
    Case(mode: .auto, environment: ["CLICOLOR_FORCE": "1", "TERM": "dumb"], isTerminal: false, expected: true),
    Case(mode: .auto, environment: ["CLICOLOR_FORCE": "0"], isTerminal: false, expected: false),
    Case(mode: .auto, environment: ["CLICOLOR_FORCE": ""], isTerminal: false, expected: false),
    Case(mode: .auto, environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": "1"], isTerminal: true, expected: false),
  ]

  @Test("Explicit mode wins; NO_COLOR, CLICOLOR_FORCE, isatty and TERM decide auto", arguments: cases)
  func decision(_ testCase: Case) {
    #expect(testCase.mode.isEnabled(environment: testCase.environment, isTerminal: testCase.isTerminal) == testCase.expected)
  }

  @Test("ColorMode parses the --color values")
  func parsing() {
    #expect(ColorMode(rawValue: "auto") == .auto)
    #expect(ColorMode(rawValue: "always") == .always)
    #expect(ColorMode(rawValue: "never") == .never)
    #expect(ColorMode(rawValue: "yes") == nil)
  }

  @Test("A disabled styler never emits an escape", arguments: StyleRole.allCases)
  func disabledStyler(_ role: StyleRole) {
    let text = "고객님, 정말 죄송합니다 😊"
    #expect(Styler.plain(role, text) == text)
    #expect(Styler(enabled: false).apply(role.style, to: text) == text)
    #expect(!scoreBar(42, width: 10, styler: .plain).contains("\u{1B}"))
    #expect(!scoreBar(nil, width: 10, styler: .plain).contains("\u{1B}"))
    #expect(!meter(3, max: 10, width: 10, styler: .plain, role: role).contains("\u{1B}"))
  }

  @Test("An enabled styler wraps text in basic SGR and a reset", arguments: StyleRole.allCases)
  func enabledStyler(_ role: StyleRole) {
    let styled = Styler(enabled: true)(role, "텍스트")
    #expect(styled.hasPrefix("\u{1B}["))
    #expect(styled.hasSuffix("\u{1B}[0m"))
    #expect(TerminalText.stripANSI(styled) == "텍스트")
    #expect(displayWidth(styled) == 6)
    let basic = Set([1, 2, 4] + Array(30...37) + Array(90...97))
    #expect(!role.style.parameters.isEmpty)
    #expect(role.style.parameters.allSatisfy(basic.contains))
  }

  @Test("SGR codes for colours and attributes")
  func codes() {
    let styler = Styler(enabled: true)
    #expect(styler(.good, "ok") == "\u{1B}[32mok\u{1B}[0m")
    #expect(styler(.bad, "no") == "\u{1B}[1;31mno\u{1B}[0m")
    #expect(styler(Style(foreground: .brightBlue, underline: true), "x") == "\u{1B}[4;94mx\u{1B}[0m")
    #expect(styler(Style.plain, "x") == "x")
    #expect(styler(.good, "") == "")
    #expect(TerminalColor.brightWhite.backgroundCode == 107)
  }

  @Test("An outer style continues after a nested reset")
  func nesting() {
    let styler = Styler(enabled: true)
    let inner = styler(.emphasis, "80")
    let outer = styler(.good, "score " + inner + " points")
    #expect(outer == "\u{1B}[32mscore \u{1B}[1m80\u{1B}[0m\u{1B}[32m points\u{1B}[0m")
  }

  @Test("Score bands: ≥ 80 good, ≥ 50 warning, else bad")
  func bands() {
    #expect(StyleRole.forScore(100) == .good)
    #expect(StyleRole.forScore(80) == .good)
    #expect(StyleRole.forScore(79) == .warning)
    #expect(StyleRole.forScore(50) == .warning)
    #expect(StyleRole.forScore(49) == .bad)
    #expect(StyleRole.forScore(0) == .bad)
  }
}
