import CSQLite
import Foundation

extension ProgressStore {
  /// Every trainee, by name.
  public func trainees() throws -> [TraineeRecord] {
    try withDatabase("read trainees from") { database in
      try database.rows("SELECT name, created_at FROM trainee ORDER BY name") {
        TraineeRecord(name: try $0.requiredString(0), createdAt: try StoreTime.date(try $0.requiredString(1)))
      }
    }
  }

  /// A trainee's sessions, oldest first; empty for an unknown trainee.
  public func sessions(trainee: String) throws -> [SessionRecord] {
    let name = try traineeName(trainee, action: "read sessions from")
    return try withDatabase("read sessions from") { database in
      try Self.sessions(where: "tr.name = ?", [name], in: database)
    }
  }

  /// One session, or `nil` when there is none with this id.
  public func session(id: Int64) throws -> SessionRecord? {
    try withDatabase("read session \(id) from") { database in
      try Self.sessions(where: "s.id = ?", [id], in: database).first
    }
  }

  /// A session's turns in index order, with their category scores (in category order) and
  /// findings (in the order they were saved).
  public func turns(sessionID: Int64) throws -> [TurnRecord] {
    try withDatabase("read the turns of session \(sessionID) from") { database in
      try database.transaction {
        var scores: [Int64: [CategoryScore]] = [:]
        try database.forEachRow(
          """
          SELECT ts.turn_id, ts.category, ts.score, ts.detected
          FROM turn_score ts JOIN turn t ON t.id = ts.turn_id JOIN category c ON c.name = ts.category
          WHERE t.session_id = ? ORDER BY ts.turn_id, c.position
          """, [sessionID]
        ) { row in
          let score = CategoryScore(name: try row.requiredString(1), score: row.int(2), detected: row.int64(3) == 1)
          scores[try row.requiredInt64(0), default: []].append(score)
        }
        var findings: [Int64: [FindingRecord]] = [:]
        try database.forEachRow(
          """
          SELECT f.turn_id, f.rule, f.category, f.kind, f.severity, f.start_offset, f.end_offset, f.excerpt, f.message
          FROM finding f JOIN turn t ON t.id = f.turn_id
          WHERE t.session_id = ? ORDER BY f.turn_id, f.position
          """, [sessionID]
        ) { row in
          let finding = FindingRecord(
            rule: try row.requiredString(1), category: try row.requiredString(2), kind: try row.requiredString(3),
            severity: try row.requiredString(4), start: Int(try row.requiredInt64(5)), end: Int(try row.requiredInt64(6)),
            excerpt: try row.requiredString(7), message: try row.requiredString(8))
          findings[try row.requiredInt64(0), default: []].append(finding)
        }
        return try database.rows(
          """
          SELECT id, turn_index, node_id, customer_line, reply, overall, speech_level, created_at
          FROM turn WHERE session_id = ? ORDER BY turn_index
          """, [sessionID]
        ) { row in
          let id = try row.requiredInt64(0)
          return TurnRecord(
            index: Int(try row.requiredInt64(1)), nodeID: try row.requiredString(2),
            customerLine: try row.requiredString(3), reply: try row.requiredString(4),
            overall: Int(try row.requiredInt64(5)), speechLevel: row.string(6),
            categories: scores[id] ?? [], findings: findings[id] ?? [],
            recordedAt: try StoreTime.date(try row.requiredString(7)))
        }
      }
    }
  }

  /// The trainee's best overall score on a scenario, over completed sessions.
  ///
  /// - Parameter excluding: a session to leave out, typically the one just finished, so a
  ///   debrief can compare against the best *before* it.
  /// - Returns: `nil` when the trainee never completed the scenario.
  public func personalBest(trainee: String, scenarioID: String, excluding: Int64? = nil) throws -> Int? {
    let name = try traineeName(trainee, action: "read the personal best from")
    return try withDatabase("read the personal best from") { database in
      try database.firstRow(
        """
        SELECT MAX(s.overall) FROM session s JOIN trainee tr ON tr.id = s.trainee_id
        WHERE tr.name = ? AND s.scenario_id = ? AND s.status = 'completed' AND s.id IS NOT ?
        """, [name, scenarioID, excluding]
      ) { $0.int(0) } ?? nil
    }
  }

  /// The overall score of the trainee's most recently started completed session of a scenario.
  ///
  /// - Parameter excluding: a session to leave out, typically the one just finished, so a
  ///   debrief can show the change since last time.
  /// - Returns: `nil` when there is no such session.
  public func lastOverall(trainee: String, scenarioID: String, excluding: Int64? = nil) throws -> Int? {
    let name = try traineeName(trainee, action: "read the last score from")
    return try withDatabase("read the last score from") { database in
      try database.firstRow(
        """
        SELECT s.overall FROM session s JOIN trainee tr ON tr.id = s.trainee_id
        WHERE tr.name = ? AND s.scenario_id = ? AND s.status = 'completed' AND s.id IS NOT ?
        ORDER BY s.started_at DESC, s.id DESC LIMIT 1
        """, [name, scenarioID, excluding]
      ) { $0.int(0) } ?? nil
    }
  }

  /// Sessions matching `condition` (over `s` = session, `tr` = trainee), oldest first.
  ///
  /// - Parameter condition: a constant SQL fragment of the caller's; values go in `arguments`.
  static func sessions(where condition: String, _ arguments: [any SQLiteBindable], in database: Database) throws -> [SessionRecord] {
    try database.rows(
      """
      SELECT s.id, tr.name, s.scenario_id, s.scenario_hash, s.scenario_title, s.language, s.seed,
             s.started_at, s.ended_at, s.status, s.ending_id, s.ending_kind, s.overall,
             (SELECT count(*) FROM turn t WHERE t.session_id = s.id)
      FROM session s JOIN trainee tr ON tr.id = s.trainee_id
      WHERE \(condition)
      ORDER BY s.started_at, s.id
      """, arguments
    ) { row in
      let seedText = try row.requiredString(6)
      let statusText = try row.requiredString(9)
      guard let seed = UInt64(seedText), let status = SessionStatus(rawValue: statusText) else {
        throw SQLiteError(
          extendedCode: SQLITE_MISMATCH, message: "session \(try row.requiredInt64(0)) has a damaged seed or status")
      }
      return SessionRecord(
        id: try row.requiredInt64(0), trainee: try row.requiredString(1), scenarioID: try row.requiredString(2),
        scenarioHash: try row.requiredString(3), scenarioTitle: try row.requiredString(4),
        language: try row.requiredString(5), seed: seed, startedAt: try StoreTime.date(try row.requiredString(7)),
        endedAt: try row.string(8).map(StoreTime.date), status: status, endingID: row.string(10),
        endingKind: row.string(11), overall: row.int(12), turnCount: Int(try row.requiredInt64(13)))
    }
  }
}
