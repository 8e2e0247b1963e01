import CoachGuidelines
import CoachText
import Testing

@Suite("Scoring")
struct ScoringTests {
  @Test("without context, categories that cannot be judged are null with a reason, not 0")
  func nullWithReason() {
    let e = evaluator.evaluate("주문하신 상품은 내일 도착합니다.")
    for category in [Category.empathy, .gratitude, .apology, .personalization, .closing] {
      #expect(e[category].score == nil)
      #expect(e[category].reason?.isEmpty == false)
    }
    #expect(e[.tone].score != nil)
    #expect(e[.plainLanguage].score != nil)
  }

  @Test("no apology is expected when nothing went wrong; one is when the company is at fault")
  func apologyExpectation() {
    #expect(evaluator.evaluate("내일 도착합니다.")[.apology].score == nil)
    let owed = evaluator.evaluate("내일 도착합니다.", context: EvaluationContext(companyAtFault: true))
    #expect(owed[.apology].score == 40)
    #expect(owed.has(rule: "ko.apology.missing"))
  }

  @Test("a critical issue caps the overall score at 40")
  func criticalCap() {
    let e = evaluator.evaluate("불편을 드려 정말 죄송합니다. 오늘 오후 6시까지 다시 보내 드릴게. 감사합니다.", context: .init(companyAtFault: true))
    #expect(e.speechLevel == .mixed)
    #expect(e.overall <= 40)
  }

  @Test("a non-apology is not a detected apology")
  func nonApology() {
    let e = evaluator.evaluate("불편하셨다면 죄송합니다.", context: .init(companyAtFault: true))
    #expect(!e[.apology].detected)
    #expect(e.has(rule: "ko.apology.non-apology"))
  }

  @Test("a good reply scores well above a poor one for the same customer")
  func goodBeatsPoor() {
    let context = EvaluationContext(
      customerMessage: "주문한 지 일주일이 넘었는데 아직도 안 왔어요. 벌써 세 번째 문의예요!", customerName: "김민수", companyAtFault: true)
    let good = evaluator.evaluate(
      "김민수 고객님, 여러 번 문의하시게 해서 정말 답답하셨겠어요. 저희 물류센터에서 출고가 늦어졌습니다. 불편을 드려 죄송합니다. 오늘 오후 6시까지 다시 발송하고 송장 번호를 문자로 보내 드리겠습니다.",
      context: context)
    let poor = evaluator.evaluate("고객님이 주소를 잘못 입력하셨네요. 기다려 주세요.", context: context)
    #expect(good.overall >= 85)
    #expect(poor.overall <= 50)
  }

  @Test(
    "finding a fault never raises the overall score",
    arguments: [
      ("비행기가 결항됐는데 내일 언니 결혼식에 꼭 가야 해요!", "운항 사정으로 겨울에는 항공편이 결항될 수 있습니다.", "겨울에는 항공편이 결항될 수 있습니다."),
      ("충전기가 빠져 있어요. 보내 주실 수 있나요?", "고객님, 액세서리는 보상 대상이 아님을 알려 드립니다.", "고객님, 액세서리 관련 안내 드립니다."),
      ("My flight was cancelled and I need to get to a wedding tomorrow!", "Due to operational reasons, winter flights may be cancelled.", "Winter flights may be cancelled."),
      ("The charger was missing. Can you send it?", "Dear Valued Customer, accessories are not covered.", "Dear Valued Customer, about accessories."),
    ])
  func faultNeverRaises(customer: String, withFault: String, without: String) {
    let context = EvaluationContext(customerMessage: customer)
    let faulty = evaluator.evaluate(withFault, context: context)
    let plain = evaluator.evaluate(without, context: context)
    // The fault was found, and judged a category that was not judged without it …
    #expect(faulty.findings.contains { $0.kind == .issue && $0.category == .ownership })
    #expect(plain[.ownership].score == nil)
    // … yet the reply with the fault does not score higher than the one without.
    #expect(faulty.overall <= plain.overall, "\(withFault): \(faulty.overall) > \(plain.overall)")
  }

  @Test(
    "a courtesy nobody asked for never lowers the overall score",
    arguments: [
      ("Your refund is on its way and will reach your card by Friday.", "Thanks! Your refund is on its way and will reach your card by Friday."),
      ("환불은 오늘 처리해 드렸고 금요일까지 카드로 들어옵니다.", "감사합니다! 환불은 오늘 처리해 드렸고 금요일까지 카드로 들어옵니다."),
      ("Your router ships today and arrives on Friday.", "Congratulations on the new home! Your router ships today and arrives on Friday."),
    ])
  func courtesyNeverLowers(without: String, with courtesy: String) {
    let plain = evaluator.evaluate(without), polite = evaluator.evaluate(courtesy)
    // The courtesy was found (its category is judged only because of it) …
    #expect(polite.findings.contains { $0.kind == .strength && plain[$0.category].score == nil })
    // … and the reply with it does not score lower than the one without.
    #expect(polite.overall >= plain.overall, "\(courtesy): \(polite.overall) < \(plain.overall)")
  }

  @Test("scores stay within 0–100 and findings are sorted by position")
  func ranges() {
    let e = evaluator.evaluate("진정하세요. 그런 불만은 처음입니다. 규정상 불가합니다. 알아서 하세요!!! 환불은 안 돼.")
    for result in e.categories { if let s = result.score { #expect((0...100).contains(s)) } }
    #expect(e.findings.map(\.start) == e.findings.map(\.start).sorted())
  }
  @Test("a question, with or without '?', is answered by its reason; a report of a problem is not")
  func customerQuestion() {
    for (message, language) in [
      ("Why was my account suspended", Language.en), ("How do I change my plan", Language.en), ("Is my parcel lost?", Language.en),
      ("요금제를 바꿀 수 있나요", Language.ko), ("왜 4만 5천 원이 나왔죠", Language.ko), ("환불 기간이 궁금합니다.", Language.ko),
    ] {
      #expect(evaluator.customerSignals(message, language: language).question, "\(message)")
    }
    for (message, language) in [
      ("My parcel never arrived.", Language.en), ("The app keeps crashing.", Language.en),
      ("택배가 안 왔어요.", Language.ko), ("냄새가 너무 많이 나요.", Language.ko),
    ] {
      #expect(!evaluator.customerSignals(message, language: language).question, "\(message)")
    }
    let answered = evaluator.evaluate(
      "Your account was paused because the card on file expired on 1 May.",
      context: EvaluationContext(customerMessage: "Why was my account suspended", language: .en))
    #expect(answered.has(rule: "en.resolution.explains") && !answered.has(rule: "en.resolution.missing"))
    let excuse = evaluator.evaluate(
      "That's because the courier had a delay.", context: EvaluationContext(customerMessage: "My parcel never arrived.", language: .en))
    #expect(!excuse.has(rule: "en.resolution.explains") && excuse.has(rule: "en.resolution.missing"))
    let korean = evaluator.evaluate(
      "등록된 카드가 5월 1일에 만료되어 계정이 잠시 멈췄습니다.", context: EvaluationContext(customerMessage: "계정이 왜 정지됐나요", language: .ko))
    #expect(korean.has(rule: "ko.resolution.explains") && !korean.has(rule: "ko.resolution.missing"))
  }

  @Test("the customer's name is never evidence for another rule: 'Hi Hun,' to a customer called Hun is not a pet name")
  func nameIsNotEvidence() {
    let named = evaluator.evaluate(
      "Hi Hun, your refund went out on Monday.", context: EvaluationContext(customerName: "Hun Lee", language: .en))
    #expect(named.has(rule: "en.personalization.uses-name") && !named.has(rule: "en.tone.endearment"))
    let petName = evaluator.evaluate(
      "No worries hun, your refund went out on Monday.", context: EvaluationContext(customerName: "Sarah Lee", language: .en))
    #expect(petName.has(rule: "en.tone.endearment"))
    let korean = evaluator.evaluate("김 고객님, 환불은 월요일에 처리되었습니다.", context: EvaluationContext(customerName: "김민수", language: .ko))
    #expect(korean.has(rule: "ko.personalization.uses-name") && !korean.has(rule: "ko.personalization.generic-only"))
  }

  @Test("a Korean name written with a space is found by either part: '톰 님' for 톰 베이커, '민수 님' for 김 민수")
  func spacedKoreanName() {
    let cases: [(reply: String, name: String, excerpt: String)] = [
      ("좋은 하루 보내세요, 톰 님.", "톰 베이커", "톰 님"), ("베이커 고객님, 환불은 월요일에 처리되었습니다.", "톰 베이커", "베이커 고객님"),
      ("민수 님, 내일 도착합니다.", "김 민수", "민수 님"), ("톰 베이커 님, 내일 도착합니다.", "톰 베이커", "톰 베이커"),
    ]
    for (reply, name, excerpt) in cases {
      let evaluation = evaluator.evaluate(reply, context: EvaluationContext(customerName: name, language: .ko))
      #expect(evaluation.findings.contains { $0.rule == "ko.personalization.uses-name" && $0.excerpt == excerpt }, "\(reply)")
    }
    let other = evaluator.evaluate("제인 님, 내일 도착합니다.", context: EvaluationContext(customerName: "톰 베이커", language: .ko))
    #expect(!other.has(rule: "ko.personalization.uses-name"))
  }

  @Test("stretched letters read as the word: 'Thank yoooouuu', 'sooo sorry'; a phrase does not match inside a stretched word")
  func stretchedLetters() throws {
    let thanks = evaluator.evaluate("Thank yoooouuu for waiting!", context: EvaluationContext(language: .en))
    let finding = try #require(thanks.findings.first { $0.category == .gratitude && $0.kind == .strength })
    #expect(finding.excerpt.hasPrefix("Thank yoooouuu"))
    let sorry = evaluator.evaluate("I'm sooo sorry about the delay.", context: EvaluationContext(companyAtFault: true, language: .en))
    #expect(sorry[.apology].detected)
    #expect(evaluator.customerSignals("I'm sooo angry, this is the third time!!!", language: .en).upset)
    // "soooon" is not "so" + "on": a stretched word is still one word.
    let soon = evaluator.evaluate("Noted, it will be fixed soooon.", context: EvaluationContext(language: .en))
    #expect(!soon.findings.contains { $0.excerpt.lowercased() == "so" })
  }

  @Test("a customer who does not follow, or asks what was meant, is confused; 'I don't follow him' is not")
  func confusedCustomer() {
    let confused: [(String, Language)] = [
      ("Just to clarify, do you mean the annual plan?", .en), ("You lost me — which button?", .en),
      ("The new bill really confuses me.", .en), ("I can't tell if my payment went through.", .en),
      ("설명을 들어도 이해를 못 하겠어요.", .ko), ("그럼 다시 결제해야 한다는 말씀이세요?", .ko),
    ]
    for (message, language) in confused {
      #expect(evaluator.customerSignals(message, language: language).confused, "\(message)")
    }
    for (message, language) in [("I don't follow him on Twitter anymore.", Language.en), ("배송이 늦어서 화가 나요.", .ko)] {
      #expect(!evaluator.customerSignals(message, language: language).confused, "\(message)")
    }
  }

  @Test("a customer who calls the agent a liar or rude, or the app shitty, is upset; a plain report is not")
  func insultsAreUpset() {
    for message in ["Your agent was rude to me on the phone.", "You're liars, the refund never came.", "This shitty app logged me out again.",
      "It's really bugging me that nobody replies."]
    {
      #expect(evaluator.customerSignals(message, language: .en).upset, "\(message)")
    }
    #expect(!evaluator.customerSignals("Here is the photo of the label, sorry it's blurry.", language: .en).upset)
  }

  @Test("'still no refund', 'Seriously? Again?', '아직도', '핑계' read as upset; a livelihood at stake is distress; a plain question is neither")
  func impatienceAndStakes() {
    for (message, language) in [
      ("Unbelievable. Still no refund.", Language.en), ("Seriously? Again?", .en), ("Fix this now, please.", .en),
      ("아직도 환불이 안 됐네요.", .ko), ("맨날 핑계만 대시네요.", .ko),
    ] {
      #expect(evaluator.customerSignals(message, language: language).upset, "\(message)")
    }
    for (message, language) in [
      ("I need this fixed today, my business depends on it.", Language.en), ("오늘 안에 꼭 해결돼야 해요. 가게 장사가 걸린 문제예요.", .ko),
    ] {
      let signals = evaluator.customerSignals(message, language: language)
      #expect(signals.upset && !signals.feedback, "\(message)")
    }
    for (message, language) in [("Can you tell me when my order ships?", Language.en), ("배송 언제 되나요?", .ko)] {
      #expect(!evaluator.customerSignals(message, language: language).upset, "\(message)")
    }
  }

  @Test("service complaints read as upset, a big day at stake as distress, uncertainty as confusion, in both languages")
  func serviceSignals() {
    let upset: [(String, Language)] = [
      ("You charged my card without my permission.", .en), ("Fix it or I'm cancelling.", .en), ("I want to speak to a manager.", .en),
      ("You guys keep giving me the runaround.", .en), ("Why does nobody ever call back?", .en),
      ("동의한 적도 없는데 자동 갱신으로 결제됐어요!", .ko), ("매니저 바꿔 주세요.", .ko), ("한 시간째 대기 중이에요.", .ko),
      ("상담원이 말을 끊고 그냥 끊어 버렸어요.", .ko), ("어제까지 준다고 하셨잖아요.", .ko),
      ("The food was disgusting.", .en), ("You're wasting my time.", .en), ("Why did my price go up without warning?", .en),
      ("I was told 3 pm. Now I have to wait two weeks!", .en), ("아무도 안 알려 줬잖아요!", .ko), ("구독료가 왜 예고도 없이 올랐어요?", .ko),
      ("It still doesn't work.", .en), ("2주를 또 기다려야 한대요!", .ko), ("통장에서 모르는 돈이 빠져나갔어요.", .ko),
      ("There are charges I don't recognise on my card.", .en),
      ("I want to cancel my gym membership but you keep charging me.", .en), ("My account got banned and I didn't do anything wrong!", .en),
      ("The heating has been broken for 5 days.", .en), ("헬스장 해지하고 싶은데 계속 돈이 빠져나가요.", .ko), ("계정이 정지됐는데 저는 잘못한 게 없어요.", .ko),
      ("보일러가 5일째 고장이에요.", .ko), ("4만 원이나 냈는데 반은 빠져 있었어요.", .ko),
      ("제가 찍은 사진이 있다니까요. 지금 제가 거짓말한다는 거예요?", .ko), ("All my notes are gone after the update.", .en), ("Where is my parcel? It's been 10 days.", .en),
      ("You renewed my subscription without asking and charged me $99!", .en), ("They cancelled it without even asking!", .en),
      ("I'm abroad and I can't pay for my hotel.", .en), ("해외에서 카드가 정지돼서 호텔비를 못 내고 있어요.", .ko), ("폭설로 공항에 발이 묶였어요.", .ko),
      ("I'm still waiting for the refund.", .en), ("환불이 아직도 안 들어왔어요.", .ko),
      ("이게 몇 번째 연락인지 모르겠어요.", .ko), ("벌써 세 번째예요.", .ko), ("당장 환불해 주세요.", .ko), ("제 돈 돌려주세요.", .ko),
      ("탈퇴하겠습니다.", .ko), ("언제까지 기다려야 해요?", .ko), ("The delivery is so late.", .en), ("배송이 너무 늦어요.", .ko),
      ("I've been waiting an hour on the phone!", .en), ("한 시간째 전화 대기 중이에요!", .ko),
      ("Where's my refund? You promised it last week.", .en), ("환불 어디 있어요? 지난주에 준다고 하셨잖아요.", .ko),
    ]
    for (message, language) in upset {
      #expect(evaluator.customerSignals(message, language: language).upset, "\(message)")
    }
    for (message, language) in [("My suitcase didn't arrive and I have a wedding tomorrow.", Language.en), ("수하물이 안 왔는데 내일 결혼식이에요.", .ko),
      ("My exam is in an hour and I'm locked out of the course site!", .en), ("한 시간 뒤에 시험인데 강의 사이트에 로그인이 안 돼요!", .ko),
      ("The broken cake ruined the party.", .en), ("케이크가 찌그러져서 왔어요. 생일 파티 망쳤어요.", .ko)] {
      #expect(evaluator.customerSignals(message, language: language).upset, "\(message)")
    }
    for (message, language) in [("I'm not quite sure which plan I'm on.", Language.en), ("요금이 이게 맞는지 확실하지 않아요.", .ko), ("What's a PUK?", .en),
      ("I had no idea there was a fee.", .en), ("Did I miss something?", .en), ("I don't remember signing up for this.", .en)] {
      #expect(evaluator.customerSignals(message, language: language).confused, "\(message)")
    }
    for (message, language) in [("I want to change my delivery address.", Language.en), ("배송지를 바꾸고 싶어요.", .ko),
      ("Can I change the plan without asking the account owner?", .en), ("아직 결정 못 했어요.", .ko), ("아직 안 먹어 봤어요.", .ko)] {
      let signals = evaluator.customerSignals(message, language: language)
      #expect(!signals.upset && !signals.confused, "\(message)")
    }
    // Words that are angry only about the trouble: the second photo, still on sale, how to leave, why so cheap.
    for message in ["두 번째 사진 색상으로 주문하고 싶어요.", "이거 아직도 판매하나요?", "이게 뭐예요? 처음 보는 기능인데요.",
      "탈퇴하려면 어떻게 해야 하나요?", "당장 쓸 건데 오늘 받을 수 있을까요?", "왜 이렇게 저렴해요? 정품 맞나요?", "쿠폰 유효기간이 언제까지예요?"] {
      #expect(!evaluator.customerSignals(message, language: .ko).upset, "\(message)")
    }
    #expect(!evaluator.customerSignals("Can I order the same thing again?", language: .en).upset)
    #expect(!evaluator.customerSignals("Is it the third time slot or the fourth on the list?", language: .en).upset)
    #expect(evaluator.customerSignals("For the third time, where is my order?", language: .en).upset)
    #expect(evaluator.customerSignals("This is the third time my internet has gone down this week!", language: .en).upset)
    #expect(evaluator.customerSignals("Third time!", language: .en).upset)
    #expect(evaluator.customerSignals("Broken again?", language: .en).upset)
    // Damage that was already there, food that came cold: problems to thank the customer for reporting.
    for (message, language) in [("They charged me for a scratch that was already there when I picked it up.", Language.en),
      ("렌터카에 원래 있던 흠집으로 청구됐어요.", .ko), ("음식이 다 식어서 왔어요.", .ko), ("I'm locked out of my account.", .en),
      ("My refund hasn't come in yet.", .en), ("환불 아직 안 들어왔어요.", .ko), ("아직 답장이 없어요.", .ko),
      ("The delivery is late.", .en), ("배송이 늦어요.", .ko), ("Why is the repair so expensive?", .en), ("수리비가 왜 이렇게 비싸요?", .ko),
      ("You sent me the wrong item.", .en), ("잘못된 상품이 왔어요.", .ko), ("주문한 거랑 다른 색이 왔어요.", .ko),
      ("My parcel was left in the rain and everything is soaked.", .en), ("택배가 비 맞는 곳에 놓여서 다 젖었어요.", .ko)] {
      #expect(evaluator.customerSignals(message, language: language).feedback, "\(message)")
    }
  }

  @Test("chat English without apostrophes reads as with them: 'didnt come', 'i dont know, ask', 'youre welcome'; 'well' is not 'we'll'")
  func apostropheLessNegation() {
    #expect(evaluator.customerSignals("my order didnt come", language: .en).feedback)
    let deflection = evaluator.evaluate("i dont know, ask the courier", context: EvaluationContext(language: .en))
    #expect(deflection.findings.contains { $0.rule == "en.ownership.deflection" })
    let refusal = evaluator.evaluate("Sorry, we cant do that.", context: EvaluationContext(language: .en))
    #expect(refusal.findings.contains { $0.rule == "en.ownership.dead-end-refusal" })
    // Other contractions typed bare: "youre welcome", "im so sorry", "thats on us".
    let bare = evaluator.evaluate("youre welcome! im so sorry it took this long, thats on us.", context: EvaluationContext(language: .en))
    for rule in ["en.gratitude.welcomes-thanks", "en.apology.sincere", "en.ownership.owns-mistake"] {
      #expect(bare.findings.contains { $0.rule == rule }, "\(rule)")
    }
    // Not the contractions whose bare form is another word: "well" is not "we'll".
    let well = evaluator.evaluate("Well send it back and see.", context: EvaluationContext(language: .en))
    #expect(!well.findings.contains { $0.rule == "en.resolution.commitment" })
    // A negator typed without its apostrophe still negates: no apology is credited.
    let notSorry = evaluator.evaluate("I dont apologise for the policy.", context: EvaluationContext(language: .en))
    #expect(!notSorry.findings.contains { $0.rule == "en.apology.sincere" })
  }

  @Test("an English message typed in capitals is shouted: upset; a few acronyms, or Latin letters in Korean, are not")
  func shoutedMessages() {
    for message in ["YOU CHARGED ME TWICE AND NOBODY CARES", "WHERE IS MY ORDER?? It's been two weeks", "I NEED THIS FIXED TODAY"] {
      let signals = evaluator.customerSignals(message, language: .en)
      #expect(signals.upset && signals.feedback, "\(message)")
    }
    for (message, language) in [("My ISP says the DNS is down.", Language.en), ("OK, I'll try the USB cable.", .en),
      ("I got an SMS from UPS and DHL today.", .en), ("KT LTE USIM 개통이 언제 돼요?", .ko), ("HI", .en)] {
      #expect(!evaluator.customerSignals(message, language: language).upset, "\(message)")
    }
    let reply = evaluator.evaluate("I've refunded the second charge; it shows in 3 days.", context: EvaluationContext(customerMessage: "YOU CHARGED ME TWICE AND NOBODY CARES"))
    #expect(reply.findings.contains { $0.rule == "en.empathy.missing" })
  }

  @Test("'이해가 안 돼요' is confusion, not a fault to thank for; a fault next to it still is")
  func confusionIsNotFeedback() {
    let confused = evaluator.customerSignals("청구서가 이해가 안 돼요. '일할 계산'이 뭐예요?", language: .ko)
    #expect(confused.confused && !confused.feedback)
    let both = evaluator.customerSignals("이해가 안 돼요. 로그인도 안 돼요.", language: .ko)
    #expect(both.confused && both.feedback)
  }

  @Test("a reproachful '-잖아요' about a broken promise reads as upset; a neutral '아시잖아요' does not")
  func reproach() {
    for message in ["어제 전화 준다고 했잖아요.", "분명히 말했잖아요!", "택배가 안 왔잖아요"] {
      #expect(evaluator.customerSignals(message, language: .ko).upset, "\(message)")
    }
    for message in ["그건 고객님도 아시잖아요", "제가 그 색을 좋아하잖아요. 그래서 골랐어요."] {
      #expect(!evaluator.customerSignals(message, language: .ko).upset, "\(message)")
    }
  }

  @Test("praise is feedback to thank for; praise, thanks or agreement alone leaves nothing to resolve; with a problem or a question it does")
  func satisfiedCustomer() {
    for (message, language) in [
      ("Your support team was amazing last week!", Language.en), ("지난번에 정말 친절하셨어요.", Language.ko),
    ] {
      let signals = evaluator.customerSignals(message, language: language)
      #expect(signals.satisfied && signals.feedback && !signals.upset, "\(message)")
    }
    for (message, language) in [
      ("Great, that worked, thanks!", Language.en), ("OK, I'll try that.", Language.en),
      ("네 해결됐어요 감사합니다", Language.ko), ("알겠어요, 해 볼게요.", Language.ko),
      // Exclamation marks after thanks are delight, not anger.
      ("빨리 고쳐 주셔서 감사해요!!", Language.ko), ("Thanks for fixing it!!", Language.en),
    ] {
      let signals = evaluator.customerSignals(message, language: language)
      #expect(signals.satisfied && !signals.feedback, "thanks or agreement is not feedback: \(message)")
    }
    for (message, language) in [
      ("I love your product but the new update made it slow.", Language.en),
      ("Thanks! Can I also change my delivery address?", Language.en),
      ("친절하게 도와주셔서 감사해요. 그런데 배송지는 어떻게 바꾸나요?", Language.ko),
      ("감사합니다. 그런데 아직도 상품이 안 왔어요.", Language.ko),
    ] {
      #expect(!evaluator.customerSignals(message, language: language).satisfied, "\(message)")
    }
    #expect(evaluator.customerSignals("배송 언제 와요!!", language: .ko).upset, "exclamation marks without thanks still read as anger")

    let thanked = evaluator.evaluate(
      "Thank you so much, that made our day! I'll pass your kind words on to the team.",
      context: EvaluationContext(customerMessage: "Your support team was amazing last week, thank you!", language: .en))
    #expect(thanked[.resolution].score == nil)
    #expect(thanked.has(rule: "en.gratitude.thanks-for-feedback"))
    let noted = evaluator.evaluate("Noted.", context: EvaluationContext(customerMessage: "Your support team was amazing!", language: .en))
    #expect(noted.has(rule: "en.gratitude.missing"))
    #expect(!noted.has(rule: "en.resolution.missing"))
    let welcome = evaluator.evaluate(
      "Glad to hear it's working now! If anything else comes up, just reply to this email.",
      context: EvaluationContext(customerMessage: "Great, that worked, thanks!", isFinalReply: true, language: .en))
    #expect(!welcome.has(rule: "en.gratitude.missing") && !welcome.has(rule: "en.resolution.missing"))
  }

  @Test("grief is distress: empathy is owed, but it is not feedback to thank for")
  func distress() {
    for (message, language) in [
      ("My grandmother passed away and I need to close her account.", Language.en),
      ("어머니가 돌아가셔서 어머니 계정을 해지하려고 합니다.", Language.ko),
    ] {
      let signals = evaluator.customerSignals(message, language: language)
      #expect(signals.upset && !signals.feedback, "\(message)")
    }
    let cold = evaluator.evaluate(
      "계정 해지를 위해서는 사망진단서 사본이 필요합니다. 홈페이지에서 업로드해 주세요.",
      context: EvaluationContext(customerMessage: "어머니가 돌아가셔서 어머니 계정을 해지하려고 합니다."))
    #expect(cold.has(rule: "ko.empathy.missing") && !cold.has(rule: "ko.gratitude.missing"))
    let kind = evaluator.evaluate(
      "삼가 고인의 명복을 빕니다. 오늘 날짜로 계정을 해지했고 예정된 주문도 취소해 드렸습니다.",
      context: EvaluationContext(customerMessage: "어머니가 돌아가셔서 어머니 계정을 해지하려고 합니다."))
    #expect(kind[.empathy].detected)
  }
}
