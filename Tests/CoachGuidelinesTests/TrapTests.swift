import CoachGuidelines
import CoachText
import Testing

/// One test per trap in reference/language-notes.md §0 ("hardest traps" column).
@Suite("Language-notes §0 traps")
struct TrapTests {
  func evaluate(_ text: String, _ language: Language, customer: String? = nil, name: String? = nil, fault: Bool? = nil) -> Evaluation {
    evaluator.evaluate(text, context: EvaluationContext(customerMessage: customer, customerName: name, companyAtFault: fault, language: language))
  }

  // tone / speech level
  @Test("tone: a quoted customer's 반말 does not make the reply mixed")
  func quotedBanmal() {
    let e = evaluate("고객님께서 \"빨리 환불해 줘\"라고 하셨는데요, 오늘 바로 처리해 드릴게요.", .ko)
    #expect(e.speechLevel == .polite)
    #expect(!e.has(rule: "ko.tone.banmal"))
  }

  @Test("tone: 해라체 policy text pasted in is not the agent's 반말")
  func pastedPolicy() {
    let e = evaluate("약관을 안내드립니다.\n제3조 회원은 주문 후 7일 이내에 반품을 신청하여야 한다.", .ko)
    #expect(!e.has(rule: "ko.tone.banmal"))
  }

  @Test("tone: 요-final nouns (필요, 중요) are not polite endings")
  func yoNouns() {
    #expect(TextAnalysis("확인 필요", language: .ko).sentences.map(\.level) == [.fragment])
    #expect(TextAnalysis("중요", language: .ko).speechLevel == nil)
  }

  @Test("tone: names as vocatives after the predicate are set aside")
  func vocative() {
    #expect(evaluate("좋은 하루 보내세요, 김민수 고객님!", .ko).speechLevel == .polite)
  }

  @Test("tone: emoticons after the ending do not hide it")
  func emoticonAfterEnding() {
    #expect(evaluate("확인해 드릴게요^^ 감사합니다ㅎㅎ", .ko).speechLevel == .polite)
  }

  // empathy
  @Test("empathy: 불편하시더라도 양해 부탁드립니다 is a request, not empathy")
  func bearWithUs() {
    #expect(!evaluate("불편하시더라도 양해 부탁드립니다.", .ko)[.empathy].detected)
  }

  @Test("empathy: empathy used as a preface to refusal is flagged")
  func empathyThenRefusal() {
    #expect(evaluate("불편하셨겠지만 규정상 환불은 어렵습니다.", .ko).has(rule: "ko.empathy.empathy-then-refusal"))
  }

  // gratitude
  @Test("gratitude: 감사팀 / 감사원 (audit) are not thanks")
  func audit() {
    #expect(!evaluate("감사팀에서 확인 중이며 감사원 결과를 기다리고 있습니다.", .ko)[.gratitude].detected)
  }

  @Test("gratitude: 'thanks to the outage' is not thanks")
  func thanksTo() {
    #expect(!evaluate("Thanks to the outage, your order was delayed.", .en)[.gratitude].detected)
  }

  @Test("gratitude: 'I'd appreciate it if you…' is a request, not thanks")
  func appreciateIf() {
    #expect(!evaluate("I'd appreciate it if you could send the receipt.", .en)[.gratitude].detected)
  }

  // apology
  @Test("apology: 사과 the fruit is not an apology")
  func apple() {
    #expect(!evaluate("사과 한 박스와 사과즙 5kg을 보내 드렸습니다.", .ko)[.apology].detected)
  }

  @Test("apology: the cushion 죄송합니다만 성함이… is not an apology")
  func cushion() {
    #expect(!evaluate("죄송합니다만 성함을 말씀해 주시겠어요?", .ko)[.apology].detected)
  }

  @Test("apology: 죄송할 일은 아니지만 (negated) is not an apology")
  func negatedApology() {
    #expect(!evaluate("죄송할 일은 아니지만 확인해 보겠습니다.", .ko)[.apology].detected)
  }

  @Test("apology: a quoted customer sentence is not the agent's apology")
  func quotedApology() {
    #expect(!evaluate("고객님께서 \"죄송하다는 말만 하지 마세요\"라고 하셨는데요, 바로 확인하겠습니다.", .ko)[.apology].detected)
    #expect(!evaluate("You wrote: \"I'm sorry, I entered the wrong address.\" Let me fix it.", .en)[.apology].detected)
  }

  // ownership
  @Test("ownership: 고객님 잘못이 아닙니다 (negated blame) is reassurance, not blame")
  func notYourFault() {
    let e = evaluate("고객님 잘못이 아닙니다. 바로 다시 보내 드릴게요.", .ko)
    #expect(!e.has(rule: "ko.ownership.blame"))
    #expect(e.has(rule: "ko.ownership.reassures-no-fault"))
  }

  @Test("ownership: 'policy number' is not a policy wall")
  func policyNumber() {
    let e = evaluate("Your policy number is 12345; the renewal was processed today.", .en)
    #expect(!e.has(rule: "en.ownership.policy-wall"))
  }

  // plain language
  @Test("plain language: homographs (상기, 원가, 이식, 사위) are not flagged")
  func homographs() {
    let e = evaluate("얼굴이 상기되셨네요. 원가 계산과 치아 이식, 사위분 주문도 확인했습니다.", .ko)
    #expect(!e.has(rule: "ko.plain-language.hard-word"))
  }

  @Test("plain language: everyday tech words (로그인, 업데이트) are not flagged")
  func everydayTech() {
    #expect(!evaluate("로그인하신 뒤 앱을 업데이트해 주세요.", .ko).has(rule: "ko.plain-language.hard-word"))
  }

  // personalization
  @Test("personalisation: the agent's own name is not the customer's")
  func agentsName() {
    #expect(!evaluate("안녕하세요, 상담사 김민수입니다.", .ko, name: "김민수")[.personalization].detected)
    #expect(!evaluate("Hello, my name is Sarah and I'll help you today.", .en, name: "Sarah")[.personalization].detected)
  }

  @Test("personalisation: names that are common words need an address (하나, Will)")
  func commonWordNames() {
    #expect(!evaluate("하나만 더 여쭤봐도 될까요?", .ko, name: "이하나")[.personalization].detected)
    #expect(evaluate("하나 님, 바로 확인해 드릴게요.", .ko, name: "이하나")[.personalization].detected)
    #expect(!evaluate("We will send it tomorrow.", .en, name: "Will Smith")[.personalization].detected)
    #expect(evaluate("Hi Will, we'll send it tomorrow.", .en, name: "Will Smith")[.personalization].detected)
  }

  // resolution
  @Test("resolution: 기다려 주세요 in a sentence that gives a time is not a vague wait")
  func waitWithTime() {
    #expect(!evaluate("내일 오전 10시까지 기다려 주세요.", .ko).has(rule: "ko.resolution.vague-wait"))
    #expect(evaluate("조금만 더 기다려 주세요.", .ko).has(rule: "ko.resolution.vague-wait"))
  }

  // closing
  @Test("closing: 더 없으시죠? closes the door")
  func leadingQuestion() {
    #expect(evaluate("더 궁금하신 점 없으시죠?", .ko).has(rule: "ko.closing.leading-question"))
  }

  @Test("closing: a closing line as the only content is robotic")
  func closingOnly() {
    #expect(evaluate("감사합니다.", .ko).has(rule: "ko.tone.robotic-only"))
  }

  // robotic
  @Test("robotic: a short acknowledgement followed by real content is fine")
  func ackThenContent() {
    #expect(!evaluate("알겠습니다. 오늘 오후 3시까지 새 상품을 보내 드리겠습니다.", .ko).has(rule: "ko.tone.robotic-only"))
    #expect(!evaluate("Noted. I've issued the refund today.", .en).has(rule: "en.tone.robotic-only"))
  }
}
