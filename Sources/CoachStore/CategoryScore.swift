/// One category's result for one reply, as the evaluator gave it.
public struct CategoryScore: Sendable, Equatable {
  /// The category: `empathy`, `gratitude`, `apology`, `plain_language`, `ownership`,
  /// `resolution`, `personalization`, `closing` or `tone`.
  public var name: String
  /// The score 0–100, or `nil` when the evaluator could not judge the category.
  public var score: Int?
  /// Whether the category's good behaviour was present in the reply.
  public var detected: Bool

  /// Creates a category score.
  public init(name: String, score: Int?, detected: Bool) {
    self.name = name
    self.score = score
    self.detected = detected
  }
}
