import Testing
@testable import CoachTerminal

@Suite("Display width")
struct DisplayWidthTests {
  @Test("ASCII counts one column per character; controls count zero")
  func ascii() {
    #expect(displayWidth("") == 0)
    #expect(displayWidth("hello, world") == 12)
    #expect(displayWidth("a\tb") == 2)
    #expect(displayWidth("a\u{7}b\u{7F}") == 2)
    #expect(displayWidth("line\r\n") == 4)
  }

  @Test("Hangul syllables, compatibility jamo and leading jamo are two columns")
  func hangul() {
    #expect(displayWidth("안녕하세요") == 10)
    #expect(displayWidth("ㅋㅋ") == 4)
    #expect(displayWidth("ㅠㅠ 감사합니다!") == 4 + 1 + 10 + 1)
    #expect(displayWidth("\u{1100}") == 2)
  }

  @Test("Decomposed (NFD) Hangul is one grapheme of width 2 per syllable")
  func decomposedHangul() {
    let han = "\u{1112}\u{1161}\u{11AB}"  // 한 as leading + vowel + trailing jamo
    #expect(han.count == 1)
    #expect(han.unicodeScalars.count == 3)
    #expect(displayWidth(han) == 2)
    #expect(displayWidth(han + "\u{1100}\u{116E}\u{11A8}") == 4)  // 한국
    #expect(displayWidth(han) == displayWidth("한"))
  }

  @Test("Emoji, ZWJ sequences, skin tones, flags and presentation selectors")
  func emoji() {
    #expect(displayWidth("👍") == 2)
    let family = "👨‍👩‍👧"
    #expect(family.count == 1)
    #expect(displayWidth(family) == 2)
    #expect(displayWidth("👍🏽") == 2)
    #expect(displayWidth("🇰🇷") == 2)
    #expect(displayWidth("❤") == 1)
    #expect(displayWidth("❤️") == 2)
    #expect(displayWidth("⌚") == 2)
    #expect(displayWidth("⌚︎") == 1)
    #expect(displayWidth("1️⃣") == 2)
    #expect(displayWidth("고객님 😊") == 6 + 1 + 2)
  }

  @Test("Combining accents and other zero-width characters add nothing")
  func combining() {
    #expect(displayWidth("e\u{0301}") == 1)
    #expect(displayWidth("cafe\u{0301}") == 4)
    #expect(displayWidth("a\u{200B}b") == 2)
    #expect(displayWidth("\u{200D}") == 0)
    #expect(displayWidth("\u{0301}") == 0)
    #expect(displayWidth("x\u{FE0F}") == 1)
  }

  @Test("Fullwidth forms and CJK are two columns; halfwidth forms one")
  func fullwidth() {
    #expect(displayWidth("ＡＢＣ") == 6)
    #expect(displayWidth("￦1,000") == 2 + 5)
    #expect(displayWidth("ｱｲ") == 2)
    #expect(displayWidth("中文") == 4)
    #expect(displayWidth("𠀀") == 2)
    #expect(displayWidth("　") == 2)  // ideographic space
  }

  @Test("Escape sequences take no columns")
  func escapes() {
    #expect(displayWidth("\u{1B}[1;31m빨강\u{1B}[0m") == 4)
    #expect(displayWidth("\u{1B}]8;;https://example.com\u{7}link\u{1B}]8;;\u{7}") == 4)
    #expect(displayWidth("\u{1B}(Bok") == 2)
  }

  @Test("Required ranges are wide", arguments: [
    0x1100...0x115F, 0x3130...0x318F, 0xAC00...0xD7A3, 0xFF01...0xFF60, 0xFFE0...0xFFE6,
    0x4E00...0x9FFF, 0x1F600...0x1F64F,
  ] as [ClosedRange<UInt32>])
  func requiredRanges(_ range: ClosedRange<UInt32>) {
    let narrow = range.filter { scalarWidth(Unicode.Scalar($0)!) != 2 }
    #expect(narrow.isEmpty, "not wide: \(narrow.prefix(5).map { String($0, radix: 16) })")
  }

  @Test("Generated tables are sorted, disjoint pairs from a recent Unicode")
  func tables() {
    for table in [UnicodeWidthTable.wide, UnicodeWidthTable.zero] {
      #expect(table.count % 2 == 0)
      for pair in stride(from: 0, to: table.count, by: 2) {
        #expect(table[pair] <= table[pair + 1])
        if pair > 0 { #expect(table[pair - 1] < table[pair]) }
      }
    }
    let major = Int(UnicodeWidthTable.unicodeVersion.split(separator: ".")[0]) ?? 0
    #expect(major >= 14)
    #expect(rangeTable(UnicodeWidthTable.wide, contains: 0xAC00))
    #expect(!rangeTable(UnicodeWidthTable.wide, contains: 0x41))
    #expect(!rangeTable(UnicodeWidthTable.wide, contains: 0x10FFFF))
  }

  @Test("Hangul vowel and final jamo combine (zero width); standalone jamo are not controls")
  func combiningJamo() {
    #expect(scalarWidth("\u{1161}") == 0)
    #expect(scalarWidth("\u{11AB}") == 0)
    #expect(scalarWidth("\u{D7B0}") == 0)
    #expect(scalarWidth("\u{3164}") == 2)
  }
}
