import CoachGuidelines
import CoachText

/// The Markdown summary of a batch.
///
/// Text from transcripts is put on one line, its control and escape characters are shown as
/// `\u{…}` (so the report is safe to print to a terminal) and `|`, `<`, `>`, `&`, `` ` ``, `*`,
/// `_` and `[` are escaped so it cannot break a table or inject HTML into a Markdown renderer.
public enum MarkdownReport {
  public static func render(_ s: BatchSummary, title: String = "ReplyCoach batch report") -> String {
    typealias F = ReportFormatting
    var out = "# \(cell(title))\n\n"
    if !s.inputs.isEmpty { out += "Inputs: " + s.inputs.map { cell($0) }.joined(separator: ", ") + "\n\n" }
    out += "| | |\n|---|---:|\n"
    out += "| records scored | \(F.grouped(s.records)) |\n"
    out += "| conversations | \(F.grouped(s.conversations)) |\n"
    out += "| replies scored | \(F.grouped(s.replies)) |\n"
    out += "| mean overall | **\(F.decimal(s.meanOverall))** |\n"
    out += "| critical findings | \(F.grouped(s.criticalFindings)) |\n"
    if s.unscored > 0 { out += "| nothing to score (empty reply, no agent turn) | \(F.grouped(s.unscored)) |\n" }
    out += "| input problems (error entries) | \(F.grouped(s.errors)) |\n"
    let languages = Language.allCases.compactMap { l in s.languages[l].map { "\(l.rawValue) \(F.grouped($0))" } }
    if !languages.isEmpty { out += "| languages | \(languages.joined(separator: ", ")) |\n" }

    out += "\n## Score distribution\n\n| overall | records | share | |\n|---|---:|---:|---|\n"
    let peak = max(1, s.histogram.max() ?? 1)
    for bin in (0..<10).reversed() {
      let count = s.histogram[bin]
      let bar = String(repeating: "█", count: count == 0 ? 0 : max(1, count * 30 / peak))
      out += "| \(F.histogramLabel(bin)) | \(F.grouped(count)) | \(F.percent(count, of: s.records)) | \(bar) |\n"
    }

    out += "\n## Category averages\n\n| category | mean score | judged in | behaviour detected in |\n|---|---:|---:|---:|\n"
    for category in Category.allCases {
      let judged = s.categoryCounts[category.index]
      out += "| \(category.title) | \(F.decimal(s.mean(category))) | \(F.grouped(judged)) | \(F.percent(s.detectedCounts[category.index], of: s.records)) |\n"
    }

    let agents = s.agentsByScore
    out += "\n## Agents\n\nLowest mean overall first."
    if agents.count > BatchSummary.reportedAgents {
      out += " Showing \(BatchSummary.reportedAgents) of \(F.grouped(agents.count)) agents; `--format csv` has every reply."
    }
    out += "\n\n"
    out += "| agent | records | replies | mean overall | weakest category | critical findings |"
    out += s.hasResponseTimes ? " first response | mean response |\n|---|---:|---:|---:|---|---:|---:|---:|\n" : "\n|---|---:|---:|---:|---|---:|\n"
    for agent in agents.prefix(BatchSummary.reportedAgents) {
      out += "| \(cell(agent.name)) | \(F.grouped(agent.records)) | \(F.grouped(agent.replies)) | \(F.decimal(agent.meanOverall)) | "
      out += "\(F.agentCategoryNote(agent)) | \(F.grouped(agent.criticalFindings)) |"
      out += s.hasResponseTimes ? " \(F.duration(agent.meanFirstResponse)) | \(F.duration(agent.meanResponse)) |\n" : "\n"
    }

    out += "\n## Most frequent issues\n\n"
    let rules = s.rulesByFrequency.prefix(20)
    if rules.isEmpty {
      out += "No issues found.\n"
    } else {
      out += "| rule | category | severity | findings | records | what it means | examples |\n|---|---|---|---:|---:|---|---|\n"
      for rule in rules {
        let examples = rule.examples.map { "“\(cell(F.oneLine($0.excerpt, limit: 80)))” (\(cell($0.recordID)))" }.joined(separator: "<br>")
        out += "| `\(code(rule.rule))` | \(rule.category.title) | \(rule.severity.rawValue) | \(F.grouped(rule.findings)) | "
        out += "\(F.grouped(rule.records)) | \(cell(F.oneLine(rule.message))) | \(examples.isEmpty ? "–" : examples) |\n"
      }
    }

    out += "\n## Worst conversations\n\n"
    if s.worst.isEmpty {
      out += "Nothing was scored.\n"
    } else {
      out += "| id | agent | overall | where | main issues |\n|---|---|---:|---|---|\n"
      for w in s.worst {
        let issues = w.issues.map { cell(F.oneLine($0, limit: 120)) }.joined(separator: "<br>")
        out += "| \(cell(w.id)) | \(cell(w.agent ?? "–")) | \(w.overall) | \(cell(w.source.description)) | \(issues.isEmpty ? "–" : issues) |\n"
      }
    }

    out += "\n## Response times\n\n"
    if s.hasResponseTimes {
      out += "| | |\n|---|---:|\n"
      out += "| mean first response | \(F.duration(s.meanFirstResponse)) (\(F.grouped(s.firstResponseCount)) conversations) |\n"
      out += "| mean agent response | \(F.duration(s.meanResponse)) (\(F.grouped(s.responseCount)) replies) |\n\n"
      out += "| first response | conversations |\n|---|---:|\n"
      for (index, bucket) in BatchSummary.responseBuckets.enumerated() {
        out += "| \(bucket.label) | \(F.grouped(s.firstResponseHistogram[index])) |\n"
      }
    } else {
      out += "The transcripts carry no timestamps.\n"
    }

    out += "\n## Input problems\n\n"
    if s.errors == 0 {
      out += "None.\n"
    } else {
      for error in s.errorSamples {
        out += "- \(cell(error.file + (error.line.map { ":\($0)" } ?? ""))): \(cell(F.oneLine(error.message, limit: 300)))\n"
      }
      if s.errors > s.errorSamples.count { out += "- … and \(F.grouped(s.errors - s.errorSamples.count)) more\n" }
    }
    return out
  }

  /// Text for a table cell or paragraph: one line, terminal-safe, Markdown and HTML escaped.
  static func cell(_ text: String) -> String {
    var out = ""
    for c in ReportFormatting.oneLine(text, limit: 400) {
      switch c {
      case "|": out += "\\|"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "`": out += "\\`"
      case "*": out += "\\*"
      case "_": out += "\\_"
      case "[": out += "\\["
      case "]": out += "\\]"
      case "#": out += "\\#"
      default: out.append(c)
      }
    }
    return out
  }

  /// Text inside a code span (rule ids): no backticks or pipes.
  static func code(_ text: String) -> String {
    ReportFormatting.oneLine(text).replacingAll("`", with: "'").replacingAll("|", with: "/")
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}
