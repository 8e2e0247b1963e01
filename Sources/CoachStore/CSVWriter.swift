/// Builds RFC 4180 CSV text: CRLF line ends, fields quoted when they hold a comma, quote or
/// line break, quotes doubled.
///
/// Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
/// or carriage return) get a leading apostrophe, the usual guard against CSV formula injection:
/// a trainee's name must not become a formula in the trainer's Excel. Numbers are not changed.
struct CSVWriter {
  /// One cell of a row.
  enum Cell {
    /// Text, quoted as needed and guarded against formulas.
    case text(String?)
    /// An integer.
    case integer(Int?)
    /// A number, with up to two decimals.
    case number(Double?)
  }

  private var lines: [String] = []

  /// Adds a header row of plain names.
  mutating func appendHeader(_ names: [String]) {
    lines.append(names.map(Self.quoted).joined(separator: ","))
  }

  /// Adds a data row.
  mutating func append(_ cells: [Cell]) {
    lines.append(cells.map(Self.field).joined(separator: ","))
  }

  /// The CSV text, optionally starting with a UTF-8 byte order mark so Excel reads Hangul right.
  func text(byteOrderMark: Bool) -> String {
    (byteOrderMark ? "\u{FEFF}" : "") + lines.map { $0 + "\r\n" }.joined()
  }

  private static func field(_ cell: Cell) -> String {
    switch cell {
    case .text(let value):
      guard var value else { return "" }
      if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
      return quoted(value)
    case .integer(let value):
      return value.map(String.init) ?? ""
    case .number(let value):
      return ReportFormatting.number(value, decimals: 2, missing: "")
    }
  }

  private static func quoted(_ value: String) -> String {
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else {
      return value
    }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
