import CoachGuidelines
import CoachScenarios
import CoachStore
import Foundation
import Synchronization

/// Saves a practice session as it goes: the session when it starts, each turn when it is scored,
/// the ending when it is reached — each one transaction in the progress store.
///
/// `/retry` answers a customer line again: the new attempt *replaces* the saved turn (same index,
/// one transaction), so the store keeps only the reply the trainee finally sent and a crash at any
/// moment leaves one attempt, never both.
///
/// Shared with the interrupt handler (a Dispatch signal source on another thread): every store
/// call happens under one lock, so Ctrl-C marks the session abandoned either before a turn is
/// saved or after it, never in the middle, and nothing is saved after the session was abandoned.
final class SessionRecorder: Sendable {
  struct Progress: Sendable {
    var sessionID: Int64?
    /// Turns saved so far (retries replace, so this is the number of replies kept).
    var savedTurns = 0
    /// Completed or abandoned: no more writes.
    var isClosed = false
  }

  let store: ProgressStore
  private let progress = Mutex(Progress())

  init(store: ProgressStore) {
    self.store = store
  }

  var sessionID: Int64? { progress.withLock { $0.sessionID } }
  var savedTurns: Int { progress.withLock { $0.savedTurns } }

  /// Starts the session in the store.
  func start(trainee: String, scenario: Scenario, seed: UInt64) throws {
    try progress.withLock { progress in
      progress.sessionID = try store.startSession(
        trainee: trainee, scenarioID: scenario.id, scenarioHash: scenario.contentHash, scenarioTitle: scenario.title,
        language: scenario.language.rawValue, seed: seed, startedAt: Date())
    }
  }

  /// Saves a scored turn; `replacing` when it is another attempt at the latest saved turn.
  func record(_ outcome: TurnOutcome, replacing: Bool) throws {
    try progress.withLock { progress in
      guard let sessionID = progress.sessionID, !progress.isClosed else { return }
      let turn = Self.turnRecord(outcome)
      if replacing {
        try store.replaceTurn(sessionID: sessionID, turn: turn)
      } else {
        try store.recordTurn(sessionID: sessionID, turn: turn)
        progress.savedTurns += 1
      }
    }
  }

  /// Marks the session completed with its ending and overall score.
  func finish(ending: Ending, overall: Int) throws {
    try progress.withLock { progress in
      guard let sessionID = progress.sessionID, !progress.isClosed else { return }
      try store.finishSession(
        sessionID: sessionID, endingID: ending.id, endingKind: ending.kind.rawValue, overall: overall, endedAt: Date())
      progress.isClosed = true
    }
  }

  /// Marks the session abandoned if it is still open; its saved turns stay.
  ///
  /// - Returns: the number of saved turns when the session was abandoned now, `nil` when there
  ///   was no open session.
  @discardableResult
  func abandon() throws -> Int? {
    try progress.withLock { progress in
      guard let sessionID = progress.sessionID, !progress.isClosed else { return nil }
      progress.isClosed = true
      try store.abandonSession(sessionID: sessionID, endedAt: Date())
      return progress.savedTurns
    }
  }

  /// The store's record of a turn: the customer line, the reply, every category and finding.
  static func turnRecord(_ outcome: TurnOutcome) -> CoachStore.TurnRecord {
    let evaluation = outcome.evaluation
    return CoachStore.TurnRecord(
      index: outcome.turn, nodeID: outcome.node.id, customerLine: outcome.customerLine, reply: outcome.reply,
      overall: evaluation.overall, speechLevel: evaluation.speechLevel?.rawValue,
      categories: Category.allCases.map {
        CategoryScore(name: $0.name, score: evaluation[$0].score, detected: evaluation[$0].detected)
      },
      findings: evaluation.findings.map {
        FindingRecord(
          rule: $0.rule, category: $0.category.name, kind: $0.kind.rawValue, severity: $0.severity.rawValue,
          start: $0.start, end: $0.end, excerpt: $0.excerpt, message: $0.message)
      },
      recordedAt: Date())
  }
}
