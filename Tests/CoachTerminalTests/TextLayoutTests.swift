import Testing
@testable import CoachTerminal

@Suite("Pad, truncate, wrap")
struct TextLayoutTests {
  @Test("pad fills to the exact display width with Korean", arguments: TextAlignment.allCases)
  func padKorean(_ alignment: TextAlignment) {
    for text in ["한국", "감사합니다 😊", "abc", "ㅋ", ""] {
      let padded = pad(text, to: 15, align: alignment)
      #expect(displayWidth(padded) == 15)
      #expect(padded.trimmingCharacters(equalTo: " ") == text)
    }
  }

  @Test("pad aligns left, right and centre")
  func padAlignments() {
    #expect(pad("한", to: 5) == "한   ")
    #expect(pad("한", to: 5, align: .right) == "   한")
    #expect(pad("한", to: 5, align: .center) == " 한  ")
    #expect(pad("안녕하세요", to: 4) == "안녕하세요")
  }

  @Test("truncate cuts by display width and adds an ellipsis")
  func truncateBasics() {
    #expect(truncate("Hello, world", toWidth: 8) == "Hello, …")
    #expect(truncate("Hello", toWidth: 5) == "Hello")
    #expect(truncate("안녕하세요 고객님", toWidth: 7) == "안녕하…")
    #expect(truncate("abc", toWidth: 0) == "")
    #expect(truncate("abc", toWidth: 1) == "…")
  }

  @Test("truncate never exceeds the width, and pad restores it exactly")
  func truncateNeverExceeds() {
    let texts = ["안녕하세요 고객님", "a안b녕c하d세요", "👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧 family", "ㅋㅋㅋㅋㅋ", "plain english text"]
    for text in texts {
      for width in 1...12 {
        let cut = truncate(text, toWidth: width)
        #expect(displayWidth(cut) <= width)
        #expect(displayWidth(cut) >= min(width - 1, displayWidth(text)))
        #expect(displayWidth(pad(cut, to: width)) == width)
      }
    }
    // A wide character straddling the edge is left out rather than split.
    #expect(truncate("안녕하세요", toWidth: 8) == "안녕하…")
  }

  @Test("truncate keeps styling and resets after the ellipsis")
  func truncateStyled() {
    let styled = "\u{1B}[31m안녕하세요\u{1B}[0m"
    let cut = truncate(styled, toWidth: 5)
    #expect(cut == "\u{1B}[31m안녕…\u{1B}[0m")
    #expect(displayWidth(cut) == 5)
  }

  @Test("wrap breaks Korean and English at spaces by display width")
  func wrapAtSpaces() {
    let text = "불편을 드려 정말 죄송합니다. 주문하신 상품은 내일 오전까지 도착할 예정입니다. Thank you for waiting."
    for width in [12, 20, 33, 80] {
      let lines = wrap(text, width: width)
      for line in lines { #expect(displayWidth(line) <= width, "\(line) wider than \(width)") }
      #expect(lines.joined(separator: " ").split(separator: " ") == text.split(separator: " "))
    }
    #expect(wrap("불편을 드려 정말 죄송합니다", width: 12) == ["불편을 드려", "정말", "죄송합니다"])
  }

  @Test("wrap breaks an over-long word between graphemes")
  func wrapLongWord() {
    #expect(wrap("가나다라마바사아자차", width: 7) == ["가나다", "라마바", "사아자", "차"])
    #expect(wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    let family = String(repeating: "👨‍👩‍👧", count: 5)
    for line in wrap(family, width: 5) { #expect(displayWidth(line) <= 5) }
  }

  @Test("wrap indents every line and keeps blank lines")
  func wrapIndent() {
    let lines = wrap("고객님 정말 죄송합니다\n\nsecond paragraph here", width: 14, indent: 4)
    #expect(lines == ["    고객님", "    정말", "    죄송합니다", "", "    second", "    paragraph", "    here"])
    for line in lines { #expect(displayWidth(line) <= 14) }
  }
}

extension String {
  fileprivate func trimmingCharacters(equalTo character: Character) -> Substring {
    var slice = self[...]
    while slice.first == character { slice.removeFirst() }
    while slice.last == character { slice.removeLast() }
    return slice
  }
}
