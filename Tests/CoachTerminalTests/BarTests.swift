import Testing
@testable import CoachTerminal

@Suite("Score bars and meters")
struct BarTests {
  @Test("Every glyph is one column wide", arguments: [BarGlyphs.blocks, BarGlyphs.ascii])
  func glyphWidths(_ glyphs: BarGlyphs) {
    for glyph in [glyphs.full, glyphs.empty, glyphs.placeholder] + glyphs.partials {
      #expect(displayWidth(of: glyph) == 1, "\(glyph)")
    }
  }

  @Test("scoreBar is exactly `width` columns for 0, 37, 100 and nil", arguments: [1, 2, 7, 10, 20, 33])
  func widths(_ width: Int) {
    for score in [0, 1, 37, 50, 99, 100, nil] as [Int?] {
      for glyphs in [BarGlyphs.blocks, .ascii] {
        #expect(displayWidth(scoreBar(score, width: width, glyphs: glyphs)) == width)
        #expect(displayWidth(scoreBar(score, width: width, styler: Styler(enabled: true), glyphs: glyphs)) == width)
      }
    }
  }

  @Test("scoreBar fills by eighths")
  func content() {
    #expect(scoreBar(0, width: 10) == "░░░░░░░░░░")
    #expect(scoreBar(100, width: 10) == "██████████")
    #expect(scoreBar(37, width: 10) == "███▋░░░░░░")  // 29.6 eighths → 3 full + 5/8
    #expect(scoreBar(50, width: 4) == "██░░")
    #expect(scoreBar(nil, width: 5) == "·····")
    #expect(scoreBar(1, width: 10) == "▏░░░░░░░░░")  // any score above 0 shows
    #expect(scoreBar(99, width: 3) == "██▉")  // only 100 fills the bar
    #expect(scoreBar(150, width: 3) == "███")
    #expect(scoreBar(-5, width: 3) == "░░░")
    #expect(scoreBar(37, width: 10, glyphs: .ascii) == "###-------")
    #expect(scoreBar(37, width: 0) == "")
  }

  @Test("A styled scoreBar takes the band colour; nil is dimmed")
  func colours() {
    let styler = Styler(enabled: true)
    #expect(scoreBar(85, width: 10, styler: styler).hasPrefix("\u{1B}[32m"))
    #expect(scoreBar(60, width: 10, styler: styler).hasPrefix("\u{1B}[33m"))
    #expect(scoreBar(20, width: 10, styler: styler).hasPrefix("\u{1B}[1;31m"))
    #expect(scoreBar(nil, width: 5, styler: styler) == "\u{1B}[2m·····\u{1B}[0m")
  }

  @Test("meter shows a value out of a maximum in exactly `width` columns")
  func meters() {
    #expect(meter(7, max: 10, width: 10) == "███████░░░")
    #expect(meter(0, max: 10, width: 10) == "░░░░░░░░░░")
    #expect(meter(10, max: 10, width: 5) == "█████")
    #expect(meter(3, max: 0, width: 4) == "░░░░")
    for value in 0...10 {
      for width in 1...12 {
        #expect(displayWidth(meter(value, max: 10, width: width, styler: Styler(enabled: true), role: .warning)) == width)
      }
    }
  }
}
