import Testing

@testable import CoachText

@Suite("Korean speech levels")
struct SpeechLevelTests {
  func level(_ text: String) -> SpeechLevel? { TextAnalysis(text, language: .ko).speechLevel }
  func sentenceLevels(_ text: String) -> [SentenceLevel?] { TextAnalysis(text, language: .ko).sentences.map(\.level) }

  @Test(
    "each sentence's ending decides its level",
    arguments: [
      ("확인했습니다.", SentenceLevel.formal), ("감사합니다", .formal), ("도와드릴까요?", .polite),
      ("내일 도착해요.", .polite), ("그렇죠.", .polite), ("이쪽으로 가시지요.", .formal), ("제출해 주십시오.", .formal),
      ("같이 확인합시다.", .hao), ("서류를 제출하시오.", .hao), ("환불은 안 돼.", .informal), ("알았어.", .informal),
      ("내일 보내 줄게.", .informal), ("이쪽으로 가셔.", .informal), ("확인했지?", .informal), ("그건 네 잘못이야.", .informal),
      ("뭐라고 했니?", .informal), ("네.", .neutral), ("주문 번호 12345", .fragment), ("배송 지연 안내", .fragment),
      ("확인해 보겠슴다.", .formal), ("감사함다!", .formal), ("재고 있슴까?", .formal), ("나무를 심다.", .informal),
      ("늦어서 미안.", .informal), ("그럼 안녕.", .informal), ("알려 줘서 땡큐!", .informal),
      ("취소하였소.", .hao), ("재고가 없소.", .hao), ("환불은 사흘 뒤에 될 것이오.", .hao), ("이 제품이 더 좋소.", .hao),
      ("새 주소", .fragment), ("주문 취소", .fragment), ("그건 바이오.", .fragment),
    ])
  func sentenceLevel(text: String, expected: SentenceLevel) {
    #expect(sentenceLevels(text) == [expected])
  }

  @Test("하십시오체 and 해요체 together are polite; only 하십시오체 is formal")
  func politeMix() {
    #expect(level("확인했습니다. 내일 도착해요.") == .polite)
    #expect(level("확인했습니다. 내일 도착합니다.") == .formal)
  }

  @Test("반말 mixed into honorific sentences is mixed; 반말 throughout is informal")
  func mixed() {
    #expect(level("죄송합니다. 환불은 안 돼.") == .mixed)
    #expect(level("환불은 안 돼. 알았지?") == .informal)
    #expect(level("내일 도착합니다. 늦어서 미안.") == .mixed)
  }

  // Traps from reference/language-notes.md §0 and §2.3.
  @Test("a quoted customer's 반말 is not the agent's level")
  func quotedBanmal() {
    #expect(level("고객님께서 \"빨리 환불해 줘\"라고 하셨는데요, 바로 처리해 드릴게요.") == .polite)
    #expect(level("빨리 환불해 달라고 하셨는데요, 바로 처리해 드릴게요.") == .polite)
  }

  @Test("해라체 policy text pasted into a reply does not make it mixed")
  func pastedPolicy() {
    #expect(level("약관을 안내드립니다.\n제3조 회원은 주문 후 7일 이내에 반품을 신청하여야 한다.\n확인 부탁드립니다.") == .formal)
  }

  @Test("하다 verbs ending like a noun or postposition in 해 are 반말; the nouns and postpositions are not")
  func haeVerbs() {
    for verb in ["확인해", "이거 사용해", "앱 설치해", "쿠폰 제공해", "그 정도면 충분해", "조건에 동의해", "규정에 유의해", "이거 승인해",
      "나중에 전화해", "반대해", "서로 소통해", "새 기능을 발견해", "회피해"]
    {
      #expect(sentenceLevels(verb) == [.informal], "\(verb)")
    }
    for noun in ["배송 지연으로 인해", "앱을 통해", "환불에 대해", "피해", "재산손해", "자연재해", "약관에의해", "이용에관해"] {
      #expect(sentenceLevels(noun) == [.fragment], "\(noun)")
    }
  }

  @Test("compound verbs on 가 are 반말; a noun with the subject 가 is not")
  func compoundGa() {
    for verb in ["조심히 들어가", "이쪽으로 돌아가", "영수증 가져가"] { #expect(sentenceLevels(verb) == [.informal], "\(verb)") }
    for noun in ["우리 아가", "드라마가", "그 단어가", "아시아가"] { #expect(sentenceLevels(noun) == [.fragment], "\(noun)") }
  }

  @Test("나와 and compound verbs on 오다 are 반말; a noun with the particle 와 is not")
  func compoundWa() {
    for verb in ["어떤 노래가 나와", "빨리 돌아와", "우유 좀 사와", "거기서 빠져나와"] { #expect(sentenceLevels(verb) == [.informal], "\(verb)") }
    for noun in ["친구와", "하나와 둘", "오키나와", "회사와", "고객님과 저와"] { #expect(sentenceLevels(noun) == [.fragment], "\(noun)") }
  }

  @Test("the adverb -게 of an adjective on ㄹ is not the promise -ㄹ게: '알림을 길게 누르세요' is one polite sentence")
  func rieulAdverbs() {
    #expect(level("화면을 아래로 내려서 앱 알림을 길게 누른 다음 끄기를 선택하세요.") == .polite)
    #expect(level("이렇게 힘들게 해서 죄송합니다.") == .formal)
    #expect(level("새로 알게 되신 내용이 있으면 알려 주세요.") == .polite)
    for promise in ["제가 할게", "내일 갈게", "이번 주에 만들게"] { #expect(sentenceLevels(promise) == [.informal], "\(promise)") }
  }

  @Test("the connective -길래 ('since') does not end a sentence; -ㄹ래 at the end is still 반말")
  func gillaeConnective() {
    #expect(level("배송이 늦길래 제가 직접 확인해 봤어요.") == .polite)
    #expect(level("문의가 많길래 공지를 올렸습니다.") == .formal)
    #expect(sentenceLevels("이거 맡길래?") == [.informal])
    #expect(sentenceLevels("뭐 먹을래") == [.informal])
  }

  @Test("야 after 에, 제 or 서 is the particle 'only then': '오늘에야 확인했습니다' is one formal sentence")
  func yaParticle() {
    #expect(level("오늘에야 확인했습니다.") == .formal)
    #expect(level("그제야 오류를 찾았어요.") == .polite)
    #expect(level("며칠 만에야 연락이 닿았어요.") == .polite)
    #expect(sentenceLevels("이건 금지야") == [.informal])
  }

  @Test("a title glued to the ending, as chat types it, leaves the ending's level: '감사합니다고객님'")
  func gluedTitle() {
    #expect(level("감사합니다고객님") == .formal)
    #expect(level("확인해 드릴게요회원님") == .polite)
    #expect(sentenceLevels("내일 보내 줄게고객님") == [.informal])
    #expect(sentenceLevels("김민수고객님") == [.fragment])
  }

  @Test("the syllable constants of the ending tables are the syllables they name")
  func syllableConstants() {
    let pairs: [(UInt32, String)] = [
      (S.so, "소"), (S.doe, "되"), (S.ham, "함"), (S.doem, "됨"), (S.eum, "음"), (S.im, "임"), (S.ryeom, "렴"), (S.na, "나"),
      (S.jom, "좀"), (S.gil, "길"), (S.sa, "사"), (S.seum, "슴"), (S.yo, "요"), (S.jyo, "죠"), (S.da, "다"), (S.ya, "야"),
      (S.ni, "니"), (S.nya, "냐"), (S.kka, "까"), (S.rae, "래"), (S.dae, "대"), (S.ji, "지"), (S.ja, "자"), (S.ne, "네"),
      (S.ge, "게"), (S.ma, "마"), (S.gun, "군"), (S.go, "고"), (S.seo, "서"), (S.myeon, "면"), (S.de, "데"), (S.neun, "는"),
      (S.deon, "던"), (S.hae, "해"), (S.ryeo, "려"), (S.wo, "워"), (S.ppa, "빠"), (S.eo, "어"), (S.a, "아"), (S.ra, "라"),
      (S.nae, "내"), (S.ga, "가"), (S.wa, "와"), (S.o, "오"), (S.i, "이"), (S.eops, "없"), (S.iss, "있"), (S.yeo, "여"),
      (KoreanSentenceClassifier.nim, "님"), (QuoteFinder.je, "제"), (QuoteFinder.jo, "조"),
    ]
    for (constant, syllable) in pairs {
      #expect(constant == syllable.unicodeScalars.first!.value, "\(syllable)")
    }
    for syllable in ["고", "는", "며", "서"] {
      #expect(QuoteFinder.isQuotativeLastSyllable(syllable.unicodeScalars.first!.value), "\(syllable)")
    }
    #expect(!QuoteFinder.isQuotativeLastSyllable("다".unicodeScalars.first!.value))
  }

  @Test("a two-syllable word starting with ㄹ is a name or loanword, not a -네 ending")
  func loanwordNe() {
    #expect(level("팔월과 구월 중에 르네 마그리트 특별전이 끝나는 달이 언제죠") == .polite)
    #expect(sentenceLevels("물이 잘 흐르네") == [.informal])
  }

  @Test("요-final nouns are not polite endings")
  func yoNouns() {
    #expect(sentenceLevels("확인 필요") == [.fragment])
    #expect(sentenceLevels("주의 사항 중요") == [.fragment])
  }

  @Test("an unpunctuated sentence ending in a vocative title ends after the title")
  func vocativeThenMore() {
    #expect(sentenceLevels("죄송합니다 고객님 근데 그건 안 돼") == [.formal, .informal])
    #expect(level("죄송합니다 고객님 근데 그건 안 돼") == .mixed)
    #expect(sentenceLevels("확인했습니다 고객님 내일 도착합니다") == [.formal, .formal])
    #expect(sentenceLevels("죄송합니다 고객님. 내일 도착합니다") == [.formal, .formal])
    #expect(sentenceLevels("감사합니다 고객님") == [.formal])
  }

  @Test("a vocative or sign-off after the predicate is set aside")
  func vocatives() {
    #expect(level("좋은 하루 보내세요, 김민수 고객님!") == .polite)
    #expect(level("확인해 드릴게요, 민수 님") == .polite)
    #expect(level("감사합니다.\n상담사 이지은 드림") == .formal)
    #expect(level("민수야, 알았어?") == .informal)
    // Names that end like a 반말 ending (-지, -나, -자) are still names before 님 and 고객님.
    #expect(level("알려 주셔서 감사합니다, 라지 님.") == .formal)
    #expect(level("다행입니다, 수지 고객님!") == .formal)
    #expect(level("확인해 드렸습니다 유나 님") == .formal)
    // A name ending in -야 or -지 is not split off as a sentence of its own before its title.
    #expect(level("해결되셨다니 다행이에요, 프리야 님! 좋은 저녁 보내세요.") == .polite)
    #expect(level("프리야 님, 해결되셨다니 다행이에요.") == .polite)
    #expect(level("다행이에요 프리야 님.") == .polite)
    #expect(level("감사합니다 은지 고객님") == .formal)
    #expect(level("프리야 씨, 확인했습니다.") == .formal)
    // A 반말 predicate before a vocative is still 반말.
    #expect(level("확인했어 고객님") == .informal)
    #expect(level("알았지 고객님?") == .informal)
  }

  @Test("emoticons, jamo and emoji after the ending are stripped")
  func emoticons() {
    #expect(level("감사합니다ㅎㅎ") == .formal)
    #expect(level("확인해 드릴게요^^") == .polite)
    #expect(level("네~ 바로 보내 드려요 😊") == .polite)
  }

  @Test("-시지요 is 하십시오체 although it ends in 요; -ㅂ시다 is 하오체, not 반말")
  func fineDistinctions() {
    #expect(sentenceLevels("여기서 잠시 기다리시지요.") == [.formal])
    #expect(sentenceLevels("내일 다시 연락합시다.") == [.hao])
    #expect(level("내일 다시 연락합시다. 감사합니다.") == .polite)
  }

  @Test("a cut-off connective counts as 반말 only when nothing else is honorific")
  func weakInformal() {
    #expect(level("확인해 봤는데") == .informal)
    #expect(level("확인해 봤는데요") == .polite)
    #expect(level("주문하신 상품은 내일 도착합니다. 확인해 보니 재고가 있었는데") == .formal)
  }

  @Test("scrambled chat order: the ending may come before the object")
  func scrambled() {
    #expect(level("추천 안했으면 좋겠어요 색이 들어간 악세사리는") == .polite)
    #expect(level("궁금해 중국 해안선의 길이가") == .informal)
  }
}
