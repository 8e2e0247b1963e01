/// The batch output formats.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
  /// One contract JSON object per record, or an error entry; streamed.
  case jsonl
  /// One row per scored reply or agent turn; streamed.
  case csv
  /// A Markdown summary, written at the end.
  case md
  /// A self-contained HTML summary (inline CSS and SVG), written at the end.
  case html

  var isStreamed: Bool { self == .jsonl || self == .csv }
}
