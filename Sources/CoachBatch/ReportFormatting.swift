import CoachDiagnostics
import CoachGuidelines

/// Number and time formatting shared by the Markdown and HTML reports.
enum ReportFormatting {
  /// `1234567` → `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return value < 0 ? "-" + out : out
  }

  /// One decimal: `72.4`; `–` for none.
  static func decimal(_ value: Double?) -> String {
    guard let value else { return "–" }
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
  }

  static func percent(_ part: Int, of whole: Int) -> String {
    guard whole > 0 else { return "–" }
    return "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
  }

  /// `45 s`, `3 min 05 s`, `2 h 07 min`; `–` for none.
  static func duration(_ seconds: Double?) -> String {
    guard let seconds else { return "–" }
    let total = Int(seconds.rounded())
    if total < 60 { return "\(total) s" }
    if total < 3600 { return "\(total / 60) min \(pad2(total % 60)) s" }
    return "\(total / 3600) h \(pad2(total / 60 % 60)) min"
  }

  static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  static func histogramLabel(_ bin: Int) -> String { bin == 9 ? "90–100" : "\(bin * 10)–\(bin * 10 + 9)" }

  static func agentCategoryNote(_ agent: BatchSummary.AgentStats) -> String {
    guard let weakest = agent.weakestCategory else { return "–" }
    return "\(weakest.title) (\(decimal(agent.mean(weakest))))"
  }

  /// Shortens text to `limit` scalars with an ellipsis, and puts it on one line.
  static func oneLine(_ text: String, limit: Int = 160) -> String {
    var scalars = String.UnicodeScalarView()
    var count = 0
    for scalar in text.unicodeScalars {
      if count == limit {
        scalars.append("…")
        break
      }
      scalars.append(scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar)
      count += 1
    }
    return escapeForDisplay(String(scalars))
  }
}
