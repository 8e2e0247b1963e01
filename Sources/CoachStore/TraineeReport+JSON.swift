extension TraineeReport {
  /// The report as JSON, keys in a fixed reading order, missing values as `null`.
  ///
  /// Times are ISO-8601 UTC; a session's `status` is its report label (`interrupted` for a
  /// session never finished); its `seed` is a decimal string (a 64-bit seed does not fit
  /// JavaScript's numbers); categories are objects keyed by name in the fixed category order.
  public func renderJSON() -> String {
    let json: JSONValue = .object([
      ("report", .string("trainee")),
      ("trainee", .string(trainee)),
      ("weakest_category", .string(weakestCategory)),
      ("recommended_scenario", .string(recommendedScenario)),
      ("overall", .object([("average", .number(overallAverage)), ("trend", .number(overallTrend))])),
      ("categories", .object(categories.map { category in
        (category.name, .object([
          ("average", .number(category.average)),
          ("scored_turns", .integer(category.scoredTurns)),
          ("trend", .number(category.trend)),
        ]))
      })),
      ("personal_bests", .array(personalBests.map { best in
        .object([
          ("scenario_id", .string(best.scenarioID)),
          ("scenario_title", .string(best.scenarioTitle)),
          ("best", .integer(best.best)),
          ("achieved_at", .string(ReportFormatting.timestamp(best.achievedAt))),
          ("completed_sessions", .integer(best.completedSessions)),
        ])
      })),
      ("sessions", .array(sessions.map { line in
        let session = line.session
        return .object([
          ("id", .integer(session.id)),
          ("started_at", .string(ReportFormatting.timestamp(session.startedAt))),
          ("ended_at", .string(ReportFormatting.timestamp(session.endedAt))),
          ("scenario_id", .string(session.scenarioID)),
          ("scenario_title", .string(session.scenarioTitle)),
          ("scenario_hash", .string(session.scenarioHash)),
          ("language", .string(session.language)),
          ("seed", .string(String(session.seed))),
          ("status", .string(session.status.reportLabel)),
          ("ending_id", .string(session.endingID)),
          ("ending_kind", .string(session.endingKind)),
          ("overall", .integer(session.overall)),
          ("turns", .integer(session.turnCount)),
          ("categories", .object(line.categories.map { ($0.name, .number($0.average)) })),
        ])
      })),
    ])
    return json.serialized() + "\n"
  }
}
