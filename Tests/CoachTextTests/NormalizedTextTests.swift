import Foundation
import Testing

@testable import CoachText

@Suite("Normalised view and offsets")
struct NormalizedTextTests {
  @Test("NFC text maps one to one and folds case, digits, full-width letters and curly quotes")
  func folding() {
    let text = NormalizedText("I’M Sorry — ＯＫ 2024!")
    #expect(text.origin == nil)
    #expect(text.viewText(0..<text.view.count) == "i'm sorry - ok 0000!")
    #expect(text.originalScalarCount == text.view.count)
  }

  @Test("NFD Hangul is composed for matching and offsets map back to the text as given")
  func decomposedHangul() throws {
    let nfd = "고객님, 죄송합니다".decomposedStringWithCanonicalMapping
    let text = NormalizedText(nfd)
    #expect(text.nfc == "고객님, 죄송합니다")
    let view = text.viewText(0..<text.view.count)
    let start = try #require(view.unicodeScalars.firstIndex(of: "죄")).utf16Offset(in: view)
    let range = text.originalRange(start..<(start + 5))
    #expect(text.excerpt(originalRange: range) == "죄송합니다".decomposedStringWithCanonicalMapping)
    #expect(range.count == "죄송합니다".decomposedStringWithCanonicalMapping.unicodeScalars.count)
  }

  @Test("zero-width characters become ignorable, line separators become newlines")
  func ignorable() {
    let text = NormalizedText("감\u{200B}사\r\n합니다")
    #expect(text.view[1] == NormalizedText.ignorable)
    #expect(text.view[3] == 0x0A)
  }

  @Test("a Latin letter stretched to three or more is read once; doubles, digits and ㅋㅋㅋ stay")
  func stretchedLetters() {
    let text = NormalizedText("Sooo sorry, THAAANKS! good 1000 ㅋㅋㅋ")
    #expect(text.viewText(0..<text.view.count) == "so sorry, thanks! good 0000 ㅋㅋㅋ")
    #expect(text.view.count == text.originalScalarCount)
    #expect(text.excerpt(originalRange: text.originalRange(0..<4)) == "Sooo")
  }

  @Test("language detection counts Hangul against Latin letters")
  func language() {
    #expect(Language.detect("iPhone 15 주문을 취소하고 싶어요") == .ko)
    #expect(Language.detect("Hi 김민수, your order is on its way.") == .en)
    #expect(Language.detect("12345 !!!") == nil)
  }
}
