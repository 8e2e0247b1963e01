extension TraineeReport {
  /// The report as CSV, one row per session (oldest first) with its category means.
  ///
  /// - Parameter byteOrderMark: start with a UTF-8 BOM, so Excel shows Hangul correctly.
  public func renderCSV(byteOrderMark: Bool = false) -> String {
    var csv = CSVWriter()
    let categoryNames = categories.map(\.name)
    csv.appendHeader(
      ["trainee", "session_id", "started_at", "ended_at", "scenario_id", "scenario_title", "language", "status",
       "ending_id", "ending_kind", "overall", "turns"] + categoryNames)
    for line in sessions {
      let session = line.session
      let fixed: [CSVWriter.Cell] = [
        .text(trainee), .integer(Int(session.id)), .text(ReportFormatting.timestamp(session.startedAt)),
        .text(ReportFormatting.timestamp(session.endedAt)), .text(session.scenarioID), .text(session.scenarioTitle),
        .text(session.language), .text(session.status.reportLabel), .text(session.endingID), .text(session.endingKind),
        .integer(session.overall), .integer(session.turnCount),
      ]
      csv.append(fixed + line.categories.map { .number($0.average) })
    }
    return csv.text(byteOrderMark: byteOrderMark)
  }
}
