import CoachGuidelines
import CoachText
import Foundation
import Testing

@testable import CoachScenarios

/// The engine on a small in-memory scenario, scored by the real Korean packs.
struct DialogueEngineTests {
  static let source = """
    id: engine-test
    title: 엔진 시험
    language: ko
    mood: angry 9
    difficulty: easy
    channel: chat
    customer-name: 김민수
    situation: 택배가 늦었다.
    company-at-fault: yes
    turn-limit: 3 -> out-of-time
    trains: apology
    ---
    node start
      customer: 택배가 아직도 안 왔어요. 언제 와요?
      customer: 일주일째 기다리고 있는데 어떻게 된 거예요?
      customer: 주문한 거 도대체 언제 와요?
      customer: 배송이 왜 이렇게 늦어요?
      if speech-level is informal or speech-level is mixed -> left  mood +5
      if apology detected -> second  mood -4
      otherwise -> start  mood +3

    node second
      customer: 네, 그래서 언제 오는데요?
      customer: 사과는 알겠고요, 언제 받을 수 있어요?
      if apology detected -> done  mood -10
      otherwise -> second  mood +1

    ending done
      kind: resolved
      customer: 네, 기다릴게요.
      debrief: 잘했습니다.

    ending left
      kind: customer-left
      debrief: 반말은 안 됩니다.

    ending out-of-time
      kind: unresolved
      debrief: 시간이 다 됐습니다.
    ===
    """

  static let scenario: Scenario = {
    let catalog = ScenarioCatalog.load(sources: [("engine-test.scenario", source)], guidelines: TestSupport.library)
    precondition(!catalog.hasErrors, "\(catalog.diagnostics)")
    return catalog.scenarios[0]
  }()

  static let engine = DialogueEngine(scenario: scenario, evaluator: Evaluator(library: TestSupport.library))

  static let apology = "김민수 님, 배송이 늦어져 정말 죄송합니다."
  static let noApology = "확인해 보겠습니다."

  @Test("The same seed and the same replies give the same conversation")
  func deterministic() throws {
    let replies = [Self.noApology, Self.apology, Self.apology]
    for seed: UInt64 in [0, 1, 42, .max] {
      let a = try Self.engine.play(replies, seed: seed)
      let b = try Self.engine.play(replies, seed: seed)
      #expect(a.map(\.state) == b.map(\.state))
      #expect(a.map(\.customerLine) == b.map(\.customerLine))
      #expect(a.last?.state.isFinished == true)
    }
  }

  @Test("Different seeds can pick different variants")
  func seedsPickVariants() {
    let openings = Set((0..<64).map { Self.engine.start(seed: UInt64($0)).customerLine })
    #expect(openings.count == Self.scenario.startNode.lines.count)
  }

  @Test("A turn takes the first branch that holds, moves the mood and reaches an ending")
  func branchesAndMood() throws {
    let state = Self.engine.start(seed: 7)
    #expect(state.mood == 9)
    let first = try Self.engine.respond(Self.apology, to: state)
    #expect(first.branchIndex == 1)
    #expect(first.moodBefore == 9 && first.moodAfter == 5)
    guard case .customer(let node, let line) = first.next else { Issue.record("expected a customer line"); return }
    #expect(node.id == "second" && node.lines.contains(line))
    let second = try Self.engine.respond(Self.apology, to: first.state)
    #expect(second.moodAfter == 0, "mood is clamped at 0")
    #expect(second.ending?.id == "done")
    #expect(second.state.isFinished && second.state.customerLine == "네, 기다릴게요.")
    #expect(second.state.history.map(\.target) == ["second", "done"])
    #expect(throws: DialogueError.finished("done")) { try Self.engine.respond(Self.apology, to: second.state) }
  }

  @Test("반말 takes the harshest branch, and the mood is clamped at 10")
  func banmal() throws {
    let outcome = try Self.engine.respond("택배사 문제야. 그냥 기다려.", to: Self.engine.start(seed: 1))
    #expect(outcome.evaluation.speechLevel == .informal)
    #expect(outcome.ending?.id == "left")
    #expect(outcome.moodAfter == 10)
  }

  @Test("Retry replays a turn from the state before it")
  func retry() throws {
    let start = Self.engine.start(seed: 3)
    let bad = try Self.engine.respond(Self.noApology, to: start)
    #expect(bad.state.node == "start" && bad.moodAfter == 10)
    let retried = try Self.engine.respond(Self.apology, to: bad.previousState)
    #expect(retried.previousState == start)
    #expect(retried.state.node == "second" && retried.moodAfter == 5)
    #expect(retried.state.history.count == 1)
  }

  @Test("Coming back to the same node picks a different line")
  func revisitPicksAnotherLine() throws {
    for seed: UInt64 in 0..<20 {
      let outcome = try Self.engine.respond(Self.noApology, to: Self.engine.start(seed: seed))
      #expect(outcome.state.node == "start")
      #expect(outcome.state.customerLine != outcome.customerLine)
    }
  }

  @Test("The turn limit ends the conversation at its ending")
  func turnLimit() throws {
    let outcomes = try Self.engine.play([Self.noApology, Self.noApology, Self.noApology, Self.noApology], seed: 5)
    #expect(outcomes.count == 3)
    guard case .ending(let ending, _, let byLimit) = outcomes[2].next else { Issue.record("expected an ending"); return }
    #expect(ending.id == "out-of-time" && byLimit)
    #expect(outcomes[2].state.endedByTurnLimit)
    #expect(Self.engine.nextReplyIsFinal(outcomes[1].state))
  }

  @Test("The reply is scored with the scenario's context")
  func context() throws {
    let state = Self.engine.start(seed: 9)
    let context = Self.engine.context(for: state)
    #expect(context.customerMessage == state.customerLine)
    #expect(context.customerName == "김민수")
    #expect(context.companyAtFault == true)
    #expect(context.language == .ko)
    #expect(context.isFinalReply == false)
    let apologised = try Self.engine.respond(Self.apology, to: state)
    #expect(Self.engine.context(for: apologised.state).companyAtFault == false, "one apology is enough")
    let evasive = try Self.engine.respond(Self.noApology, to: state)
    #expect(Self.engine.context(for: evasive.state).companyAtFault == true, "the apology is still owed")
  }

  @Test("An upset customer (mood 5+) is owed empathy even for a plain question, until a reply shows it")
  func moodAsksForEmpathy() throws {
    let state = Self.engine.start(seed: 9)  // angry 9
    #expect(Self.engine.context(for: state).customerUpset == true)
    let plain = "배송 기사님께 바로 확인해서 오늘 오후 3시까지 알려 드리겠습니다."
    let flat = Self.engine.evaluate(plain, in: state)
    #expect(flat.findings.contains { $0.rule == "ko.empathy.missing" }, "\(flat.findings.map(\.rule))")
    let caring = "일주일이나 기다리셔서 정말 답답하셨겠어요. 오늘 오후 3시까지 알려 드리겠습니다."
    let shown = try Self.engine.respond(caring, to: state)
    #expect(shown.evaluation[.empathy].detected)
    #expect(Self.engine.context(for: shown.state).customerUpset == nil, "empathy shown once is enough")
    var calm = state
    calm.mood = 4
    #expect(Self.engine.context(for: calm).customerUpset == nil)
  }

  @Test("A saved state continues exactly like the original")
  func codable() throws {
    let first = try Self.engine.respond(Self.noApology, to: Self.engine.start(seed: .max))
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(first.state)
    let restored = try JSONDecoder().decode(DialogueState.self, from: data)
    #expect(restored == first.state)
    let a = try Self.engine.respond(Self.apology, to: first.state)
    let b = try Self.engine.respond(Self.apology, to: restored)
    #expect(a.state == b.state)
    #expect(String(decoding: data, as: UTF8.self).contains("\"generator\":\""))
  }

  @Test("A state from another scenario is refused")
  func wrongScenario() {
    var state = Self.engine.start(seed: 1)
    state.scenarioID = "other"
    #expect(throws: DialogueError.wrongScenario("other", expected: "engine-test")) { try Self.engine.respond("네", to: state) }
  }

  @Test("SplitMix64 gives the published sequence")
  func splitMix() {
    var generator = SplitMix64(seed: 1_234_567)
    // Reference values of SplitMix64 from seed 1234567 (Vigna's splitmix64.c).
    #expect(generator.next() == 6_457_827_717_110_365_317)
    #expect(generator.next() == 3_203_168_211_198_807_973)
  }
}
