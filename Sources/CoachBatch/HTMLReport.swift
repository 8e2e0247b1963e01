import CoachDiagnostics
import CoachGuidelines
import CoachText

/// The self-contained HTML summary of a batch: inline CSS and inline SVG charts, no scripts,
/// no fonts or images from the network; every piece of text is HTML-escaped (and control
/// characters shown as `\u{…}`).
public enum HTMLReport {
  public static func render(_ s: BatchSummary, title: String = "ReplyCoach batch report") -> String {
    typealias F = ReportFormatting
    var out = """
      <!DOCTYPE html>
      <html lang="ko">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(h(title))</title>
      <style>\(css)</style>
      </head>
      <body>
      <main>
      <h1>\(h(title))</h1>

      """
    if !s.inputs.isEmpty {
      out += "<p class=\"inputs\">Inputs: " + s.inputs.map { "<code>\(h($0))</code>" }.joined(separator: ", ") + "</p>\n"
    }
    out += "<section class=\"cards\">\n"
    out += card("Mean overall", F.decimal(s.meanOverall), tone: s.meanOverall.map(tone) ?? "none")
    out += card("Records scored", F.grouped(s.records))
    out += card("Conversations", F.grouped(s.conversations))
    out += card("Replies scored", F.grouped(s.replies))
    out += card("Critical findings", F.grouped(s.criticalFindings), tone: s.criticalFindings > 0 ? "bad" : "good")
    out += card("Input problems", F.grouped(s.errors), tone: s.errors > 0 ? "warn" : "good")
    if s.hasResponseTimes { out += card("Mean first response", F.duration(s.meanFirstResponse)) }
    out += "</section>\n"
    var notes: [String] = []
    let languages = Language.allCases.compactMap { l in s.languages[l].map { "\(l.rawValue): \(F.grouped($0))" } }
    if !languages.isEmpty { notes.append("Languages — " + languages.joined(separator: ", ")) }
    if s.unscored > 0 { notes.append("\(F.grouped(s.unscored)) records had nothing to score (empty reply or no agent turn)") }
    if !notes.isEmpty { out += "<p class=\"note\">\(h(notes.joined(separator: ". ")))</p>\n" }

    out += "<div class=\"grid\">\n<section>\n<h2>Score distribution</h2>\n" + histogram(s) + "</section>\n"
    out += "<section>\n<h2>Category averages</h2>\n" + categoryChart(s) + "</section>\n</div>\n"

    let agents = s.agentsByScore
    var agentNote = "Lowest mean overall first."
    if agents.count > BatchSummary.reportedAgents {
      agentNote += " Showing \(BatchSummary.reportedAgents) of \(F.grouped(agents.count)) agents; --format csv has every reply."
    }
    out += "<section>\n<h2>Agents</h2>\n<p class=\"note\">\(h(agentNote))</p>\n<table>\n<thead><tr><th>Agent</th>"
    out += "<th class=\"num\">Records</th><th class=\"num\">Replies</th><th class=\"num\">Mean overall</th><th>Weakest category</th>"
    out += "<th class=\"num\">Critical</th>"
    if s.hasResponseTimes { out += "<th class=\"num\">First response</th><th class=\"num\">Mean response</th>" }
    out += "</tr></thead>\n<tbody>\n"
    for agent in agents.prefix(BatchSummary.reportedAgents) {
      out += "<tr><td>\(h(agent.name))</td><td class=\"num\">\(F.grouped(agent.records))</td><td class=\"num\">\(F.grouped(agent.replies))</td>"
      out += "<td class=\"num\">\(scoreBadge(agent.meanOverall))</td><td>\(h(F.agentCategoryNote(agent)))</td>"
      out += "<td class=\"num\">\(F.grouped(agent.criticalFindings))</td>"
      if s.hasResponseTimes {
        out += "<td class=\"num\">\(F.duration(agent.meanFirstResponse))</td><td class=\"num\">\(F.duration(agent.meanResponse))</td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table>\n</section>\n"

    out += "<section>\n<h2>Most frequent issues</h2>\n"
    let rules = s.rulesByFrequency.prefix(20)
    if rules.isEmpty {
      out += "<p>No issues found.</p>\n"
    } else {
      out += "<table>\n<thead><tr><th>Rule</th><th class=\"num\">Findings</th><th class=\"num\">Records</th><th>What it means, with examples</th></tr></thead>\n<tbody>\n"
      for rule in rules {
        out += "<tr><td class=\"rule\"><code>\(h(rule.rule))</code><br><span class=\"tag \(rule.severity.rawValue)\">\(rule.severity.rawValue)</span> "
        out += "<span class=\"muted\">\(h(rule.category.title))</span></td>"
        out += "<td class=\"num\">\(F.grouped(rule.findings))</td><td class=\"num\">\(F.grouped(rule.records))</td>"
        out += "<td>\(h(F.oneLine(rule.message, limit: 240)))"
        if !rule.examples.isEmpty {
          out += "<ul class=\"examples\">"
          for example in rule.examples {
            out += "<li><q>\(h(F.oneLine(example.excerpt, limit: 120)))</q> <span class=\"muted\">\(h(F.oneLine(example.recordID, limit: 60)))</span></li>"
          }
          out += "</ul>"
        }
        out += "</td></tr>\n"
      }
      out += "</tbody>\n</table>\n"
    }
    out += "</section>\n"

    out += "<section>\n<h2>Worst conversations</h2>\n"
    if s.worst.isEmpty {
      out += "<p>Nothing was scored.</p>\n"
    } else {
      out += "<table>\n<thead><tr><th>Conversation</th><th>Agent</th><th class=\"num\">Overall</th><th>Main issues</th></tr></thead>\n<tbody>\n"
      for w in s.worst {
        out += "<tr><td>\(h(F.oneLine(w.id, limit: 60)))<br><span class=\"muted\">\(h(F.oneLine(w.source.description, limit: 80)))</span></td>"
        out += "<td>\(h(F.oneLine(w.agent ?? "–", limit: 40)))</td><td class=\"num\">\(scoreBadge(Double(w.overall)))</td><td>"
        out += w.issues.isEmpty ? "–" : w.issues.map { h(F.oneLine($0, limit: 160)) }.joined(separator: "<br>")
        out += "</td></tr>\n"
      }
      out += "</tbody>\n</table>\n"
    }
    out += "</section>\n"

    out += "<section>\n<h2>Response times</h2>\n"
    if s.hasResponseTimes {
      out += "<p>Mean first response <strong>\(F.duration(s.meanFirstResponse))</strong> over \(F.grouped(s.firstResponseCount)) conversations; "
      out += "mean agent response <strong>\(F.duration(s.meanResponse))</strong> over \(F.grouped(s.responseCount)) replies.</p>\n"
      out += responseChart(s)
    } else {
      out += "<p class=\"note\">The transcripts carry no timestamps.</p>\n"
    }
    out += "</section>\n"

    out += "<section>\n<h2>Input problems</h2>\n"
    if s.errors == 0 {
      out += "<p>None.</p>\n"
    } else {
      out += "<ul class=\"problems\">\n"
      for error in s.errorSamples {
        let place = error.file + (error.line.map { ":\($0)" } ?? "")
        out += "<li><code>\(h(F.oneLine(place, limit: 120)))</code> \(h(F.oneLine(error.message, limit: 300)))</li>\n"
      }
      if s.errors > s.errorSamples.count { out += "<li>… and \(F.grouped(s.errors - s.errorSamples.count)) more</li>\n" }
      out += "</ul>\n"
    }
    out += "</section>\n"
    out += "<footer>Generated by ReplyCoach <code>coach score</code>. Definitions: docs/batch-scoring.md.</footer>\n"
    out += "</main>\n</body>\n</html>\n"
    return out
  }

  // MARK: - Pieces

  static func card(_ label: String, _ value: String, tone: String = "none") -> String {
    "<div class=\"card \(tone)\"><div class=\"value\">\(h(value))</div><div class=\"label\">\(h(label))</div></div>\n"
  }

  static func tone(_ score: Double) -> String { score < 50 ? "bad" : score < 75 ? "warn" : "good" }

  static func scoreBadge(_ score: Double?) -> String {
    guard let score else { return "–" }
    return "<span class=\"score \(tone(score))\">\(ReportFormatting.decimal(score))</span>"
  }

  static let colours = ["bad": "#d9534f", "warn": "#f0ad4e", "good": "#3c9d5d", "none": "#7a8599"]

  /// A vertical bar chart of the overall-score histogram.
  static func histogram(_ s: BatchSummary) -> String {
    let width = 560, height = 240, left = 44, bottom = 36, top = 16
    let plotWidth = width - left - 12, plotHeight = height - bottom - top
    let peak = max(1, s.histogram.max() ?? 0)
    let slot = Double(plotWidth) / 10
    var svg = "<svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Histogram of overall scores\" class=\"chart\">\n"
    for step in 0...4 {
      let value = peak * step / 4
      let y = top + plotHeight - plotHeight * step / 4
      svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 12)\" y2=\"\(y)\" class=\"gridline\"/>"
      svg += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\" class=\"axis\">\(ReportFormatting.grouped(value))</text>\n"
    }
    for bin in 0..<10 {
      let count = s.histogram[bin]
      let barHeight = Double(plotHeight) * Double(count) / Double(peak)
      let x = Double(left) + slot * Double(bin) + 4
      let y = Double(top + plotHeight) - barHeight
      let colour = colours[tone(Double(bin * 10 + 5))]!
      svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(slot - 8))\" height=\"\(f(barHeight))\" fill=\"\(colour)\" rx=\"2\">"
      svg += "<title>\(ReportFormatting.histogramLabel(bin)): \(count)</title></rect>"
      if count > 0 {
        svg += "<text x=\"\(f(x + (slot - 8) / 2))\" y=\"\(f(y - 4))\" text-anchor=\"middle\" class=\"value\">\(ReportFormatting.grouped(count))</text>"
      }
      svg += "<text x=\"\(f(x + (slot - 8) / 2))\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\" class=\"axis\">\(ReportFormatting.histogramLabel(bin))</text>\n"
    }
    svg += "<text x=\"\(left + plotWidth / 2)\" y=\"\(height - 4)\" text-anchor=\"middle\" class=\"axis\">overall score</text>\n"
    return svg + "</svg>\n"
  }

  /// Horizontal bars: the mean score of each category, with how often it was judged.
  static func categoryChart(_ s: BatchSummary) -> String {
    let rowHeight = 24, labelWidth = 130, barWidth = 300, width = 560
    let height = rowHeight * Category.allCases.count + 24
    var svg = "<svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Mean score per category\" class=\"chart\">\n"
    for (row, category) in Category.allCases.enumerated() {
      let y = 8 + row * rowHeight
      svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\" class=\"label\">\(h(category.title))</text>"
      svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(barWidth)\" height=\"16\" class=\"track\" rx=\"2\"/>"
      if let mean = s.mean(category) {
        let w = Double(barWidth) * mean / 100
        svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(f(w))\" height=\"16\" fill=\"\(colours[tone(mean)]!)\" rx=\"2\">"
        svg += "<title>\(h(category.title)): \(ReportFormatting.decimal(mean))</title></rect>"
        svg += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 15)\" class=\"value\">\(ReportFormatting.decimal(mean))</text>"
        svg += "<text x=\"\(width - 4)\" y=\"\(y + 15)\" text-anchor=\"end\" class=\"axis\">n=\(ReportFormatting.grouped(s.categoryCounts[category.index]))</text>\n"
      } else {
        svg += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 15)\" class=\"axis\">not judged</text>\n"
      }
    }
    return svg + "</svg>\n"
  }

  /// Horizontal bars: conversations per first-response bucket.
  static func responseChart(_ s: BatchSummary) -> String {
    let rowHeight = 24, labelWidth = 90, barWidth = 360, width = 560
    let buckets = BatchSummary.responseBuckets
    let height = rowHeight * buckets.count + 16
    let peak = max(1, s.firstResponseHistogram.max() ?? 0)
    var svg = "<svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"First response times\" class=\"chart\">\n"
    for (row, bucket) in buckets.enumerated() {
      let y = 8 + row * rowHeight
      let count = s.firstResponseHistogram[row]
      let w = Double(barWidth) * Double(count) / Double(peak)
      svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\" class=\"label\">\(h(bucket.label))</text>"
      svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(f(w))\" height=\"16\" fill=\"#4a78c2\" rx=\"2\"/>"
      svg += "<text x=\"\(f(Double(labelWidth) + w + 6))\" y=\"\(y + 15)\" class=\"value\">\(ReportFormatting.grouped(count))</text>\n"
    }
    return svg + "</svg>\n"
  }

  static func f(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
  }

  /// HTML-escapes text (and shows control characters as `\u{…}`).
  static func h(_ text: String) -> String { escapeHTML(ReportFormatting.oneLine(text, limit: 100_000)) }

  static let css = """
    :root{--ink:#1f2633;--muted:#6b7588;--line:#e3e7ee;--bg:#f6f7fa;--card:#fff}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans KR","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif}
    main{max-width:1180px;margin:0 auto;padding:24px 28px 48px}
    h1{font-size:26px;margin:0 0 4px}
    h2{font-size:18px;margin:0 0 12px}
    section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:18px 0;overflow-x:auto}
    .inputs,.note,.muted,footer{color:var(--muted)}
    .note{font-size:13px}
    .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;background:none;border:0;padding:0}
    .card{background:var(--card);border:1px solid var(--line);border-left:5px solid #7a8599;border-radius:10px;padding:12px 14px}
    .card.good{border-left-color:#3c9d5d}.card.warn{border-left-color:#f0ad4e}.card.bad{border-left-color:#d9534f}
    .card .value{font-size:22px;font-weight:650;white-space:nowrap}
    .card .label{color:var(--muted);font-size:13px}
    .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:18px}
    .grid section{margin:0}
    table{border-collapse:collapse;width:100%;font-size:14px}
    th,td{text-align:left;vertical-align:top;padding:7px 10px;border-bottom:1px solid var(--line)}
    th{font-weight:600;color:var(--muted);font-size:13px;white-space:nowrap}
    td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
    code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eef1f6;border-radius:4px;padding:1px 4px;word-break:break-all}
    td.rule code{white-space:nowrap;word-break:normal}
    q{quotes:"“" "”"}
    .examples{margin:6px 0 0;padding-left:18px;color:#3a4356}
    .problems li{margin:4px 0}
    .tag{display:inline-block;font-size:11px;border-radius:4px;padding:0 6px;margin-top:4px;color:#fff;background:#7a8599}
    .tag.critical{background:#d9534f}.tag.warning{background:#e08e0b}.tag.info{background:#4a78c2}
    .score{display:inline-block;min-width:44px;text-align:center;border-radius:4px;padding:0 6px;color:#fff;font-weight:600}
    .score.good{background:#3c9d5d}.score.warn{background:#e08e0b}.score.bad{background:#d9534f}
    .chart{width:100%;height:auto;max-width:640px;display:block}
    .chart text{font-size:12px;fill:var(--ink)}
    .chart .axis{fill:var(--muted);font-size:11px}
    .chart .value{font-weight:600}
    .chart .gridline{stroke:var(--line);stroke-width:1}
    .chart .track{fill:#eef1f6}
    footer{font-size:12px;margin-top:24px}
    """
}
