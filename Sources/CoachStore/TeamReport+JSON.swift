extension TeamReport {
  /// The team table as JSON, keys in a fixed reading order, missing values as `null`.
  public func renderJSON() -> String {
    let json: JSONValue = .object([
      ("report", .string("team")),
      ("categories", .array(categoryNames.map { .string($0) })),
      ("trainees", .array(rows.map { row in
        .object([
          ("trainee", .string(row.trainee)),
          ("sessions", .integer(row.sessionCount)),
          ("completed", .integer(row.completedCount)),
          ("average_overall", .number(row.averageOverall)),
          ("last_active", .string(ReportFormatting.timestamp(row.lastActive))),
          ("categories", .object(row.categories.map { ($0.name, .number($0.average)) })),
        ])
      })),
    ])
    return json.serialized() + "\n"
  }
}
