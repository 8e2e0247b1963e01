import CoachDiagnostics
import CoachGuidelines
import CoachTerminal
import CoachText

/// Renders an evaluation for people: category bars, the evidence quoted, and tips.
struct EvaluationView {
  var evaluation: Evaluation
  var styler: Styler
  var width: Int
  /// Show categories that could not be judged, with the reason.
  var showUnjudged = true
  /// How many tips to print.
  var tipCount = 2

  func render() -> String {
    var out = ""
    let overall = evaluation.overall
    out += "  " + styler(.emphasis, "Overall") + "  " + styler(StyleRole.forScore(overall), pad("\(overall)", to: 3, align: .right))
      + "/100  " + scoreBar(overall, width: 20, styler: styler)
    if let level = evaluation.speechLevel {
      let role: StyleRole = level == .mixed || level == .informal ? .bad : .good
      out += "   " + styler(.muted, "speech level") + " " + styler(role, level.rawValue + " (" + level.koreanName + ")")
    }
    out += "\n\n"
    out += categoryLines().joined(separator: "\n") + "\n"
    let strengths = evaluation.findings.filter { $0.kind == .strength }
    let issues = evaluation.findings.filter { $0.kind == .issue }.sorted { ($0.severity, $0.start) < ($1.severity, $1.start) }
    if !strengths.isEmpty {
      out += "\n  " + styler(.emphasis, "What worked") + "\n"
      for group in Self.grouped(strengths) { out += findingLines(group) }
    }
    if !issues.isEmpty {
      out += "\n  " + styler(.emphasis, "To improve") + "\n"
      for group in Self.grouped(issues) { out += findingLines(group) }
    }
    let tips = Self.tips(from: evaluation, count: tipCount)
    if !tips.isEmpty {
      out += "\n  " + styler(.emphasis, "Tips") + "\n"
      for (i, tip) in tips.enumerated() {
        let lines = wrap(TerminalText.safe(tip), width: max(20, width - 7))
        for (j, line) in lines.enumerated() { out += (j == 0 ? "  \(i + 1). " : "     ") + styler(.coach, line) + "\n" }
      }
    }
    return out
  }

  func categoryLines() -> [String] {
    Category.allCases.compactMap { category in
      let result = evaluation[category]
      let label = pad(category.title, to: 16)
      guard let score = result.score else {
        guard showUnjudged else { return nil }
        // The reason wraps under itself rather than being cut off mid-word.
        let reasonColumn = 2 + 16 + 12 + 2 + 5
        let reason = wrap(result.reason ?? "not judged", width: max(10, width - reasonColumn))
        var line = "  " + label + scoreBar(nil, width: 12, styler: styler) + "  " + styler(.muted, "n/a  " + (reason.first ?? ""))
        for more in reason.dropFirst() { line += "\n" + String(repeating: " ", count: reasonColumn) + styler(.muted, more) }
        return line
      }
      let mark = result.detected ? styler(.good, "✓") : " "
      return "  " + label + scoreBar(score, width: 12, styler: styler) + "  " + styler(StyleRole.forScore(score), pad("\(score)", to: 3, align: .right)) + " " + mark
    }
  }

  /// One rule's findings: its evidence quoted once each (a repeat shows as ×N), then the message,
  /// the suggestion and the rule id once, so "죄송합니다" said four times is one entry, not four.
  func findingLines(_ findings: [Finding]) -> String {
    let finding = findings[0]
    let icon: String
    switch (finding.kind, finding.severity) {
    case (.strength, _): icon = styler(.good, "✓")
    case (.issue, .critical): icon = styler(.bad, "✗")
    case (.issue, .warning): icon = styler(.warning, "!")
    case (.issue, .info): icon = styler(.muted, "·")
    }
    var excerpts: [String] = []
    for f in findings where !f.excerpt.isEmpty {
      let quoted = "“" + TerminalText.safe(oneLine(f.excerpt)) + "”"
      if !excerpts.contains(quoted) { excerpts.append(quoted) }
    }
    let evidence = excerpts.isEmpty ? styler(.muted, "(not in the reply)") : excerpts.joined(separator: " ")
    let repeats = findings.count > 1 && findings.count > excerpts.count ? styler(.muted, " ×\(findings.count)") : ""
    var out = "   \(icon) " + styler(.muted, finding.category.title.lowercased() + ":") + " " + truncate(evidence, toWidth: max(20, width - 30)) + repeats + "\n"
    for line in wrap(TerminalText.safe(finding.message), width: max(20, width - 7)) { out += "       " + line + "\n" }
    if let suggestion = finding.suggestion {
      let lines = wrap(TerminalText.safe("Try: " + suggestion), width: max(20, width - 7))
      for line in lines { out += "       " + styler(.coach, line) + "\n" }
    }
    out += "       " + styler(.muted, "[\(finding.rule)]") + "\n"
    return out
  }

  /// Findings of the same rule together (one message, every excerpt), in first-seen order.
  static func grouped(_ findings: [Finding]) -> [[Finding]] {
    var groups: [[Finding]] = []
    var position: [String: Int] = [:]
    for finding in findings {
      if let index = position[finding.rule] {
        groups[index].append(finding)
      } else {
        position[finding.rule] = groups.count
        groups.append([finding])
      }
    }
    return groups
  }

  func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }

  /// The most useful suggestions: critical first, then warnings, one per category.
  static func tips(from evaluation: Evaluation, count: Int) -> [String] {
    var seen = Set<Category>()
    var tips: [String] = []
    for finding in evaluation.findings.filter({ $0.kind == .issue && $0.suggestion != nil }).sorted(by: { $0.severity < $1.severity }) {
      guard seen.insert(finding.category).inserted, let suggestion = finding.suggestion else { continue }
      tips.append(finding.message + " " + "Try: " + suggestion)
      if tips.count == count { break }
    }
    return tips
  }
}

extension SpeechLevel {
  /// The Korean name of the level.
  var koreanName: String {
    switch self {
    case .formal: "하십시오체"
    case .polite: "해요체"
    case .informal: "반말"
    case .mixed: "반말 섞임"
    }
  }
}
