extension TraineeReport {
  /// The report as one self-contained HTML page: inline CSS, inline SVG charts, no script, no
  /// network; every name and title escaped. A trainee without sessions gets a friendly page.
  public func renderHTML() -> String {
    let name = HTMLPage.escape(trainee)
    let title = "ReplyCoach progress — \(trainee)"
    guard !sessions.isEmpty else {
      return HTMLPage.page(title: title, body: """
        <h1>\(name)</h1>
        <div class="empty"><p><b>No practice sessions yet.</b></p>
        <p>Sessions appear here once \(name) has practised with a simulated customer.</p></div>
        """)
    }
    var body = "<h1>\(name)</h1>\n"
    let completed = sessions.filter { $0.session.status == .completed }
    body += "<p class=\"lead\">\(sessions.count) sessions, \(completed.count) completed.</p>\n"
    body += "<div class=\"cards\">"
    body += card(ReportFormatting.number(overallAverage), "average overall")
    body += card(ReportFormatting.signed(overallTrend), "trend (last 5 vs 5 before)")
    body += card(weakestCategory.map(ReportFormatting.categoryLabel) ?? "—", "weakest category")
    if let recommendedScenario { body += card(recommendedScenario, "practise next") }
    body += "</div>\n"

    body += "<h2>Overall score over time</h2>\n"
    if completed.isEmpty {
      body += "<p class=\"muted\">No completed session yet.</p>\n"
    } else {
      let points = completed.map { line in
        SVGChart.Point(
          value: Double(line.session.overall ?? 0),
          tooltip: "\(ReportFormatting.shortTime(line.session.startedAt)) · \(line.session.scenarioTitle) · \(line.session.overall ?? 0)")
      }
      body += SVGChart.line(
        points, title: "Overall score of each completed session, oldest first",
        firstLabel: String(ReportFormatting.shortTime(completed[0].session.startedAt).prefix(10)),
        lastLabel: String(ReportFormatting.shortTime(completed[completed.count - 1].session.startedAt).prefix(10)))
      body += "\n"
    }

    body += "<h2>Per category</h2>\n"
    let bars = categories.map { category in
      SVGChart.Bar(
        label: ReportFormatting.categoryLabel(category.name), value: category.average,
        note: category.average == nil
          ? "not judged yet"
          : ReportFormatting.number(category.average) + (category.trend.map { " (\(ReportFormatting.signed($0)))" } ?? ""))
    }
    body += SVGChart.bars(bars, title: "Average score per category over all scored turns") + "\n"
    body += "<p class=\"muted\">Averages over all scored turns; in brackets the trend, the mean of the last 5 "
    body += "sessions against the 5 before.</p>\n"

    if !personalBests.isEmpty {
      body += "<h2>Personal bests</h2>\n<table><thead><tr><th>Scenario</th><th class=\"num\">Best</th>"
      body += "<th>Reached</th><th class=\"num\">Completed</th></tr></thead><tbody>\n"
      for best in personalBests {
        body += "<tr><td>\(HTMLPage.escape(best.scenarioTitle)) <span class=\"muted nowrap\">\(HTMLPage.escape(best.scenarioID))</span></td>"
        body += "<td class=\"num\">\(best.best)</td><td class=\"nowrap\">\(ReportFormatting.shortTime(best.achievedAt))</td>"
        body += "<td class=\"num\">\(best.completedSessions)</td></tr>\n"
      }
      body += "</tbody></table>\n"
    }

    body += "<h2>Sessions</h2>\n<div class=\"scroll\"><table><thead><tr><th>Started</th><th>Scenario</th>"
    body += "<th>Status</th><th>Ending</th><th class=\"num\">Turns</th><th class=\"num\">Overall</th></tr></thead><tbody>\n"
    for line in sessions.reversed() {
      let session = line.session
      // The ending's id only when it says more than its kind ("customer-left (left-rude)").
      let endingID = session.endingID == session.endingKind ? nil : session.endingID
      let ending = [session.endingKind, endingID.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
      body += "<tr><td class=\"nowrap\">\(ReportFormatting.shortTime(session.startedAt))</td>"
      body += "<td>\(HTMLPage.escape(session.scenarioTitle)) <span class=\"muted nowrap\">\(HTMLPage.escape(session.scenarioID))</span></td>"
      body += "<td>\(session.status.reportLabel)</td><td>\(HTMLPage.escape(ending.isEmpty ? "—" : ending))</td>"
      body += "<td class=\"num\">\(session.turnCount)</td>"
      body += "<td class=\"num\">\(session.overall.map(String.init) ?? "—")</td></tr>\n"
    }
    body += "</tbody></table></div>"
    return HTMLPage.page(title: title, body: body)
  }

  private func card(_ value: String, _ label: String) -> String {
    "<div class=\"card\"><b>\(HTMLPage.escape(value))</b><span>\(HTMLPage.escape(label))</span></div>"
  }
}
