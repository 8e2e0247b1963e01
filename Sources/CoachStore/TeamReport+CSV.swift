extension TeamReport {
  /// The team table as CSV, one row per trainee.
  ///
  /// - Parameter byteOrderMark: start with a UTF-8 BOM, so Excel shows Hangul correctly.
  public func renderCSV(byteOrderMark: Bool = false) -> String {
    var csv = CSVWriter()
    csv.appendHeader(["trainee", "sessions", "completed", "average_overall", "last_active"] + categoryNames)
    for row in rows {
      let fixed: [CSVWriter.Cell] = [
        .text(row.trainee), .integer(row.sessionCount), .integer(row.completedCount), .number(row.averageOverall),
        .text(ReportFormatting.timestamp(row.lastActive)),
      ]
      csv.append(fixed + row.categories.map { .number($0.average) })
    }
    return csv.text(byteOrderMark: byteOrderMark)
  }
}
