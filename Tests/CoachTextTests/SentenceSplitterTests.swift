import Testing

@testable import CoachText

@Suite("Sentence splitting")
struct SentenceSplitterTests {
  func sentences(_ text: String, _ language: Language) -> [String] {
    let analysis = TextAnalysis(text, language: language)
    return analysis.sentences.map { analysis.text.nfcText($0.range) }
  }

  @Test("Korean with punctuation, emoticons after the ending stay with their sentence")
  func koreanPunctuation() {
    #expect(sentences("확인했습니다. 내일 도착해요^^ 감사합니다ㅎㅎ", .ko) == ["확인했습니다.", "내일 도착해요^^", "감사합니다ㅎㅎ"])
  }

  @Test("Korean without punctuation splits after a sentence-final ending")
  func koreanEndings() {
    #expect(sentences("주문 확인했습니다 내일 보내 드릴게요 감사합니다", .ko) == ["주문 확인했습니다", "내일 보내 드릴게요", "감사합니다"])
    // Auxiliaries after a connective never split: 확인해 드릴게요, 기다려 주세요.
    #expect(sentences("바로 확인해 드릴게요 잠시만 기다려 주세요", .ko) == ["바로 확인해 드릴게요", "잠시만 기다려 주세요"])
    // Unpunctuated "-ㄴ데요" is a softened connective; with punctuation it ends the sentence.
    #expect(sentences("죄송한데요 그건 저희가 해 드릴 수가 없어요", .ko) == ["죄송한데요 그건 저희가 해 드릴 수가 없어요"])
    #expect(sentences("확인해 봤는데요. 배송이 늦어지고 있어요.", .ko) == ["확인해 봤는데요.", "배송이 늦어지고 있어요."])
  }

  @Test("'-았다/-었다' before another verb is '-았다가' (껐다 켜 보세요), not a sentence end")
  func pastThenVerb() {
    #expect(sentences("공유기를 껐다 켜 보세요", .ko) == ["공유기를 껐다 켜 보세요"])
    #expect(sentences("유심을 뺐다 다시 끼워 주세요", .ko) == ["유심을 뺐다 다시 끼워 주세요"])
    #expect(sentences("앱을 지웠다 재설치하세요", .ko) == ["앱을 지웠다 재설치하세요"])
    #expect(sentences("네 취소됐다 보시면 됩니다", .ko) == ["네 취소됐다 보시면 됩니다"])
    // A 반말 sentence in '-었다' followed by another sentence still splits.
    #expect(sentences("벌써 고쳤다 다른 거 물어봐", .ko) == ["벌써 고쳤다", "다른 거 물어봐"])
    #expect(sentences("이미 처리했다 기다려", .ko) == ["이미 처리했다", "기다려"])
  }

  @Test("dates, decimals, list markers and URLs do not split")
  func noFalseSplits() {
    #expect(sentences("2024. 3. 5.(화)에 발송됩니다. 무게는 3.5kg입니다.", .ko) == ["2024. 3. 5.(화)에 발송됩니다.", "무게는 3.5kg입니다."])
    #expect(sentences("1. 앱을 여세요\n2. 설정을 누르세요", .ko) == ["앱을 여세요", "설정을 누르세요"])
    #expect(sentences("See example.com/help for details. Thanks!", .en) == ["See example.com/help for details.", "Thanks!"])
    #expect(sentences("Dr. Lee will call you, e.g. at 5 p.m. today. Thanks.", .en) == ["Dr. Lee will call you, e.g. at 5 p.m. today.", "Thanks."])
  }

  @Test("nothing inside quotation marks splits")
  func quotes() {
    #expect(sentences("고객님께서 \"빨리 해 줘. 지금.\"이라고 하셨습니다. 확인하겠습니다.", .ko)
      == ["고객님께서 \"빨리 해 줘. 지금.\"이라고 하셨습니다.", "확인하겠습니다."])
    // "-는데요," before more text is a connective: one sentence.
    #expect(sentences("고객님께서 \"빨리 해 줘. 지금.\"이라고 하셨는데요, 확인하겠습니다.", .ko)
      == ["고객님께서 \"빨리 해 줘. 지금.\"이라고 하셨는데요, 확인하겠습니다."])
  }
}
