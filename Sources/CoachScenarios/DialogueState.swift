import CoachGuidelines
import CoachText

/// Where a conversation stands: a value the practice mode and the tests can hold, copy, save
/// (`Codable`) and go back to (`/retry` replays a turn from the state before it).
public struct DialogueState: Sendable, Hashable, Codable {
  public var scenarioID: String
  /// The scenario file's content hash when the conversation started.
  public var scenarioHash: String
  /// The seed the conversation started from (with the replies, it reproduces the conversation).
  public var seed: UInt64
  /// The node whose customer line is waiting for a reply (the last node once finished).
  public var node: String
  /// The line the customer said last (at `node`, or the ending's last words).
  public var customerLine: String
  /// 0 (calm) … 10 (at boiling point).
  public var mood: Int
  /// Replies given so far.
  public var turn: Int
  /// The generator that picks line variants, after every pick so far.
  public var generator: SplitMix64
  /// The ending reached, or `nil` while the conversation goes on.
  public var ending: String?
  /// Whether the ending was reached because the turn limit ran out.
  public var endedByTurnLimit: Bool
  public var history: [TurnRecord]

  public var isFinished: Bool { ending != nil }
}

/// One reply and what it led to.
public struct TurnRecord: Sendable, Hashable, Codable {
  /// 1 for the first reply.
  public var turn: Int
  public var node: String
  public var customerLine: String
  public var reply: String
  public var evaluation: EvaluationSummary
  /// Index of the branch taken within the node.
  public var branchIndex: Int
  /// The branch as written (`if apology detected -> explain mood -2`).
  public var branch: String
  /// Where the branch led (a node or an ending), before the turn limit is applied.
  public var target: String
  public var moodBefore: Int
  public var moodAfter: Int
}

/// What a saved turn keeps of an ``Evaluation``: the scores, the speech level, the rules that fired.
public struct EvaluationSummary: Sendable, Hashable, Codable {
  public struct CategoryScore: Sendable, Hashable, Codable {
    public var category: Category
    public var score: Int?
    public var detected: Bool

    public init(category: Category, score: Int?, detected: Bool) {
      self.category = category
      self.score = score
      self.detected = detected
    }
  }

  public var overall: Int
  public var speechLevel: SpeechLevel?
  /// All nine categories, in contract order.
  public var categories: [CategoryScore]
  /// Rule ids of the findings, sorted, without repeats.
  public var rules: [String]

  public init(_ evaluation: Evaluation) {
    overall = evaluation.overall
    speechLevel = evaluation.speechLevel
    categories = Category.allCases.map {
      CategoryScore(category: $0, score: evaluation[$0].score, detected: evaluation[$0].detected)
    }
    rules = Array(Set(evaluation.findings.map(\.rule))).sorted()
  }

  public subscript(_ category: Category) -> CategoryScore {
    categories.first { $0.category == category } ?? CategoryScore(category: category, score: nil, detected: false)
  }
}
