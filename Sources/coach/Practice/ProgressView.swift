import CoachGuidelines
import CoachStore
import CoachTerminal
import Foundation

/// `coach progress` as text: a trainee's report or the team table, aligned by display width
/// (Hangul names and titles count two columns), coloured by score band when styled.
struct ProgressView {
  var styler: Styler
  var width: Int

  init(styler: Styler, columns: Int) {
    self.styler = styler
    self.width = max(60, min(columns, 160))
  }

  /// How many sessions the trainee view lists (the most recent).
  static let recentSessions = 10

  // MARK: - Trainee

  func trainee(_ report: TraineeReport, recommendedTitle: String?) -> String {
    let sessions = report.sessions.map(\.session)
    var out = rule(TerminalText.safe(report.trainee))
    let completed = sessions.filter { $0.status == .completed }.count
    let abandoned = sessions.filter { $0.status == .abandoned }.count
    let interrupted = sessions.filter { $0.status == .active }.count
    var counts = ["\(completed) completed"]
    if abandoned > 0 { counts.append("\(abandoned) abandoned") }
    if interrupted > 0 { counts.append("\(interrupted) interrupted") }
    var summary = "\(sessions.count) session\(sessions.count == 1 ? "" : "s") (" + counts.joined(separator: ", ") + ")"
    if let average = report.overallAverage { summary += " · overall average " + styled(average) }
    summary += " · trend " + trend(report.overallTrend)
    out += wrap(summary, width: width, indent: 2).map { $0 + "\n" }.joined()
    out += "  " + styler(.muted, "trend = mean of the last 5 sessions minus the 5 before (shown from 10 sessions on)") + "\n\n"

    var categories = TextTable(columns: [
      .init("category"), .init("", alignment: .left), .init("average", alignment: .right), .init("trend", alignment: .right),
      .init("turns", alignment: .right),
    ])
    for statistic in report.categories {
      let title = Category(rawValue: statistic.name)?.title ?? statistic.name
      let mean = statistic.average.map { Int($0.rounded()) }
      categories.append([
        statistic.name == report.weakestCategory ? styler(.warning, title) : title,
        scoreBar(mean, width: 12, styler: styler), statistic.average.map(styled) ?? styler(.muted, "n/a"),
        trend(statistic.trend), "\(statistic.scoredTurns)",
      ])
    }
    out += indent(categories.renderLines(styler: styler))

    if let weakest = report.weakestCategory {
      let title = Category(rawValue: weakest)?.title.lowercased() ?? weakest
      let average = report.categories.first { $0.name == weakest }?.average.map { " (average \(Int($0.rounded())))" } ?? ""
      out += "\n  " + styler(.emphasis, "Weakest category: ") + styler(.warning, title) + average + "\n"
      if let id = report.recommendedScenario {
        out += "  Practise it: coach practice --scenario " + id
          + (recommendedTitle.map { styler(.muted, "   " + TerminalText.safe($0)) } ?? "") + "\n"
      }
    }

    if !report.personalBests.isEmpty {
      out += "\n  " + styler(.emphasis, "Personal bests") + "\n"
      var bests = TextTable(columns: [
        .init("scenario"), .init("title", maxWidth: 36), .init("best", alignment: .right),
        .init("completed", alignment: .right), .init("reached (UTC)"),
      ])
      for best in report.personalBests {
        bests.append([
          best.scenarioID, TerminalText.safe(best.scenarioTitle), styled(Double(best.best)), "\(best.completedSessions)",
          String(Self.shortTime(best.achievedAt).prefix(10)),
        ])
      }
      out += indent(bests.renderLines(styler: styler))
    }

    if !sessions.isEmpty {
      let shown = report.sessions.suffix(Self.recentSessions).reversed()
      let heading = report.sessions.count > Self.recentSessions
        ? "Recent sessions (the last \(Self.recentSessions) of \(report.sessions.count))" : "Sessions"
      out += "\n  " + styler(.emphasis, heading) + "\n"
      var table = TextTable(columns: [
        .init("started"), .init("scenario"), .init("status"), .init("ending"), .init("overall", alignment: .right),
        .init("replies", alignment: .right),
      ])
      for line in shown {
        let session = line.session
        let statusRole: StyleRole = session.status == .completed ? .good : .warning
        table.append([
          Self.shortTime(session.startedAt), session.scenarioID, styler(statusRole, session.status.reportLabel),
          session.endingKind ?? "—", session.overall.map { styled(Double($0)) } ?? "—", "\(session.turnCount)",
        ])
      }
      out += indent(table.renderLines(styler: styler))
    }
    return out
  }

  // MARK: - Team

  /// Short column headers for the nine categories, so the team table fits 100 columns.
  static func shortTitle(_ name: String) -> String {
    switch name {
    case "empathy": "emp"
    case "gratitude": "grat"
    case "apology": "apol"
    case "plain_language": "plain"
    case "ownership": "own"
    case "resolution": "resol"
    case "personalization": "pers"
    case "closing": "close"
    case "tone": "tone"
    default: String(name.prefix(5))
    }
  }

  func team(_ report: TeamReport) -> String {
    let sessionCount = report.rows.map(\.sessionCount).reduce(0, +)
    var out = rule("Team progress")
    out += "  \(report.rows.count) trainee\(report.rows.count == 1 ? "" : "s") · \(sessionCount) session\(sessionCount == 1 ? "" : "s")"
      + styler(.muted, " · category columns are mean scores over all replies") + "\n\n"
    var columns: [TextTable.Column] = [
      .init("trainee", maxWidth: 24), .init("sessions", alignment: .right), .init("done", alignment: .right),
      .init("overall", alignment: .right),
    ]
    columns += report.categoryNames.map { TextTable.Column(Self.shortTitle($0), alignment: .right) }
    columns.append(.init("last active (UTC)"))
    var table = TextTable(columns: columns)
    table.separator = " "  // nine category columns: one space keeps the table within 100 columns
    for row in report.rows {
      var cells = [
        TerminalText.safe(row.trainee), "\(row.sessionCount)", "\(row.completedCount)",
        row.averageOverall.map(styled) ?? styler(.muted, "—"),
      ]
      cells += row.categories.map { $0.average.map(styled) ?? styler(.muted, "—") }
      cells.append(row.lastActive.map { String(Self.shortTime($0).dropLast(4)) } ?? "—")
      table.append(cells)
    }
    out += indent(table.renderLines(styler: styler))
    let legend = "Columns: " + report.categoryNames.map { Self.shortTitle($0) + " = " + (Category(rawValue: $0)?.title.lowercased() ?? $0) }
      .joined(separator: ", ")
    out += "\n" + wrap(legend, width: min(width, 100), indent: 2).map { styler(.muted, $0) + "\n" }.joined()
    return out
  }

  // MARK: - Helpers

  private func rule(_ title: String) -> String {
    let head = "── " + title + " "
    return styler(.emphasis, head) + styler(.muted, String(repeating: "─", count: max(3, min(width, 100) - displayWidth(head)))) + "\n"
  }

  /// A mean score, rounded, coloured by band.
  private func styled(_ value: Double) -> String {
    let rounded = Int(value.rounded())
    return styler(StyleRole.forScore(rounded), "\(rounded)")
  }

  private func trend(_ value: Double?) -> String {
    guard let value else { return styler(.muted, "—") }
    let text = String(format: "%+.1f", value)
    if abs(value) < 0.05 { return "±0" }
    return styler(value > 0 ? .good : .bad, text)
  }

  private func indent(_ lines: [String]) -> String {
    lines.map { "  " + trimmed($0) + "\n" }.joined()
  }

  private func trimmed(_ line: String) -> String {
    var line = line
    while line.hasSuffix(" ") { line.removeLast() }
    return line
  }

  /// `2025-03-01 14:05 UTC`.
  static func shortTime(_ date: Date) -> String {
    let text = date.formatted(Date.ISO8601FormatStyle())  // 2025-03-01T14:05:09Z
    return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
  }
}
