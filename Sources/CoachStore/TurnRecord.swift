import Foundation

/// One turn of a session: the customer's line, the trainee's reply, and how it was scored.
public struct TurnRecord: Sendable, Equatable {
  /// The turn's position in the session, from 0 or 1 as the caller counts; unique per session.
  public var index: Int
  /// The scenario node whose customer line was answered.
  public var nodeID: String
  /// What the customer said.
  public var customerLine: String
  /// What the trainee replied.
  public var reply: String
  /// The reply's overall score, 0–100.
  public var overall: Int
  /// The reply's Korean speech level (`formal`, `polite`, `informal`, `mixed`); `nil` for English.
  public var speechLevel: String?
  /// The score of each category, at most once per category.
  public var categories: [CategoryScore]
  /// The evaluator's findings, in the evaluator's order.
  public var findings: [FindingRecord]
  /// When the reply was scored.
  public var recordedAt: Date

  /// Creates a turn record.
  public init(
    index: Int, nodeID: String, customerLine: String, reply: String, overall: Int,
    speechLevel: String?, categories: [CategoryScore], findings: [FindingRecord], recordedAt: Date
  ) {
    self.index = index
    self.nodeID = nodeID
    self.customerLine = customerLine
    self.reply = reply
    self.overall = overall
    self.speechLevel = speechLevel
    self.categories = categories
    self.findings = findings
    self.recordedAt = recordedAt
  }
}
