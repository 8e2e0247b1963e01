extension TeamReport {
  /// The team table as one self-contained HTML page: trainees × categories with cells shaded
  /// by score; inline CSS, no script, no network; every name escaped. An empty store gets a
  /// friendly page.
  public func renderHTML() -> String {
    let title = "ReplyCoach team progress"
    guard !rows.isEmpty else {
      return HTMLPage.page(title: title, body: """
        <h1>Team progress</h1>
        <div class="empty"><p><b>No trainees yet.</b></p>
        <p>Each trainee appears here after their first practice session.</p></div>
        """)
    }
    let sessions = rows.reduce(0) { $0 + $1.sessionCount }
    var body = "<h1>Team progress</h1>\n"
    body += "<p class=\"lead\">\(rows.count) trainees, \(sessions) sessions. "
    body += "Cells show each trainee's average score per category over all scored turns.</p>\n"
    body += "<div class=\"scroll\"><table><thead><tr><th>Trainee</th><th class=\"num\">Sessions</th>"
    body += "<th class=\"num\">Completed</th><th class=\"num\">Average</th><th>Last active</th>"
    for name in categoryNames {
      body += "<th class=\"num\">\(HTMLPage.escape(ReportFormatting.categoryLabel(name)))</th>"
    }
    body += "</tr></thead><tbody>\n"
    for row in rows {
      body += "<tr><td class=\"nowrap\">\(HTMLPage.escape(row.trainee))</td><td class=\"num\">\(row.sessionCount)</td>"
      body += "<td class=\"num\">\(row.completedCount)</td>"
      body += "<td class=\"num\">\(ReportFormatting.number(row.averageOverall))</td>"
      body += "<td class=\"nowrap\">\(row.lastActive.map(ReportFormatting.shortTime) ?? "—")</td>"
      for category in row.categories {
        if let average = category.average {
          body += "<td class=\"num\" style=\"background: \(HTMLPage.scoreColor(average, lightness: 85))\""
          body += " title=\"\(HTMLPage.escape(row.trainee)) · \(HTMLPage.escape(ReportFormatting.categoryLabel(category.name)))\">"
          body += "\(ReportFormatting.number(average))</td>"
        } else {
          body += "<td class=\"num muted\" title=\"not judged yet\">—</td>"
        }
      }
      body += "</tr>\n"
    }
    body += "</tbody></table></div>\n"
    body += "<p class=\"muted\">Shading runs from red (40 or less) through amber to green (85 or more); — means not judged yet.</p>\n"
    // Charts: where the team is weakest, and each trainee's average.
    let categoryBars = categoryNames.enumerated().map { index, name -> SVGChart.Bar in
      let values = rows.compactMap { $0.categories.indices.contains(index) ? $0.categories[index].average : nil }
      let mean = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
      return SVGChart.Bar(
        label: ReportFormatting.categoryLabel(name), value: mean,
        note: mean.map { ReportFormatting.number($0) + " (\(values.count) of \(rows.count) trainees)" } ?? "not judged yet")
    }
    body += "<h2>Team average per category</h2>\n" + SVGChart.bars(categoryBars, title: "Team average score per category") + "\n"
    let traineeBars = rows.map { row in
      SVGChart.Bar(
        label: row.trainee, value: row.averageOverall,
        note: row.averageOverall.map { ReportFormatting.number($0) + " over \(row.completedCount) completed" } ?? "no completed session")
    }
    body += "<h2>Average overall per trainee</h2>\n" + SVGChart.bars(traineeBars, title: "Average overall score per trainee") + "\n"
    return HTMLPage.page(title: title, body: body, wide: true)
  }
}
