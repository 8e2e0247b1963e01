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
    if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
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

  static func row(
    id: String?, turn: Int?, agent: String?, evaluation e: Evaluation, conversationOverall: Int?, responseSeconds: Double?,
    source: RecordSource, to out: inout [UInt8]
  ) {
    var cells: [Cell] = [
      .text(id), .number(turn), .text(agent), .text(e.language.rawValue), .number(e.overall), .number(conversationOverall),
      .text(e.speechLevel?.rawValue),
    ]
    cells += e.categories.map { .number($0.score) }
    cells += [.text(topIssues(e.findings)), .decimal(responseSeconds), .text(source.file), .number(source.line), .text(nil)]
    appendRow(cells, to: &out)
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
