import CoachGuidelines
import CoachText

/// The verdict on one agent turn of a conversation.
public struct TurnEvaluation: Sendable, Hashable {
  /// The turn's position in the input's turn list.
  public var turn: Int
  public var evaluation: Evaluation
  /// Seconds from the customer's first unanswered message to this turn, when both have times.
  public var responseSeconds: Double?

  public init(turn: Int, evaluation: Evaluation, responseSeconds: Double? = nil) {
    self.turn = turn
    self.evaluation = evaluation
    self.responseSeconds = responseSeconds
  }
}

/// The verdict on a whole conversation: the contract's reply fields, plus its turns.
///
/// Definitions (docs/batch-scoring.md):
/// - a category's score is the mean of the judged turn scores (rounded), and `detected` is true
///   when any turn detected it — except closing, which is the last agent turn's result alone;
///   a category no turn judged is `null`;
/// - `overall` is the mean of the judged conversation categories weighted by `Category.weight`,
///   capped at 40 when any turn has a critical finding;
/// - `speech_level` combines the turns' levels: `mixed` when any turn is mixed or when informal
///   and honorific turns both occur, `informal` when every leveled turn is informal, `polite`
///   when any honorific turn is polite, else `formal`; `null` when no turn has a level;
/// - `language` is the language most agent turns are in (the first agent turn's on a tie).
public struct ConversationEvaluation: Sendable, Hashable {
  public var id: String?
  public var agent: String?
  public var language: Language
  public var overall: Int
  public var speechLevel: SpeechLevel?
  /// In contract order (`Category.allCases`).
  public var categories: [CategoryResult]
  public var turns: [TurnEvaluation]
  /// Seconds from the first customer message to the first agent reply after it.
  public var firstResponseSeconds: Double?

  /// Every turn's findings, in turn order, with the turn they belong to.
  public var findings: [(turn: Int, finding: Finding)] {
    turns.flatMap { turn in turn.evaluation.findings.map { (turn.turn, $0) } }
  }

  /// True when at least one category was judged (false for a conversation without agent text).
  public var isScored: Bool { categories.contains { $0.score != nil } }

  /// Mean of the turns' response times.
  public var meanResponseSeconds: Double? {
    let times = turns.compactMap(\.responseSeconds)
    return times.isEmpty ? nil : times.reduce(0, +) / Double(times.count)
  }

  public static func == (lhs: ConversationEvaluation, rhs: ConversationEvaluation) -> Bool {
    lhs.id == rhs.id && lhs.agent == rhs.agent && lhs.language == rhs.language && lhs.overall == rhs.overall
      && lhs.speechLevel == rhs.speechLevel && lhs.categories == rhs.categories && lhs.turns == rhs.turns
      && lhs.firstResponseSeconds == rhs.firstResponseSeconds
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(overall)
    hasher.combine(turns)
  }
}
