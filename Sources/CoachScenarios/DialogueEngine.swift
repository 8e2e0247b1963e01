import CoachGuidelines
import CoachText

/// Plays a scenario: picks the customer's lines, scores each reply with the real evaluator,
/// takes the first branch whose condition holds, moves the mood, and reaches an ending.
///
/// Pure: no I/O, no clock, no global randomness. The same scenario, seed and replies always give
/// the same conversation; every step takes a ``DialogueState`` and returns a new one, so a
/// caller can keep the old state to retry a turn.
///
/// ```swift
/// let engine = DialogueEngine(scenario: scenario, evaluator: Evaluator(library: library))
/// var state = engine.start(seed: 42)
/// print(state.customerLine)
/// let outcome = try engine.respond("불편을 드려 죄송합니다 …", to: state)
/// state = outcome.state                                // go on
/// let retry = try engine.respond("…", to: outcome.previousState)   // or try the turn again
/// ```
public struct DialogueEngine: Sendable {
  public let scenario: Scenario
  public let evaluator: Evaluator

  public init(scenario: Scenario, evaluator: Evaluator) {
    self.scenario = scenario
    self.evaluator = evaluator
  }

  /// The opening state: the start node, the start mood, and its first customer line picked by `seed`.
  public func start(seed: UInt64) -> DialogueState {
    var generator = SplitMix64(seed: seed)
    let node = scenario.startNode
    let line = node.lines[generator.index(below: node.lines.count)]
    return DialogueState(
      scenarioID: scenario.id, scenarioHash: scenario.contentHash, seed: seed, node: node.id, customerLine: line, mood: scenario.mood.start,
      turn: 0, generator: generator, ending: nil, endedByTurnLimit: false, history: [])
  }

  /// The node waiting for a reply (its hints are what `/hint` shows).
  public func currentNode(_ state: DialogueState) throws(DialogueError) -> Node {
    guard state.scenarioID == scenario.id else { throw .wrongScenario(state.scenarioID, expected: scenario.id) }
    guard let node = scenario.node(state.node) else { throw .unknownNode(state.node) }
    return node
  }

  /// Whether the next reply closes the conversation: every branch of the node leads to an
  /// ending, or it is the last reply the turn limit allows. Closing is judged on that reply.
  public func nextReplyIsFinal(_ state: DialogueState) -> Bool {
    guard let node = scenario.node(state.node) else { return true }
    return state.turn + 1 >= scenario.turnLimit.turns || node.branches.allSatisfy { scenario.ending($0.target) != nil }
  }

  /// The context the next reply is scored in: the customer's current line, their name,
  /// whether an apology is still owed, the scenario's language, whether the reply is final, and
  /// whether the customer is upset: at mood 5 or more (what the mood meter calls upset) empathy
  /// is expected even when the line itself is a plain question, until a reply has shown it
  /// (after that, the customer's own words decide, as for the apology).
  ///
  /// The evaluator judges one reply at a time, so it would expect an apology in every reply of
  /// an at-fault scenario. In a conversation one clear apology is enough (apologising in every
  /// turn is over-apologising), so once a reply has made one, the company counts as no longer
  /// owing it: later replies are scored with `companyAtFault: false`.
  public func context(for state: DialogueState) -> EvaluationContext {
    EvaluationContext(
      customerMessage: state.customerLine, customerName: scenario.customerName, companyAtFault: apologyOwed(state),
      isFinalReply: nextReplyIsFinal(state), language: scenario.language,
      customerUpset: empathyOwed(state) ? true : nil)
  }

  /// The mood from which the customer counts as upset (the mood meter's "upset").
  public static let upsetMood = 5

  /// Whether the customer's mood alone asks the next reply for empathy: upset, and no earlier
  /// reply has acknowledged it.
  public func empathyOwed(_ state: DialogueState) -> Bool {
    state.mood >= DialogueEngine.upsetMood && !state.history.contains { $0.evaluation[.empathy].detected }
  }

  /// Whether the next reply still owes the customer an apology.
  public func apologyOwed(_ state: DialogueState) -> Bool {
    scenario.companyAtFault && !state.history.contains { $0.evaluation[.apology].detected }
  }

  /// Scores a reply in the state's context without moving the conversation (for previews).
  public func evaluate(_ reply: String, in state: DialogueState) -> Evaluation {
    evaluator.evaluate(reply, context: context(for: state))
  }

  /// Scores `reply`, takes the first branch whose condition holds, moves the mood, and
  /// returns what happened with the new state. `state` itself is not changed.
  public func respond(_ reply: String, to state: DialogueState) throws(DialogueError) -> TurnOutcome {
    guard !state.isFinished else { throw .finished(state.ending ?? "") }
    let node = try currentNode(state)
    let evaluation = evaluate(reply, in: state)
    let turn = state.turn + 1
    let facts = ConditionFacts(evaluation: evaluation, mood: state.mood, turn: turn, library: evaluator.library)
    guard let branchIndex = node.branches.firstIndex(where: { $0.condition?.holds(in: facts) ?? true }) else {
      throw .noBranchHolds(node.id)
    }
    let branch = node.branches[branchIndex]
    let moodAfter = min(Mood.range.upperBound, max(Mood.range.lowerBound, state.mood + branch.moodChange))

    var next = state
    next.turn = turn
    next.mood = moodAfter
    let step: TurnOutcome.Next
    if let ending = scenario.ending(branch.target) {
      step = finish(&next, at: ending, byTurnLimit: false)
    } else if let target = scenario.node(branch.target) {
      if turn >= scenario.turnLimit.turns {
        guard let limit = scenario.ending(scenario.turnLimit.ending) else { throw .unknownNode(scenario.turnLimit.ending) }
        step = finish(&next, at: limit, byTurnLimit: true)
      } else {
        let line = pickLine(target.lines, avoiding: target.id == state.node ? state.customerLine : nil, generator: &next.generator)
        next.node = target.id
        next.customerLine = line
        step = .customer(node: target, line: line)
      }
    } else {
      throw .unknownNode(branch.target)
    }
    next.history.append(
      TurnRecord(
        turn: turn, node: node.id, customerLine: state.customerLine, reply: reply, evaluation: EvaluationSummary(evaluation),
        branchIndex: branchIndex, branch: branch.scriptText, target: branch.target, moodBefore: state.mood, moodAfter: moodAfter))
    return TurnOutcome(
      turn: turn, customerLine: state.customerLine, reply: reply, evaluation: evaluation, node: node, branchIndex: branchIndex,
      moodBefore: state.mood, moodAfter: moodAfter, next: step, state: next, previousState: state)
  }

  /// Plays a whole script of replies from `seed`, stopping at the ending (later replies are unused).
  public func play(_ replies: [String], seed: UInt64) throws(DialogueError) -> [TurnOutcome] {
    var state = start(seed: seed)
    var outcomes: [TurnOutcome] = []
    for reply in replies where !state.isFinished {
      let outcome = try respond(reply, to: state)
      outcomes.append(outcome)
      state = outcome.state
    }
    return outcomes
  }

  private func finish(_ state: inout DialogueState, at ending: Ending, byTurnLimit: Bool) -> TurnOutcome.Next {
    let line = ending.lines.isEmpty ? nil : ending.lines[state.generator.index(below: ending.lines.count)]
    state.ending = ending.id
    state.endedByTurnLimit = byTurnLimit
    if let line { state.customerLine = line }
    return .ending(ending, line: line, byTurnLimit: byTurnLimit)
  }

  /// Picks a variant; when the conversation comes back to the same node, not the line just said.
  private func pickLine(_ lines: [String], avoiding previous: String?, generator: inout SplitMix64) -> String {
    let choices = lines.count > 1 ? lines.filter { $0 != previous } : lines
    return choices[generator.index(below: choices.count)]
  }
}

/// What one reply did: its evaluation, the branch taken, the mood change, and what comes next.
public struct TurnOutcome: Sendable {
  public enum Next: Sendable, Hashable {
    /// The customer says `line` (at `node`) and waits for the next reply.
    case customer(node: Node, line: String)
    /// The conversation is over: the ending, the customer's last words, and whether the turn limit ended it.
    case ending(Ending, line: String?, byTurnLimit: Bool)
  }

  /// 1 for the first reply.
  public var turn: Int
  /// The customer line the reply answered.
  public var customerLine: String
  public var reply: String
  public var evaluation: Evaluation
  /// The node the reply was given at.
  public var node: Node
  public var branchIndex: Int
  public var moodBefore: Int
  public var moodAfter: Int
  public var next: Next
  /// The state after this turn.
  public var state: DialogueState
  /// The state before this turn: pass it to `respond` again to retry the turn with another reply.
  public var previousState: DialogueState

  public var branch: Branch { node.branches[branchIndex] }

  /// The ending, when this turn finished the conversation.
  public var ending: Ending? {
    if case .ending(let ending, _, _) = next { return ending }
    return nil
  }
}

/// Why the engine cannot go on from a state.
public enum DialogueError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The conversation already reached this ending.
  case finished(String)
  /// The state belongs to another scenario.
  case wrongScenario(String, expected: String)
  /// The state names a node the scenario does not have (it was edited since the state was saved).
  case unknownNode(String)
  /// No branch of the node held and it has no default (a scenario that did not pass lint).
  case noBranchHolds(String)

  public var description: String {
    switch self {
    case .finished(let ending): "the conversation has already ended at '\(ending)'"
    case .wrongScenario(let id, let expected): "this conversation belongs to scenario '\(id)', not '\(expected)'"
    case .unknownNode(let node): "the scenario has no node or ending '\(node)'; was it edited since this conversation was saved?"
    case .noBranchHolds(let node): "no branch of node '\(node)' applies and it has no default branch; run coach scenarios lint"
    }
  }
}
