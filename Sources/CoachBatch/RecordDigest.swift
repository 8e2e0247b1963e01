import CoachGuidelines
import CoachText

/// What the reports need from one scored record, extracted on the worker thread so that the
/// in-order aggregation stays cheap and nothing else of the record is kept.
struct RecordDigest: Sendable {
  struct Issue: Sendable {
    var rule: String
    var category: Category
    var severity: Severity
    var message: String
    var excerpt: String
  }

  var id: String?
  var agent: String?
  var source: RecordSource
  var isConversation: Bool
  var scored: Bool
  var overall: Int
  var language: Language
  var speechLevel: SpeechLevel?
  var categories: [Int?]
  var detected: [Bool]
  /// Scored replies (1 for a reply record; scored agent turns for a conversation).
  var replies: Int
  var criticalFindings: Int
  /// Issue findings, one per (rule) for this record, the first occurrence's excerpt.
  var issues: [Issue]
  var issueCounts: [Int]
  var firstResponse: Double?
  var responseSum: Double
  var responseCount: Int

  static let excerptLimit = 120

  init(reply e: Evaluation, record: ReplyRecord, source: RecordSource) {
    id = record.id
    agent = record.agent
    self.source = source
    isConversation = false
    scored = e.categories.contains { $0.score != nil }
    overall = e.overall
    language = e.language
    speechLevel = e.speechLevel
    categories = e.categories.map(\.score)
    detected = e.categories.map(\.detected)
    replies = scored ? 1 : 0
    criticalFindings = criticalIssueCount(e)
    issues = []
    issueCounts = []
    firstResponse = nil
    responseSum = 0
    responseCount = 0
    collect(e.findings)
  }

  init(conversation c: ConversationEvaluation, source: RecordSource) {
    id = c.id
    agent = c.agent
    self.source = source
    isConversation = true
    scored = c.isScored
    overall = c.overall
    language = c.language
    speechLevel = c.speechLevel
    categories = c.categories.map(\.score)
    detected = c.categories.map(\.detected)
    replies = c.turns.filter { $0.evaluation.categories.contains { $0.score != nil } }.count
    criticalFindings = c.turns.reduce(0) { $0 + criticalIssueCount($1.evaluation) }
    issues = []
    issueCounts = []
    firstResponse = c.firstResponseSeconds
    let times = c.turns.compactMap(\.responseSeconds)
    responseSum = times.reduce(0, +)
    responseCount = times.count
    for turn in c.turns { collect(turn.evaluation.findings) }
  }

  private mutating func collect(_ findings: [Finding]) {
    for f in findings where f.kind == .issue {
      if let index = issues.firstIndex(where: { $0.rule == f.rule }) {
        issueCounts[index] += 1
        continue
      }
      var excerpt = f.excerpt
      if excerpt.utf8.count > RecordDigest.excerptLimit && excerpt.unicodeScalars.count > RecordDigest.excerptLimit {
        excerpt = String(String.UnicodeScalarView(excerpt.unicodeScalars.prefix(RecordDigest.excerptLimit))) + "…"
      }
      issues.append(Issue(rule: f.rule, category: f.category, severity: f.severity, message: f.message, excerpt: excerpt))
      issueCounts.append(1)
    }
  }

  /// The record's most serious issues (critical first, then by count), rule ids.
  func topIssues(_ limit: Int) -> [Issue] {
    let order = issues.indices.sorted { a, b in
      (issues[a].severity, -issueCounts[a], a) < (issues[b].severity, -issueCounts[b], b)
    }
    return order.prefix(limit).map { issues[$0] }
  }
}
