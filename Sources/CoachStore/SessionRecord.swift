import Foundation

/// One stored practice session, without its turns.
public struct SessionRecord: Sendable, Equatable {
  /// The store's id for the session.
  public var id: Int64
  /// The trainee's name.
  public var trainee: String
  /// The scenario's id, e.g. `late-delivery-angry`.
  public var scenarioID: String
  /// A hash of the scenario file's content, so a changed scenario can be told apart.
  public var scenarioHash: String
  /// The scenario's display title (may be Korean).
  public var scenarioTitle: String
  /// The scenario's language, e.g. `ko` or `en`.
  public var language: String
  /// The seed that chose the customer's line variants, for replaying the session.
  public var seed: UInt64
  /// When the session started.
  public var startedAt: Date
  /// When the session was completed or abandoned; `nil` while active.
  public var endedAt: Date?
  /// Where the session stands.
  public var status: SessionStatus
  /// The ending's node id, for a completed session.
  public var endingID: String?
  /// The ending's kind, e.g. `resolved`, `escalated`, `left`.
  public var endingKind: String?
  /// The session's overall score (0–100), for a completed session.
  public var overall: Int?
  /// How many turns were saved.
  public var turnCount: Int

  /// Creates a session record.
  public init(
    id: Int64, trainee: String, scenarioID: String, scenarioHash: String, scenarioTitle: String,
    language: String, seed: UInt64, startedAt: Date, endedAt: Date? = nil, status: SessionStatus,
    endingID: String? = nil, endingKind: String? = nil, overall: Int? = nil, turnCount: Int = 0
  ) {
    self.id = id
    self.trainee = trainee
    self.scenarioID = scenarioID
    self.scenarioHash = scenarioHash
    self.scenarioTitle = scenarioTitle
    self.language = language
    self.seed = seed
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.status = status
    self.endingID = endingID
    self.endingKind = endingKind
    self.overall = overall
    self.turnCount = turnCount
  }
}
