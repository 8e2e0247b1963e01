import CoachDiagnostics
import CoachGuidelines

/// The CSV report: one row per scored reply or agent turn, and one per error entry.
///
/// Excel-friendly: RFC 4180 quoting, CRLF line ends, an optional UTF-8 byte-order mark (so Excel
/// reads Hangul correctly), and text cells that start with `=`, `+`, `-`, `@`, tab or CR get a
/// leading `'` so a spreadsheet never runs them as formulas. Control characters in text cells
/// are shown as `\u{…}` escapes.
enum CSVOutput {
  static let header: [String] =
    ["id", "turn", "agent", "language", "overall", "conversation_overall", "speech_level"] + Category.allCases.map(\.rawValue)
    + ["top_issues", "response_seconds", "file", "line", "error"]

  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  static func headerRow() -> [UInt8] {
    var out: [UInt8] = []
    appendRow(header.map { Cell.text($0) }, to: &out)
    return out
  }

  enum Cell {
    case text(String?)
    case number(Int?)
    case decimal(Double?)
  }

  static func appendRow(_ cells: [Cell], to out: inout [UInt8]) {
    for (i, cell) in cells.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      switch cell {
      case .number(let n?): out.append(contentsOf: String(n).utf8)
      case .decimal(let d?): out.append(contentsOf: formatSeconds(d).utf8)
      case .text(let s?): appendText(s, to: &out)
      case .number(nil), .decimal(nil), .text(nil): break
      }
    }
    out.append(0x0D)
    out.append(0x0A)
  }

  /// A text cell: guarded against formulas, control characters escaped, quoted when needed.
  static func appendText(_ value: String, to out: inout [UInt8]) {
    var text = mayNeedDisplayEscape(value) ? escapeForDisplay(value) : value
    if let first = text.utf8.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D {
      text = "'" + text
    }
    let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    if !needsQuotes {
      out.append(contentsOf: text.utf8)
      return
    }
    out.append(0x22)
    for b in text.utf8 {
      if b == 0x22 { out.append(0x22) }
      out.append(b)
    }
    out.append(0x22)
  }

  /// False when no byte can start a control, C1 or bidi character (the common case).
  static func mayNeedDisplayEscape(_ text: String) -> Bool {
    text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
  }

  static func formatSeconds(_ seconds: Double) -> String {
    let rounded = (seconds * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  static func topIssues(_ findings: [Finding]) -> String {
    var rules: [String] = []
    let issues = findings.filter { $0.kind == .issue }.sorted { ($0.severity, $0.points) < ($1.severity, $1.points) }
    for f in issues where !rules.contains(f.rule) {
      rules.append(f.rule)
      if rules.count == 3 { break }
    }
    return rules.joined(separator: "; ")
  }

  /// Appends `value` as a decimal number.
  static func appendInt(_ value: Int, to out: inout [UInt8]) {
    if value >= 0 && value < 10 {
      out.append(UInt8(truncatingIfNeeded: 48 + value))
    } else if value >= 10 && value < 100 {
      out.append(UInt8(truncatingIfNeeded: 48 + value / 10))
      out.append(UInt8(truncatingIfNeeded: 48 + value % 10))
    } else {
      out.append(contentsOf: String(value).utf8)
    }
  }

  /// Writes one row straight into `out` (no cell array; this runs for every scored reply).
  static func row(
    id: String?, turn: Int?, agent: String?, evaluation e: Evaluation, conversationOverall: Int?, responseSeconds: Double?,
    source: RecordSource, to out: inout [UInt8]
  ) {
    let comma = UInt8(ascii: ",")
    if let id { appendText(id, to: &out) }
    out.append(comma)
    if let turn { appendInt(turn, to: &out) }
    out.append(comma)
    if let agent { appendText(agent, to: &out) }
    out.append(comma)
    out.append(contentsOf: e.language == .ko ? [0x6B, 0x6F] : [0x65, 0x6E])
    out.append(comma)
    appendInt(e.overall, to: &out)
    out.append(comma)
    if let conversationOverall { appendInt(conversationOverall, to: &out) }
    out.append(comma)
    if let level = e.speechLevel { out.append(contentsOf: level.rawValue.utf8) }
    for result in e.categories {
      out.append(comma)
      if let score = result.score { appendInt(score, to: &out) }
    }
    out.append(comma)
    if e.findings.contains(where: { $0.kind == .issue }) { appendText(topIssues(e.findings), to: &out) }
    out.append(comma)
    if let responseSeconds { out.append(contentsOf: formatSeconds(responseSeconds).utf8) }
    out.append(comma)
    appendText(source.file, to: &out)
    out.append(comma)
    appendInt(source.line, to: &out)
    out.append(comma)
    out.append(0x0D)
    out.append(0x0A)
  }

  static func reply(_ e: Evaluation, record: ReplyRecord, source: RecordSource, to out: inout [UInt8]) {
    row(id: record.id, turn: nil, agent: record.agent, evaluation: e, conversationOverall: nil, responseSeconds: nil, source: source, to: &out)
  }

  static func conversation(_ c: ConversationEvaluation, source: RecordSource, to out: inout [UInt8]) {
    guard !c.turns.isEmpty else {
      // Nothing to score: one row so the conversation is not silently dropped.
      var cells: [Cell] = [.text(c.id), .number(nil), .text(c.agent), .text(c.language.rawValue), .number(c.overall), .number(c.overall), .text(nil)]
      cells += c.categories.map { _ in .number(nil) }
      cells += [.text(nil), .decimal(nil), .text(source.file), .number(source.line), .text(nil)]
      appendRow(cells, to: &out)
      return
    }
    for turn in c.turns {
      row(
        id: c.id, turn: turn.turn, agent: c.agent, evaluation: turn.evaluation, conversationOverall: c.overall,
        responseSeconds: turn.responseSeconds, source: source, to: &out)
    }
  }

  static func error(_ e: RecordError, to out: inout [UInt8]) {
    var cells = [Cell](repeating: .text(nil), count: header.count)
    cells[header.count - 3] = .text(e.file)
    cells[header.count - 2] = .number(e.line)
    cells[header.count - 1] = .text(e.message)
    appendRow(cells, to: &out)
  }
}
