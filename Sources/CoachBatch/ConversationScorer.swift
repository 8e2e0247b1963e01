import CoachGuidelines
import CoachText

/// Scores one reply: the evaluator, or a stand-in (benchmarks measure the pipeline without it).
public typealias ReplyEvaluating = @Sendable (_ reply: String, _ context: EvaluationContext, _ id: String?) -> Evaluation

/// Scores conversations turn by turn, each agent turn with the customer's words before it.
///
/// ```swift
/// let scorer = ConversationScorer(evaluator: Evaluator(library: try GuidelineLibrary.loadDefault()))
/// let result = scorer.score(conversation)
/// result.overall, result.turns.map(\.evaluation.overall)
/// ```
public struct ConversationScorer: Sendable {
  let evaluate: ReplyEvaluating

  static let apologyIndex = Category.apology.index

  public init(evaluator: Evaluator) {
    evaluate = { reply, context, id in evaluator.evaluate(reply, context: context, id: id) }
  }

  public init(evaluate: @escaping ReplyEvaluating) {
    self.evaluate = evaluate
  }

  /// Scores a single reply record.
  public func score(_ reply: ReplyRecord) -> Evaluation {
    let context = EvaluationContext(
      customerMessage: reply.customerMessage, customerName: reply.customerName, companyAtFault: reply.companyAtFault,
      isFinalReply: reply.isFinalReply, language: reply.language)
    return evaluate(reply.text, context, reply.id)
  }

  /// Scores every agent turn that has text, then the conversation.
  ///
  /// Each agent turn is scored with the customer turns since the previous agent turn (joined
  /// by a line break) as the customer's message, or the last such run when the agent writes
  /// twice in a row; with the conversation's customer name and company-at-fault flag; and with
  /// `isFinalReply` true on the last agent turn only. Agent turns without text are skipped.
  ///
  /// One clear apology is enough in a conversation (as in the scenario engine): once a turn has
  /// apologised, later turns are scored with `companyAtFault: false`, so they are not marked
  /// down for not apologising again.
  public func score(_ conversation: Conversation) -> ConversationEvaluation {
    let lastAgent = conversation.turns.lastIndex { $0.role == .agent && !isBlank($0.text) }
    var customerRun: [Turn] = []
    var runIsAnswered = false
    var firstCustomerTime: Timestamp?
    var seenCustomer = false
    var firstResponse: Double?
    var turns: [TurnEvaluation] = []
    var apologised = false
    for (position, turn) in conversation.turns.enumerated() {
      switch turn.role {
      case .customer:
        if runIsAnswered {
          customerRun = []
          runIsAnswered = false
        }
        customerRun.append(turn)
        if !seenCustomer {
          seenCustomer = true
          firstCustomerTime = turn.time
        }
      case .agent:
        guard !isBlank(turn.text) else { continue }
        let customerMessage =
          customerRun.isEmpty ? nil : customerRun.count == 1 ? customerRun[0].text : customerRun.map(\.text).joined(separator: "\n")
        var response: Double?
        if !runIsAnswered, let waitingSince = customerRun.first?.time, let time = turn.time {
          response = time.seconds(since: waitingSince)
        }
        if firstResponse == nil, let start = firstCustomerTime, let time = turn.time, !customerRun.isEmpty {
          firstResponse = time.seconds(since: start)
        }
        runIsAnswered = true
        let context = EvaluationContext(
          customerMessage: customerMessage, customerName: conversation.customerName,
          companyAtFault: conversation.companyAtFault.map { $0 && !apologised }, isFinalReply: position == lastAgent, language: turn.language)
        let evaluation = evaluate(turn.text, context, turn.id ?? conversation.id)
        apologised = apologised || evaluation.categories[ConversationScorer.apologyIndex].detected
        turns.append(TurnEvaluation(turn: turn.index, evaluation: evaluation, responseSeconds: response))
      }
    }
    return ConversationScorer.combine(
      id: conversation.id, agent: conversation.agent, turns: turns, firstResponseSeconds: firstResponse,
      fallbackLanguage: turns.isEmpty ? Language.detect(conversation.turns.first?.text ?? "") ?? .en : .en)
  }

  /// The conversation's verdict from its turns' verdicts (definitions on ``ConversationEvaluation``).
  public static func combine(
    id: String?, agent: String?, turns: [TurnEvaluation], firstResponseSeconds: Double? = nil, fallbackLanguage: Language = .en
  ) -> ConversationEvaluation {
    var categories: [CategoryResult] = []
    var weighted = 0.0, weights = 0.0
    for (index, category) in Category.allCases.enumerated() {
      var sum = 0, count = 0, detected = false
      var reason: String?
      // Closing is the last agent turn's business: a goodbye in the middle does not count.
      let judging = category == .closing ? turns.suffix(1) : turns[...]
      for turn in judging {
        let result = turn.evaluation.categories[index]
        if let score = result.score {
          sum += score
          count += 1
        } else if reason == nil {
          reason = result.reason
        }
        detected = detected || result.detected
      }
      if count > 0 {
        let score = Int((Double(sum) / Double(count)).rounded())
        categories.append(CategoryResult(score: score, detected: detected))
        weighted += Double(score) * category.weight
        weights += category.weight
      } else {
        categories.append(CategoryResult(score: nil, detected: detected, reason: turns.isEmpty ? "the conversation has no agent reply" : reason))
      }
    }
    var overall = weights > 0 ? Int((weighted / weights).rounded()) : 0
    if turns.contains(where: { hasCriticalIssue($0.evaluation) }) { overall = min(overall, 40) }
    return ConversationEvaluation(
      id: id, agent: agent, language: majorityLanguage(turns) ?? fallbackLanguage, overall: overall,
      speechLevel: combineSpeechLevels(turns.map(\.evaluation.speechLevel)), categories: categories, turns: turns,
      firstResponseSeconds: firstResponseSeconds)
  }

  static func majorityLanguage(_ turns: [TurnEvaluation]) -> Language? {
    guard let first = turns.first?.evaluation.language else { return nil }
    var ko = 0, en = 0
    for turn in turns {
      if turn.evaluation.language == .ko { ko += 1 } else { en += 1 }
    }
    if ko == en { return first }
    return ko > en ? .ko : .en
  }

  /// Combines reply speech levels into a conversation's (see ``ConversationEvaluation``).
  public static func combineSpeechLevels(_ levels: [SpeechLevel?]) -> SpeechLevel? {
    var formal = false, polite = false, informal = false
    for level in levels {
      switch level {
      case .mixed?: return .mixed
      case .informal?: informal = true
      case .polite?: polite = true
      case .formal?: formal = true
      case nil: break
      }
    }
    if informal { return polite || formal ? .mixed : .informal }
    if polite { return .polite }
    return formal ? .formal : nil
  }
}

func isBlank(_ text: String) -> Bool {
  text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
}

/// Whether an evaluation has a critical issue (without building the filtered list).
func hasCriticalIssue(_ e: Evaluation) -> Bool {
  e.findings.contains { $0.kind == .issue && $0.severity == .critical }
}

/// How many critical issues an evaluation has.
func criticalIssueCount(_ e: Evaluation) -> Int {
  var count = 0
  for f in e.findings where f.kind == .issue && f.severity == .critical { count += 1 }
  return count
}
