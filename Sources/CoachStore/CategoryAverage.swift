/// A category's mean score over some set of turns; `nil` when none of them judged it.
public struct CategoryAverage: Sendable, Equatable {
  /// The category name.
  public var name: String
  /// The mean score 0–100, or `nil` when the category was never judged.
  public var average: Double?

  /// Creates a category average.
  public init(name: String, average: Double?) {
    self.name = name
    self.average = average
  }
}
