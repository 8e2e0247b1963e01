/// The transcript formats `coach score` reads.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
  /// One JSON object per line: reply records and conversation records.
  case jsonl
  /// A header row, then one turn per row.
  case csv
  /// Plain-text transcripts with `고객:` / `상담원:` or `Customer:` / `Agent:` lines.
  case text

  /// The format a file name's extension stands for (`.jsonl`, `.ndjson`, `.csv`, `.tsv`, `.txt`).
  public static func forPath(_ path: String) -> InputFormat? {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "jsonl", "ndjson": return .jsonl
    case "csv", "tsv": return .csv
    case "txt", "text", "log": return .text
    default: return nil
    }
  }

  /// Guesses the format from the first bytes: JSONL when the first non-blank byte is `{`, CSV
  /// when the first line is a header naming a role and a text column, else plain text.
  public static func sniff(_ prefix: some Collection<UInt8>) -> InputFormat {
    let bytes = Array(prefix)
    var i = 0
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    if i < bytes.count && bytes[i] == UInt8(ascii: "{") { return .jsonl }
    let lineEnd = bytes[i...].firstIndex(of: 0x0A) ?? bytes.count
    let header = String(decoding: bytes[i..<lineEnd], as: UTF8.self)
    for separator: Character in [",", "\t", ";"] where header.contains(separator) {
      let names = Set(header.split(separator: separator).map { CSVTranscriptReader.normalizedHeader(String($0).replacingQuotes()) })
      let hasRole = !names.isDisjoint(with: CSVTranscriptReader.Column.role.names)
      let hasText = !names.isDisjoint(with: CSVTranscriptReader.Column.text.names)
      if hasRole && hasText { return .csv }
    }
    return .text
  }
}

extension String {
  fileprivate func replacingQuotes() -> String { filter { $0 != "\"" } }
}
