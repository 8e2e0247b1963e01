import Testing
@testable import CoachTerminal

@Suite("Text tables")
struct TextTableTests {
  static let mixedRows: [[String]] = [
    ["공감", "80", "고객님의 불편을 충분히 이해합니다"],
    ["gratitude", "n/a", "Thanks for your patience 🙏"],
    ["사과 apology", "100", "👨‍👩‍👧 가족 계정"],
    ["ㅋㅋ", "7", "ＡＢＣ fullwidth"],
    ["cafe\u{301}", "", ""],
  ]

  @Test("Every line has the same display width with Korean, English and emoji")
  func sameWidth() {
    var table = TextTable(columns: [
      .init("category"), .init("score", alignment: .right), .init("evidence"),
    ])
    for row in Self.mixedRows { table.append(row) }
    let lines = table.renderLines()
    #expect(lines.count == 2 + Self.mixedRows.count)
    let widths = Set(lines.map(displayWidth))
    #expect(widths.count == 1, "\(lines)")
  }

  @Test("Columns line up: Hangul counts two columns")
  func alignment() {
    var table = TextTable(columns: [.init("항목"), .init("점수", alignment: .right)])
    table.append(["공감", "80"])
    table.append(["plain_language", "5"])
    #expect(table.render() == """
      항목            점수
      ──────────────  ────
      공감              80
      plain_language     5

      """)
  }

  @Test("A maximum width truncates with an ellipsis and keeps lines equal")
  func maxWidth() {
    var table = TextTable(columns: [.init("id"), .init("evidence", maxWidth: 10)])
    table.append(["r1", "불편을 드려 정말 죄송합니다"])
    table.append(["r2", "short"])
    let lines = table.renderLines()
    #expect(lines[2] == "r1  불편을 드…")
    #expect(Set(lines.map(displayWidth)).count == 1)
    #expect(lines.allSatisfy { displayWidth($0) == 2 + 2 + 10 })
  }

  @Test("Styled cells are measured without their escape sequences")
  func styledCells() {
    let styler = Styler(enabled: true)
    var table = TextTable(columns: [.init("category"), .init("bar"), .init("score", alignment: .right)])
    for (name, score) in [("공감", 80), ("gratitude", 37), ("사과", 100)] as [(String, Int)] {
      table.append([styler(.emphasis, name), scoreBar(score, width: 10, styler: styler), styler(StyleRole.forScore(score), String(score))])
    }
    table.append(["personalization", scoreBar(nil, width: 10, styler: styler), styler(.muted, "n/a")])
    let lines = table.renderLines(styler: styler)
    #expect(Set(lines.map(displayWidth)).count == 1)
    let plain = table.renderLines(styler: .plain).map(TerminalText.stripANSI)
    #expect(lines.map(TerminalText.stripANSI) == plain)
  }

  @Test("Header and underline are optional; short rows are filled; newlines become spaces")
  func options() {
    var table = TextTable(columns: [.init("a"), .init("b")], rows: [["x"], ["1\n2", "y", "ignored"]])
    table.headerUnderline = nil
    #expect(table.renderLines() == ["a    b", "x     ", "1 2  y"])
    table.showsHeader = false
    #expect(table.renderLines() == ["x     ", "1 2  y"])
  }
}
