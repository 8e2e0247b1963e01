import CoachDiagnostics
import CoachGuidelines
import CoachText
import Foundation
import Testing

@testable import CoachBatch

@Suite("Conversation scoring")
struct ConversationScoringTests {
  func conversation(_ id: String, in name: String = "replies.jsonl") throws -> Conversation {
    try #require(try readItems(name).compactMap(\.conversation).first { $0.id == id })
  }

  @Test("Each agent turn gets the customer's words before it; only the last agent turn is final")
  func context() throws {
    let c1 = try conversation("c1")
    let recorder = RecordingEvaluator()
    let result = ConversationScorer(evaluate: recorder.evaluate).score(c1)
    let calls = recorder.calls
    #expect(calls.map(\.reply) == [c1.turns[1].text, c1.turns[4].text, c1.turns[5].text])
    #expect(calls[0].context.customerMessage == c1.turns[0].text)
    // Two customer messages in a row are both context; an agent writing twice keeps that context.
    #expect(calls[1].context.customerMessage == c1.turns[2].text + "\n" + c1.turns[3].text)
    #expect(calls[2].context.customerMessage == calls[1].context.customerMessage)
    #expect(calls.map(\.context.isFinalReply) == [false, false, true])
    #expect(calls.allSatisfy { $0.context.customerName == "박민지" })
    // Turn 4 apologises, so turn 5 no longer owes an apology.
    #expect(result.turns[1].evaluation.categories[Category.apology.index].detected)
    #expect(calls.map(\.context.companyAtFault) == [true, true, false])
    #expect(result.turns.map(\.turn) == [1, 4, 5])
  }

  @Test("Closing is judged on the last agent turn only, even when an earlier turn says goodbye")
  func closingOnLastTurn() throws {
    let turns = [
      Turn(role: .customer, text: "Where is my order?", index: 0),
      Turn(role: .agent, text: "Is there anything else I can help you with? Have a great day!", index: 1),
      Turn(role: .customer, text: "Yes, the invoice too.", index: 2),
      Turn(role: .agent, text: "I've emailed the invoice.", index: 3),
      Turn(role: .agent, text: "   ", index: 4),
    ]
    let recorder = RecordingEvaluator()
    let result = ConversationScorer(evaluate: recorder.evaluate).score(Conversation(id: "x", turns: turns))
    // The blank turn is not a reply, so turn 3 is the final one.
    #expect(recorder.calls.map(\.context.isFinalReply) == [false, true])
    #expect(result.turns.map(\.turn) == [1, 3])
    // The conversation's closing verdict is the last turn's, whatever the first turn said.
    let closing = Category.closing.index
    #expect(result.categories[closing].score == result.turns[1].evaluation.categories[closing].score)
    #expect(result.categories[closing].detected == result.turns[1].evaluation.categories[closing].detected)
  }

  @Test("Closing comes from the last agent turn alone: a goodbye halfway through does not count")
  func closingKorean() throws {
    let c = Conversation(
      id: "k",
      turns: [
        Turn(role: .customer, text: "배송지를 바꿀 수 있을까요?", index: 0),
        Turn(role: .agent, text: "네, 변경해 드렸습니다. 다른 궁금한 점이 있으시면 언제든 말씀해 주세요.", index: 1),
        Turn(role: .customer, text: "그럼 언제 도착해요?", index: 2),
        Turn(role: .agent, text: "내일 오후에 도착합니다.", index: 3),
      ])
    let result = ConversationScorer(evaluator: sharedEvaluator).score(c)
    let closing = Category.closing.index
    let last = result.turns[1].evaluation.categories[closing]
    #expect(result.categories[closing].score == last.score)
    #expect(result.categories[closing].detected == last.detected)
    // Scored as a final reply on its own, the last turn gives the same closing verdict.
    let alone = sharedEvaluator.evaluate(c.turns[3].text, context: EvaluationContext(customerMessage: c.turns[2].text, isFinalReply: true))
    #expect(alone[.closing] == CategoryResult(score: last.score, detected: last.detected, reason: last.reason))
  }

  @Test("Every turn's verdict is exactly the evaluator's verdict for that reply in its context")
  func sameAsEvaluator() throws {
    for c in try readItems("replies.jsonl").compactMap(\.conversation) + readItems("transcripts.txt").compactMap(\.conversation) {
      let result = ConversationScorer(evaluator: sharedEvaluator).score(c)
      var apologised = false
      let lastAgent = c.turns.last { $0.role == .agent }?.index
      for turn in result.turns {
        let position = c.turns.firstIndex { $0.index == turn.turn }!
        let before = c.turns[..<position]
        let previousAgent = before.lastIndex { $0.role == .agent }
        var run = before[(previousAgent.map { $0 + 1 } ?? 0)...].filter { $0.role == .customer }
        if run.isEmpty, let previousAgent {
          let earlierAgent = before[..<previousAgent].lastIndex { $0.role == .agent }
          run = before[(earlierAgent.map { $0 + 1 } ?? 0)..<previousAgent].filter { $0.role == .customer }
        }
        let context = EvaluationContext(
          customerMessage: run.isEmpty ? nil : run.map(\.text).joined(separator: "\n"), customerName: c.customerName,
          companyAtFault: c.companyAtFault.map { $0 && !apologised }, isFinalReply: turn.turn == lastAgent, language: nil)
        let expected = sharedEvaluator.evaluate(c.turns[position].text, context: context, id: c.id)
        apologised = apologised || expected[.apology].detected
        #expect(turn.evaluation == expected, "\(c.id ?? "?") turn \(turn.turn)")
      }
    }
  }

  @Test("One apology is enough: after it, later turns are not marked down for not apologising again")
  func oneApologyIsEnough() throws {
    let c = Conversation(
      id: "x", companyAtFault: true,
      turns: [
        Turn(role: .customer, text: "주문한 상품이 파손돼서 왔어요.", index: 0),
        Turn(role: .agent, text: "파손된 상품을 보내 드려 정말 죄송합니다.", index: 1),
        Turn(role: .customer, text: "그럼 언제 다시 받을 수 있어요?", index: 2),
        Turn(role: .agent, text: "내일까지 새 상품을 보내 드리겠습니다.", index: 3),
      ])
    let result = ConversationScorer(evaluator: sharedEvaluator).score(c)
    #expect(!result.findings.contains { $0.turn == 3 && $0.finding.category == .apology && $0.finding.kind == .issue })
    #expect(result.categories[Category.apology.index].detected)
  }

  @Test("An apology owed by the company is judged from the context; apologising scores higher")
  func apologyOwed() throws {
    func score(_ reply: String, atFault: Bool?) -> ConversationEvaluation {
      let c = Conversation(
        id: "a", companyAtFault: atFault,
        turns: [Turn(role: .customer, text: "주문한 상품이 파손돼서 왔어요. 세 번째 문의예요!", index: 0), Turn(role: .agent, text: reply, index: 1)])
      return ConversationScorer(evaluator: sharedEvaluator).score(c)
    }
    let apology = Category.apology.index
    let noApology = score("새 상품을 오늘 보내 드리겠습니다.", atFault: true)
    let withApology = score("파손된 상품을 보내 드려 정말 죄송합니다. 새 상품을 오늘 보내 드리겠습니다.", atFault: true)
    #expect(noApology.categories[apology].score != nil)
    #expect(noApology.categories[apology].detected == false)
    #expect(withApology.categories[apology].detected == true)
    #expect(noApology.categories[apology].score! < withApology.categories[apology].score!)
    #expect(noApology.overall < withApology.overall)
    // The missing apology is a conversation-level finding that names its turn.
    #expect(noApology.findings.contains { $0.turn == 1 && $0.finding.category == .apology && $0.finding.kind == .issue })
  }

  func evaluation(_ scores: [Category: Int], detected: Set<Category> = [], level: SpeechLevel? = nil, critical: Bool = false) -> Evaluation {
    let findings =
      critical
      ? [Finding(rule: "ko.tone.banmal", category: .tone, kind: .issue, severity: .critical, start: 0, end: 1, excerpt: "x", message: "m", suggestion: nil, points: -60)]
      : []
    return Evaluation(
      id: nil, language: .ko, overall: 0, speechLevel: level,
      categories: Category.allCases.map { CategoryResult(score: scores[$0], detected: detected.contains($0)) }, findings: findings)
  }

  @Test("Category means, any-turn detection, weighted overall, critical cap, combined speech level")
  func combine() {
    let turns = [
      TurnEvaluation(turn: 1, evaluation: evaluation([.apology: 100, .tone: 100], detected: [.apology], level: .formal)),
      TurnEvaluation(turn: 3, evaluation: evaluation([.apology: 40, .tone: 90, .closing: 80], level: .polite)),
    ]
    let c = ConversationScorer.combine(id: "c", agent: nil, turns: turns)
    #expect(c.categories[Category.apology.index] == CategoryResult(score: 70, detected: true))
    #expect(c.categories[Category.tone.index].score == 95)
    #expect(c.categories[Category.closing.index].score == 80)  // the last turn's
    let earlyGoodbye = ConversationScorer.combine(
      id: "g", agent: nil, turns: [turns[1], TurnEvaluation(turn: 5, evaluation: evaluation([.tone: 100], level: .polite))])
    #expect(earlyGoodbye.categories[Category.closing.index].score == nil)
    #expect(c.categories[Category.empathy.index].score == nil)
    // (70×1.0 + 95×1.0 + 80×0.5) / 2.5 = 82
    #expect(c.overall == 82)
    #expect(c.speechLevel == .polite)
    let capped = ConversationScorer.combine(
      id: "c", agent: nil, turns: turns + [TurnEvaluation(turn: 5, evaluation: evaluation([.tone: 100], level: .informal, critical: true))])
    #expect(capped.overall == 40)
    #expect(capped.speechLevel == .mixed)
    #expect(ConversationScorer.combineSpeechLevels([.informal, nil, .informal]) == .informal)
    #expect(ConversationScorer.combineSpeechLevels([.formal, .formal]) == .formal)
    #expect(ConversationScorer.combineSpeechLevels([nil]) == nil)
    let empty = ConversationScorer.combine(id: "e", agent: nil, turns: [])
    #expect(empty.overall == 0 && !empty.isScored)
  }

  @Test("Response times: first response and per-turn waiting time from the customer's first unanswered message")
  func responseTimes() throws {
    let result = ConversationScorer(evaluator: sharedEvaluator).score(try conversation("c1"))
    #expect(result.firstResponseSeconds == 150)
    #expect(result.turns.map(\.responseSeconds) == [150, 180, nil])
    #expect(result.meanResponseSeconds == 165)
  }

  @Test("Conversation JSON: contract keys in order, findings with their turn, turn objects with \"turn\"")
  func json() throws {
    let result = ConversationScorer(evaluator: sharedEvaluator).score(try conversation("c1"))
    var out = JSONOutput()
    out.conversation(result)
    let text = String(decoding: out.bytes, as: UTF8.self)
    let keys = ["\"id\":", "\"language\":", "\"overall\":", "\"speech_level\":", "\"categories\":", "\"findings\":", "\"turns\":"]
    let positions = keys.map { text.range(of: $0)!.lowerBound }
    #expect(positions == positions.sorted())
    let object = try #require(try JSONSerialization.jsonObject(with: Data(out.bytes)) as? [String: Any])
    let findings = try #require(object["findings"] as? [[String: Any]])
    #expect(!findings.isEmpty)
    #expect(findings.allSatisfy { $0["turn"] is Int })
    let turns = try #require(object["turns"] as? [[String: Any]])
    #expect(turns.map { $0["turn"] as? Int } == [1, 4, 5])
    #expect(Set(turns[0].keys) == ["id", "language", "overall", "speech_level", "categories", "findings", "turn"])
    #expect((object["categories"] as? [String: Any])?.count == 9)
  }

  @Test("The fast JSON writer matches Evaluation.jsonObject byte for byte")
  func writerMatchesContract() throws {
    var shared = JSONOutput()
    for item in try readItems("replies.jsonl") + readItems("transcripts.txt") {
      let evaluations: [Evaluation]
      switch item {
      case .reply(let r, _): evaluations = [ConversationScorer(evaluator: sharedEvaluator).score(r)]
      case .conversation(let c, _): evaluations = ConversationScorer(evaluator: sharedEvaluator).score(c).turns.map(\.evaluation)
      case .error: evaluations = []
      }
      for e in evaluations {
        var out = JSONOutput()
        out.evaluation(e)
        #expect(String(decoding: out.bytes, as: UTF8.self) == e.jsonObject())
        // Again through a writer whose per-rule cache is warm (a changed message must not reuse it).
        let start = shared.bytes.count
        shared.evaluation(e)
        #expect(String(decoding: shared.bytes[start...], as: UTF8.self) == e.jsonObject())
        var changed = e
        for i in changed.findings.indices { changed.findings[i].message += " (changed)" }
        let again = shared.bytes.count
        shared.evaluation(changed)
        #expect(String(decoding: shared.bytes[again...], as: UTF8.self) == changed.jsonObject())
      }
    }
    // Every special character at every position around the 8-byte fast path.
    for special in ["\"", "\\", "\n", "\u{1}", "\u{7F}", "\u{2028}", "…", "é", "한"] {
      for position in 0..<20 {
        let text = String(repeating: "a", count: position) + special + String(repeating: "가", count: position % 5) + "bcdefghij"
        var out = JSONOutput()
        out.string(text)
        #expect(String(decoding: out.bytes, as: UTF8.self) == jsonString(text), "\(special) at \(position)")
      }
    }
    var out = JSONOutput()
    out.string("a\"b\\c\n\u{1B}[31m\u{7F}\u{9B}\u{202E}\u{2028}한")
    #expect(String(decoding: out.bytes, as: UTF8.self) == #""a\"b\\c\n\u001b[31m\u007f\u009b\u202e\u2028한""#)
  }
}
