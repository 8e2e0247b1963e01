import CoachDiagnostics
import Foundation
import Testing

@testable import CoachScenarios

struct ParserTests {
  static let valid = """
    id: parser-test
    title: 파서 시험
    language: ko
    mood: confused 4
    difficulty: easy
    channel: chat
    customer-name: 김민수
    situation: 시험.
    company-at-fault: no
    turn-limit: 3 -> done
    trains: resolution
    ---
    node start   // a trailing comment
      customer: 이거 어떻게 해요? 링크는 https://example.com/help 예요.
      if resolution detected -> done  mood -1
      otherwise -> start
    ending done
      kind: resolved
      debrief: 좋습니다.
    ===
    """

  static func parse(_ text: String, path: String = "test.scenario") -> ParsedScenario {
    var parsed = ScenarioParser.parse(data: Data(text.utf8), path: path)
    ScenarioLinter(library: nil).lint(&parsed)
    return parsed
  }

  static func parse(bytes: [UInt8]) -> ParsedScenario {
    var parsed = ScenarioParser.parse(data: Data(bytes), path: "test.scenario")
    ScenarioLinter(library: nil).lint(&parsed)
    return parsed
  }

  @Test("A valid file parses into a scenario; a URL in a customer line is not a comment")
  func valid() throws {
    let parsed = Self.parse(Self.valid)
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
    let scenario = try #require(parsed.scenario())
    #expect(scenario.startNode.lines == ["이거 어떻게 해요? 링크는 https://example.com/help 예요."])
    #expect(scenario.startNode.branches[0].moodChange == -1)
    #expect(scenario.turnLimit == TurnLimit(turns: 3, ending: "done"))
    #expect(scenario.contentHash.count == 16)
  }

  @Test("CRLF line ends, a byte-order mark and tab indentation change nothing")
  func lineEnds() throws {
    let crlf = "\u{FEFF}" + Self.valid.replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: "\n  ", with: "\n\t")
    let parsed = Self.parse(crlf)
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
    let a = try #require(parsed.scenario()), b = try #require(Self.parse(Self.valid).scenario())
    #expect(a.nodes.map(\.lines) == b.nodes.map(\.lines))
    #expect(a.nodes.map { $0.branches.map(\.scriptText) } == b.nodes.map { $0.branches.map(\.scriptText) })
  }

  @Test("Columns count Unicode scalars: a Hangul syllable or an emoji is one column")
  func scalarColumns() {
    let text = Self.valid.replacingOccurrences(of: "node start   // a trailing comment", with: "node 시작해 extra")
      .replacingOccurrences(of: "ending done", with: "ending 😀 more")
    let diagnostics = Self.parse(text).diagnostics
    let extra = diagnostics.first { $0.message.hasPrefix("unexpected text after the node name") }
    #expect(extra?.location?.line == 13)
    #expect(extra?.location?.column == 10)
    let invalid = diagnostics.first { $0.code == "invalid-id" && $0.message.contains("시작해") }
    #expect(invalid?.location?.column == 6)
    #expect(invalid?.location?.endColumn == 9)
    let more = diagnostics.first { $0.message.hasPrefix("unexpected text after the ending name") }
    #expect(more?.location?.column == 10)
  }

  @Test("An invalid byte is reported at its line and scalar column, and the rest still parses")
  func invalidUTF8() {
    var bytes = [UInt8](Self.valid.utf8)
    let marker = [UInt8]("어떻게".utf8)
    let index = bytes.firstRange(of: marker)!.lowerBound
    bytes.insert(0xFF, at: index)
    let parsed = Self.parse(bytes: bytes)
    #expect(parsed.diagnostics.count == 1)
    let d = parsed.diagnostics[0]
    #expect(d.code == "invalid-utf8")
    #expect(d.location?.line == 14 && d.location?.column == 16)  // "  customer: 이거 " is 15 scalars
    #expect(d.message == "invalid UTF-8 byte 0xFF; save the file as UTF-8")
    #expect(parsed.nodes.count == 1)
  }

  @Test("Truncated and overlong UTF-8 sequences are invalid; a valid 4-byte scalar is not")
  func utf8Decoder() {
    #expect(SourceText.decode([0xF0, 0x9F, 0x98, 0x80], at: 0).0 == "😀")
    #expect(SourceText.decode([0xC0, 0x80], at: 0).0 == nil)  // overlong NUL
    #expect(SourceText.decode([0xED, 0xA0, 0x80], at: 0).0 == nil)  // surrogate
    #expect(SourceText.decode([0xE2, 0x82], at: 0).0 == nil)  // truncated
    #expect(SourceText.decode([0xE2, 0x82], at: 0).1 == 2)
  }

  @Test("Korean text in NFD is still Korean (no wrong-language error)")
  func nfd() {
    let decomposed = Self.valid.decomposedStringWithCanonicalMapping
    #expect(Self.parse(decomposed).diagnostics.isEmpty)
  }

  @Test("'node start:' is accepted; a missing '===' is reported after the last line with content")
  func tolerance() {
    let text = Self.valid.replacingOccurrences(of: "node start   // a trailing comment", with: "node start:")
      .replacingOccurrences(of: "===", with: "// the end marker is missing\n\n")
    let diagnostics = Self.parse(text).diagnostics
    #expect(diagnostics.map(\.message) == ["missing '===' at the end of the scenario"])
    #expect(diagnostics.first?.location?.line == 20)  // the line after "debrief:"
  }
}
