import CoachGuidelines
import CoachText

/// Everything the Markdown and HTML reports show, aggregated record by record in input order.
///
/// Memory stays bounded however large the input: counts and sums, fixed-size histograms, a few
/// examples per rule, the `worstLimit` lowest-scoring records, the first `errorLimit` error
/// entries, and per-agent rows for at most `agentLimit` agents (the rest are pooled).
public struct BatchSummary: Sendable {
  /// Per-agent (or pooled) figures.
  public struct AgentStats: Sendable, Hashable {
    public var name: String
    public var records = 0
    public var replies = 0
    public var overallSum = 0
    public var categorySums = [Int](repeating: 0, count: Category.allCases.count)
    public var categoryCounts = [Int](repeating: 0, count: Category.allCases.count)
    public var criticalFindings = 0
    public var firstResponseSum = 0.0
    public var firstResponseCount = 0
    public var responseSum = 0.0
    public var responseCount = 0

    public var meanOverall: Double? { records > 0 ? Double(overallSum) / Double(records) : nil }
    public var meanFirstResponse: Double? { firstResponseCount > 0 ? firstResponseSum / Double(firstResponseCount) : nil }
    public var meanResponse: Double? { responseCount > 0 ? responseSum / Double(responseCount) : nil }
    public func mean(_ category: Category) -> Double? {
      categoryCounts[category.index] > 0 ? Double(categorySums[category.index]) / Double(categoryCounts[category.index]) : nil
    }
    /// The category with the lowest mean, if any was judged.
    public var weakestCategory: Category? {
      Category.allCases.compactMap { c in mean(c).map { (c, $0) } }.min { $0.1 < $1.1 }?.0
    }
  }

  /// How often an issue rule fired, with a few example excerpts.
  public struct RuleStats: Sendable, Hashable {
    public var rule: String
    public var category: Category
    public var severity: Severity
    public var message: String
    /// Findings of this rule.
    public var findings = 0
    /// Records with at least one finding of this rule.
    public var records = 0
    /// Up to three distinct excerpts, each with the record id it came from.
    public var examples: [Example] = []
  }

  public struct Example: Sendable, Hashable {
    public var excerpt: String
    public var recordID: String
  }

  /// One of the lowest-scoring records.
  public struct WorstRecord: Sendable, Hashable {
    public var id: String
    public var agent: String?
    public var overall: Int
    public var source: RecordSource
    public var language: Language
    /// Its most serious issues: rule id and message.
    public var issues: [String]
  }

  public static let agentLimit = 2_000
  public static let worstLimit = 10
  public static let errorLimit = 100
  public static let exampleLimit = 3
  /// Agent rows the Markdown and HTML reports show (lowest mean first); CSV has every reply.
  public static let reportedAgents = 25
  public static let noAgent = "(no agent)"
  public static let otherAgents = "(other agents)"

  /// Input names, in order.
  public var inputs: [String] = []
  /// Records scored (replies and conversations with something to judge).
  public var records = 0
  /// Replies scored (a reply record, or each agent turn).
  public var replies = 0
  public var conversations = 0
  /// Records with nothing to judge (empty reply, conversation without agent text).
  public var unscored = 0
  public var errors = 0
  public var errorSamples: [RecordError] = []
  public var overallSum = 0
  /// Scored records by overall: `[0–9, 10–19, …, 90–100]`.
  public var histogram = [Int](repeating: 0, count: 10)
  public var categorySums = [Int](repeating: 0, count: Category.allCases.count)
  public var categoryCounts = [Int](repeating: 0, count: Category.allCases.count)
  public var detectedCounts = [Int](repeating: 0, count: Category.allCases.count)
  public var languages: [Language: Int] = [:]
  public var speechLevels: [String: Int] = [:]
  public var criticalFindings = 0
  public var agents: [String: AgentStats] = [:]
  public var rules: [String: RuleStats] = [:]
  public var worst: [WorstRecord] = []
  public var firstResponseSum = 0.0
  public var firstResponseCount = 0
  public var responseSum = 0.0
  public var responseCount = 0
  /// First-response times by bucket (see `responseBuckets`).
  public var firstResponseHistogram = [Int](repeating: 0, count: BatchSummary.responseBuckets.count)

  /// Upper bounds (seconds, exclusive) and labels of the first-response buckets.
  public static let responseBuckets: [(limit: Double, label: String)] = [
    (60, "< 1 min"), (300, "1–5 min"), (900, "5–15 min"), (3600, "15–60 min"), (14_400, "1–4 h"), (.infinity, "≥ 4 h"),
  ]

  public init(inputs: [String] = []) {
    self.inputs = inputs
  }

  public var meanOverall: Double? { records > 0 ? Double(overallSum) / Double(records) : nil }
  public var meanFirstResponse: Double? { firstResponseCount > 0 ? firstResponseSum / Double(firstResponseCount) : nil }
  public var meanResponse: Double? { responseCount > 0 ? responseSum / Double(responseCount) : nil }
  public var hasResponseTimes: Bool { firstResponseCount > 0 || responseCount > 0 }

  public func mean(_ category: Category) -> Double? {
    categoryCounts[category.index] > 0 ? Double(categorySums[category.index]) / Double(categoryCounts[category.index]) : nil
  }

  /// Agents sorted by mean overall (lowest first), then name; agents with nothing scored last.
  public var agentsByScore: [AgentStats] {
    agents.values.sorted { a, b in
      let x = a.meanOverall ?? .infinity, y = b.meanOverall ?? .infinity
      return x != y ? x < y : a.name < b.name
    }
  }

  /// Issue rules by number of findings (most first), then rule id.
  public var rulesByFrequency: [RuleStats] {
    rules.values.sorted { $0.findings != $1.findings ? $0.findings > $1.findings : $0.rule < $1.rule }
  }

  // MARK: - Aggregation

  mutating func add(error: RecordError) {
    errors += 1
    if errorSamples.count < BatchSummary.errorLimit { errorSamples.append(error) }
  }

  mutating func add(_ d: RecordDigest) {
    if d.isConversation { conversations += 1 }
    var agentName = d.agent ?? ""
    if agentName.first == " " || agentName.last == " " || agentName.first == "\t" || agentName.last == "\t" {
      agentName = String(agentName.trimmedSpaces())
    }
    if agentName.isEmpty { agentName = BatchSummary.noAgent }
    if agents[agentName] == nil && agents.count >= BatchSummary.agentLimit { agentName = BatchSummary.otherAgents }
    var agent = agents[agentName] ?? AgentStats(name: agentName)
    defer { agents[agentName] = agent }

    // Response times count for every conversation with timestamps, scored or not.
    if let first = d.firstResponse {
      firstResponseSum += first
      firstResponseCount += 1
      let bucket = BatchSummary.responseBuckets.firstIndex { first < $0.limit } ?? BatchSummary.responseBuckets.count - 1
      firstResponseHistogram[bucket] += 1
      agent.firstResponseSum += first
      agent.firstResponseCount += 1
    }
    responseSum += d.responseSum
    responseCount += d.responseCount
    agent.responseSum += d.responseSum
    agent.responseCount += d.responseCount

    guard d.scored else {
      unscored += 1
      return
    }
    records += 1
    replies += d.replies
    overallSum += d.overall
    histogram[min(9, max(0, d.overall / 10))] += 1
    for i in 0..<Category.allCases.count {
      if let score = d.categories[i] {
        categorySums[i] += score
        categoryCounts[i] += 1
        agent.categorySums[i] += score
        agent.categoryCounts[i] += 1
      }
      if d.detected[i] { detectedCounts[i] += 1 }
    }
    languages[d.language, default: 0] += 1
    speechLevels[d.speechLevel?.rawValue ?? "none", default: 0] += 1
    criticalFindings += d.criticalFindings
    agent.records += 1
    agent.replies += d.replies
    agent.overallSum += d.overall
    agent.criticalFindings += d.criticalFindings

    let recordID = d.id ?? d.source.description
    for (index, issue) in d.issues.enumerated() {
      var stats = rules[issue.rule] ?? RuleStats(rule: issue.rule, category: issue.category, severity: issue.severity, message: issue.message)
      stats.findings += d.issueCounts[index]
      stats.records += 1
      if stats.examples.count < BatchSummary.exampleLimit, !issue.excerpt.isEmpty,
        !stats.examples.contains(where: { $0.excerpt == issue.excerpt })
      {
        stats.examples.append(Example(excerpt: issue.excerpt, recordID: recordID))
      }
      rules[issue.rule] = stats
    }

    if worst.count < BatchSummary.worstLimit || d.overall < worst[worst.count - 1].overall {
      let entry = WorstRecord(
        id: recordID, agent: d.agent, overall: d.overall, source: d.source, language: d.language,
        issues: d.topIssues(2).map { "\($0.rule): \($0.message)" })
      // Stable: an equal score goes after the earlier records.
      let position = worst.firstIndex { d.overall < $0.overall } ?? worst.count
      worst.insert(entry, at: position)
      if worst.count > BatchSummary.worstLimit { worst.removeLast() }
    }
  }
}
