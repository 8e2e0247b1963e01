import Testing

@testable import CoachText

@Suite("Negation scope and quoted speech")
struct NegationAndQuoteTests {
  func negated(_ text: String, _ phrase: String, _ language: Language) throws -> Bool {
    let analysis = TextAnalysis(text, language: language)
    let view = analysis.text.viewText(0..<analysis.text.view.count)
    let range = try #require(view.range(of: phrase.lowercased()))
    let start = view.unicodeScalars.distance(from: view.unicodeScalars.startIndex, to: range.lowerBound)
    return analysis.isNegated(start..<(start + phrase.unicodeScalars.count))
  }

  @Test("Korean negation after the phrase, within its clause")
  func korean() throws {
    #expect(try negated("죄송할 일은 아니지만 확인해 보겠습니다.", "죄송할", .ko))
    #expect(try negated("고객님 잘못이 아닙니다.", "고객님 잘못", .ko))
    #expect(try negated("저희가 사과할 이유는 없습니다.", "사과할", .ko))
    #expect(try negated("죄송해하실 필요 없습니다.", "죄송해", .ko))
    #expect(try !negated("불편을 드려 죄송합니다만 환불은 안 됩니다.", "죄송", .ko))
    #expect(try !negated("정말 죄송합니다.", "죄송", .ko))
  }

  @Test("English negation before the phrase")
  func english() throws {
    #expect(try negated("It's not your fault at all.", "your fault", .en))
    #expect(try negated("There's no need to apologize.", "apologize", .en))
    #expect(try !negated("I'm sorry, but it's your fault.", "your fault", .en))
    // "without" negates the words it governs, not a predicate after its object.
    #expect(try negated("We will ship it without any delay.", "delay", .en))
    #expect(try !negated("Being without your medication is worrying.", "is worrying", .en))
  }

  @Test("an English phrase that opens with its own subject starts a new clause, unless negation carries into it")
  func englishNewClause() throws {
    #expect(try !negated("If it doesn't work I'll arrange a technician visit.", "I'll arrange", .en))
    #expect(try !negated("If the code doesn't arrive we'll resend it.", "we'll resend", .en))
    #expect(try negated("I don't think we'll refund it.", "we'll refund", .en))
    #expect(try negated("I can't promise I'll call you today.", "I'll call", .en))
    #expect(try negated("We won't send it.", "send it", .en))
  }

  @Test("quotation marks, Korean reported speech and 'you said' are quoted spans")
  func quotedSpans() {
    let ko = TextAnalysis("고객님께서 환불이 안 된다고 하셨는데, 다시 확인했습니다.", language: .ko)
    #expect(ko.quoted.contains { ko.text.nfcText($0).contains("안 된다고") })
    let en = TextAnalysis("You said the box was damaged, and I'm sorry about that.", language: .en)
    #expect(en.quoted.contains { en.text.nfcText($0) == "the box was damaged" })
    let mail = TextAnalysis("Thanks for writing.\n> sorry you feel that way", language: .en)
    #expect(mail.isQuoted(mail.sentences[1].range))
  }
}
