import CoachDiagnostics
import CoachGuidelines
import CoachText
import Foundation
import Testing

@Suite("Bad input gets a clear result, never a crash")
struct BadInputTests {
  @Test("an empty or blank reply gets overall 0 and no judged category")
  func empty() {
    for text in ["", "   ", "\n\n", "\u{200B}"] {
      let e = evaluator.evaluate(text)
      #expect(e.overall == 0)
      #expect(e.categories.allSatisfy { $0.score == nil && $0.reason == "the reply is empty" })
    }
  }

  @Test("invalid UTF-8 decoded with replacement characters is scored")
  func invalidUTF8() {
    let text = String(decoding: [0xEC, 0xA3, 0x84, 0xFF, 0xEC, 0x86, 0xA1] + Array(" 합니다".utf8), as: UTF8.self)
    let e = evaluator.evaluate(text)
    #expect(e.language == .ko)
    #expect(text.contains("\u{FFFD}"))
  }

  @Test("control and terminal-escape characters neither break scoring nor reach the JSON raw")
  func controlCharacters() {
    let text = "죄송합니다\u{1B}[31m 환불은\u{0007} 안 돼\u{0000}."
    let e = evaluator.evaluate(text, context: .init(companyAtFault: true))
    let scalars = Array(text.unicodeScalars)
    for f in e.findings {
      var s = String.UnicodeScalarView()
      s.append(contentsOf: scalars[f.start..<f.end])
      #expect(String(s) == f.excerpt)
    }
    #expect(e[.apology].detected)
    #expect(e.speechLevel == .mixed)
    #expect(!e.jsonObject().contains("\u{1B}"))
    #expect(!e.jsonObject().contains("\u{0}"))
  }

  @Test("a 10 MB reply is scored")
  func tenMegabytes() {
    let sentence = "배송이 늦어져 불편을 드려 죄송합니다. Sorry for the delay! "
    let text = String(repeating: sentence, count: 10_000_000 / sentence.utf8.count)
    let e = evaluator.evaluate(text, context: .init(companyAtFault: true))
    #expect(e[.apology].detected)
    #expect((0...100).contains(e.overall))
  }
}

@Suite("JSON never carries terminal controls raw")
struct JSONEscapingTests {
  @Test("C0 and C1 controls, line separators and bidi overrides are escaped; Hangul and emoji are not")
  func escapes() throws {
    let text = "a\u{1B}[31m b\u{9B}c \u{2028} \u{202E}evil\u{2066} 한국어 😊 \"q\" \\"
    let json = jsonString(text)
    for raw in ["\u{1B}", "\u{9B}", "\u{2028}", "\u{202E}", "\u{2066}"] { #expect(!json.contains(raw)) }
    #expect(json.contains("\\u001b") && json.contains("\\u009b") && json.contains("\\u202e"))
    #expect(json.contains("한국어 😊"))
    let decoded = try JSONSerialization.jsonObject(with: Data(("[" + json + "]").utf8)) as? [String]
    #expect(decoded?.first == text)
  }
}
