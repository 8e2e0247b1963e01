import Foundation

/// The trainer's view: one row per trainee with sessions, averages and last activity.
public struct TeamReport: Sendable, Equatable {
  /// One trainee's numbers.
  public struct Row: Sendable, Equatable {
    /// The trainee's name.
    public var trainee: String
    /// How many sessions the trainee started.
    public var sessionCount: Int
    /// How many of them reached an ending.
    public var completedCount: Int
    /// Mean overall score of completed sessions; `nil` when none was completed.
    public var averageOverall: Double?
    /// Mean score per category over all scored turns, in category order.
    public var categories: [CategoryAverage]
    /// The latest session start, session end or saved turn; `nil` without sessions.
    public var lastActive: Date?

    /// Creates a row.
    public init(
      trainee: String, sessionCount: Int, completedCount: Int, averageOverall: Double?,
      categories: [CategoryAverage], lastActive: Date?
    ) {
      self.trainee = trainee
      self.sessionCount = sessionCount
      self.completedCount = completedCount
      self.averageOverall = averageOverall
      self.categories = categories
      self.lastActive = lastActive
    }
  }

  /// The category names, in the fixed order the rows' categories follow.
  public var categoryNames: [String]
  /// One row per trainee, by name.
  public var rows: [Row]

  /// Creates a team report.
  public init(categoryNames: [String], rows: [Row]) {
    self.categoryNames = categoryNames
    self.rows = rows
  }
}
