/// A table of aligned text columns, measured by display width (Hangul counts 2, escape sequences 0).
///
/// Cells may already be styled. Every rendered line has the same display width: the last column
/// is padded too, so a table can sit inside a box or next to another one.
///
/// ```swift
/// var table = TextTable(columns: [.init("category"), .init("score", alignment: .right)])
/// table.append(["공감", "80"])
/// print(table.render(), terminator: "")
/// ```
public struct TextTable: Sendable, Hashable {
  /// One column: its header, how its cells are aligned, and an optional maximum width.
  public struct Column: Sendable, Hashable {
    /// The header text (may be styled).
    public var header: String
    /// How the header and cells sit in the column.
    public var alignment: TextAlignment
    /// Cells (and the header) wider than this are truncated with `…`.
    public var maxWidth: Int?

    /// Creates a column, left-aligned and unbounded unless told otherwise.
    public init(_ header: String, alignment: TextAlignment = .left, maxWidth: Int? = nil) {
      self.header = header
      self.alignment = alignment
      self.maxWidth = maxWidth
    }
  }

  /// The columns, left to right.
  public var columns: [Column]
  /// Rows of cells; a short row is filled with empty cells, extra cells are ignored.
  public var rows: [[String]]
  /// Whether the header row is rendered.
  public var showsHeader = true
  /// The character repeated under each header (one column wide), or `nil` for no underline.
  public var headerUnderline: Character? = "─"
  /// What goes between two columns.
  public var separator = "  "
  /// A style for the header row (applied by `render(styler:)`).
  public var headerStyle: Style = Style(bold: true)

  /// Creates a table with the given columns and, optionally, rows.
  public init(columns: [Column], rows: [[String]] = []) {
    self.columns = columns
    self.rows = rows
  }

  /// Adds a row of cells.
  public mutating func append(_ row: [String]) {
    rows.append(row)
  }

  /// The rendered lines, without line terminators.
  public func renderLines(styler: Styler = .plain) -> [String] {
    let headers = columns.map { fit($0.header, $0) }
    let body = rows.map { row in
      columns.indices.map { index in fit(index < row.count ? row[index] : "", columns[index]) }
    }
    var widths = headers.map { showsHeader ? displayWidth($0) : 0 }
    for row in body {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
    }
    func line(_ cells: [String]) -> String {
      cells.indices.map { pad(cells[$0], to: widths[$0], align: columns[$0].alignment) }
        .joined(separator: separator)
    }
    var lines: [String] = []
    if showsHeader {
      lines.append(
        headers.indices.map { styler(headerStyle, pad(headers[$0], to: widths[$0], align: columns[$0].alignment)) }
          .joined(separator: separator))
      if let headerUnderline, displayWidth(of: headerUnderline) == 1 {
        lines.append(widths.map { String(repeating: headerUnderline, count: $0) }.joined(separator: separator))
      }
    }
    lines += body.map(line)
    return lines
  }

  /// The rendered table, one line per row, each ending in a newline.
  public func render(styler: Styler = .plain) -> String {
    renderLines(styler: styler).map { $0 + "\n" }.joined()
  }

  /// A cell on one line, truncated to the column's maximum width.
  private func fit(_ cell: String, _ column: Column) -> String {
    var text = cell
    if text.contains(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\t" }) {
      text = String(text.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
    if let maxWidth = column.maxWidth { text = truncate(text, toWidth: maxWidth) }
    return text
  }
}
