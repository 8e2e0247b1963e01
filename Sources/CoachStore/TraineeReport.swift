import Foundation

/// One trainee's progress: sessions, per-category averages and trends, personal bests, weak spot.
///
/// How the numbers are made:
/// - category averages are over every scored turn of every session, whatever its status
///   (a turn of an abandoned session was still really scored); unjudged (`null`) scores are left out;
/// - the overall average and trend use completed sessions only (only they have an overall score);
/// - a trend is the mean of the last 5 sessions minus the mean of the 5 before, taking for each
///   session its mean score in that category; `nil` until there are 10 such sessions;
/// - the weakest category is the lowest average among judged categories, ties going to the
///   earlier category in the fixed order (empathy, gratitude, apology, …).
public struct TraineeReport: Sendable, Equatable {
  /// One session as the report lists it.
  public struct SessionLine: Sendable, Equatable {
    /// The stored session.
    public var session: SessionRecord
    /// The session's mean score per category, in category order.
    public var categories: [CategoryAverage]

    /// Creates a session line.
    public init(session: SessionRecord, categories: [CategoryAverage]) {
      self.session = session
      self.categories = categories
    }
  }

  /// A category's numbers for the trainee.
  public struct CategoryStatistic: Sendable, Equatable {
    /// The category name.
    public var name: String
    /// Mean score over all scored turns; `nil` when never judged.
    public var average: Double?
    /// How many turns were scored in this category.
    public var scoredTurns: Int
    /// Mean of the last 5 sessions minus mean of the 5 before; `nil` with fewer than 10 sessions.
    public var trend: Double?

    /// Creates a category statistic.
    public init(name: String, average: Double?, scoredTurns: Int, trend: Double?) {
      self.name = name
      self.average = average
      self.scoredTurns = scoredTurns
      self.trend = trend
    }
  }

  /// The best overall score the trainee reached on one scenario.
  public struct PersonalBest: Sendable, Equatable {
    /// The scenario's id.
    public var scenarioID: String
    /// The scenario's title in the best session.
    public var scenarioTitle: String
    /// The best overall score of a completed session.
    public var best: Int
    /// When the session with the best score started (the first, if reached more than once).
    public var achievedAt: Date
    /// How many sessions of this scenario were completed.
    public var completedSessions: Int

    /// Creates a personal best.
    public init(scenarioID: String, scenarioTitle: String, best: Int, achievedAt: Date, completedSessions: Int) {
      self.scenarioID = scenarioID
      self.scenarioTitle = scenarioTitle
      self.best = best
      self.achievedAt = achievedAt
      self.completedSessions = completedSessions
    }
  }

  /// How many sessions each side of a trend compares.
  public static let trendWindow = 5

  /// The trainee's name.
  public var trainee: String
  /// Every session, oldest first.
  public var sessions: [SessionLine]
  /// Every category, in the fixed category order.
  public var categories: [CategoryStatistic]
  /// Mean overall score of completed sessions; `nil` when none was completed.
  public var overallAverage: Double?
  /// Trend of the overall score of completed sessions.
  public var overallTrend: Double?
  /// The best score per scenario, by scenario id.
  public var personalBests: [PersonalBest]
  /// The judged category with the lowest average; `nil` when nothing was judged yet.
  public var weakestCategory: String?
  /// A scenario that trains the weakest category; the caller fills it in (the store does not
  /// know scenarios).
  public var recommendedScenario: String?

  /// Creates a report; `weakestCategory` is derived from `categories`.
  public init(
    trainee: String, sessions: [SessionLine], categories: [CategoryStatistic], overallAverage: Double?,
    overallTrend: Double?, personalBests: [PersonalBest], recommendedScenario: String? = nil
  ) {
    self.trainee = trainee
    self.sessions = sessions
    self.categories = categories
    self.overallAverage = overallAverage
    self.overallTrend = overallTrend
    self.personalBests = personalBests
    self.weakestCategory = Self.weakest(of: categories)
    self.recommendedScenario = recommendedScenario
  }

  /// The mean of the last `trendWindow` values minus the mean of the `trendWindow` before them.
  ///
  /// - Parameter values: one value per session, oldest first.
  /// - Returns: `nil` when there are fewer than twice `trendWindow` values.
  public static func trend(of values: [Double]) -> Double? {
    guard values.count >= 2 * trendWindow else { return nil }
    let recent = values.suffix(trendWindow)
    let before = values.dropLast(trendWindow).suffix(trendWindow)
    return mean(recent) - mean(before)
  }

  private static func mean(_ values: some Collection<Double>) -> Double {
    values.reduce(0, +) / Double(values.count)
  }

  private static func weakest(of categories: [CategoryStatistic]) -> String? {
    var weakest: CategoryStatistic?
    for category in categories {
      guard let average = category.average else { continue }
      // Strictly lower only: on a tie the earlier category in the fixed order stays.
      if average < weakest?.average ?? .infinity { weakest = category }
    }
    return weakest?.name
  }
}
