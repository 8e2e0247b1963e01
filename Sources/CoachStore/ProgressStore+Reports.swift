import Foundation

extension ProgressStore {
  /// One trainee's report: sessions, category averages and trends, personal bests, weakest
  /// category. An unknown trainee gets an empty report.
  ///
  /// All numbers come from one read transaction, so a coach saving a turn meanwhile cannot
  /// make them disagree. See `TraineeReport` for how each number is made.
  public func traineeReport(trainee: String) throws -> TraineeReport {
    let name = try traineeName(trainee, action: "make a report from")
    let categoryNames = categoryNames
    return try withDatabase("make a report from") { database in
      try database.transaction {
        let sessions = try Self.sessions(where: "tr.name = ?", [name], in: database)
        var sessionMeans: [Int64: [String: Double]] = [:]
        try database.forEachRow(
          """
          SELECT t.session_id, ts.category, AVG(ts.score)
          FROM turn_score ts JOIN turn t ON t.id = ts.turn_id JOIN session s ON s.id = t.session_id
            JOIN trainee tr ON tr.id = s.trainee_id
          WHERE tr.name = ? AND ts.score IS NOT NULL
          GROUP BY t.session_id, ts.category
          """, [name]
        ) { row in
          if let mean = row.double(2) { sessionMeans[try row.requiredInt64(0), default: [:]][try row.requiredString(1)] = mean }
        }
        let categories = try database.rows(
          """
          SELECT c.name, x.average, COALESCE(x.scored, 0)
          FROM category c LEFT JOIN (
            SELECT ts.category AS category, AVG(ts.score) AS average, COUNT(ts.score) AS scored
            FROM turn_score ts JOIN turn t ON t.id = ts.turn_id JOIN session s ON s.id = t.session_id
              JOIN trainee tr ON tr.id = s.trainee_id
            WHERE tr.name = ?
            GROUP BY ts.category
          ) x ON x.category = c.name
          ORDER BY c.position
          """, [name]
        ) { row in
          let category = try row.requiredString(0)
          return TraineeReport.CategoryStatistic(
            name: category, average: row.double(1), scoredTurns: Int(try row.requiredInt64(2)),
            trend: TraineeReport.trend(of: sessions.compactMap { sessionMeans[$0.id]?[category] }))
        }
        let lines = sessions.map { session in
          TraineeReport.SessionLine(
            session: session,
            categories: categoryNames.map { CategoryAverage(name: $0, average: sessionMeans[session.id]?[$0]) })
        }
        let completedScores = sessions.filter { $0.status == .completed }.compactMap(\.overall).map(Double.init)
        return TraineeReport(
          trainee: name, sessions: lines, categories: categories,
          overallAverage: completedScores.isEmpty ? nil : completedScores.reduce(0, +) / Double(completedScores.count),
          overallTrend: TraineeReport.trend(of: completedScores),
          personalBests: Self.personalBests(in: sessions))
      }
    }
  }

  /// The trainer's table: one row per trainee, by name.
  public func teamReport() throws -> TeamReport {
    let categoryNames = categoryNames
    return try withDatabase("make the team report from") { database in
      try database.transaction {
        var averages: [String: [String: Double]] = [:]
        try database.forEachRow(
          """
          SELECT tr.name, ts.category, AVG(ts.score)
          FROM turn_score ts JOIN turn t ON t.id = ts.turn_id JOIN session s ON s.id = t.session_id
            JOIN trainee tr ON tr.id = s.trainee_id
          WHERE ts.score IS NOT NULL
          GROUP BY tr.id, ts.category
          """
        ) { row in
          if let mean = row.double(2) { averages[try row.requiredString(0), default: [:]][try row.requiredString(1)] = mean }
        }
        let rows = try database.rows(
          """
          SELECT tr.name, COUNT(s.id), COALESCE(SUM(s.status = 'completed'), 0),
                 AVG(CASE WHEN s.status = 'completed' THEN s.overall END),
                 MAX(MAX(s.started_at, COALESCE(s.ended_at, s.started_at), COALESCE(latest.turn_at, s.started_at)))
          FROM trainee tr
            LEFT JOIN session s ON s.trainee_id = tr.id
            LEFT JOIN (SELECT session_id, MAX(created_at) AS turn_at FROM turn GROUP BY session_id) latest
              ON latest.session_id = s.id
          GROUP BY tr.id
          ORDER BY tr.name
          """
        ) { row in
          let trainee = try row.requiredString(0)
          return TeamReport.Row(
            trainee: trainee, sessionCount: Int(try row.requiredInt64(1)), completedCount: Int(try row.requiredInt64(2)),
            averageOverall: row.double(3),
            categories: categoryNames.map { CategoryAverage(name: $0, average: averages[trainee]?[$0]) },
            lastActive: try row.string(4).map(StoreTime.date))
        }
        return TeamReport(categoryNames: categoryNames, rows: rows)
      }
    }
  }

  /// The best completed score per scenario; on a tie the earlier session counts.
  private static func personalBests(in sessions: [SessionRecord]) -> [TraineeReport.PersonalBest] {
    var bests: [String: TraineeReport.PersonalBest] = [:]
    for session in sessions where session.status == .completed {
      guard let overall = session.overall else { continue }
      if var best = bests[session.scenarioID] {
        best.completedSessions += 1
        if overall > best.best {
          best.best = overall
          best.scenarioTitle = session.scenarioTitle
          best.achievedAt = session.startedAt
        }
        bests[session.scenarioID] = best
      } else {
        bests[session.scenarioID] = TraineeReport.PersonalBest(
          scenarioID: session.scenarioID, scenarioTitle: session.scenarioTitle, best: overall,
          achievedAt: session.startedAt, completedSessions: 1)
      }
    }
    return bests.values.sorted { $0.scenarioID < $1.scenarioID }
  }
}
