/// A reader that yields the records of one input, one at a time (streaming).
protocol TranscriptReading {
  /// The next record or error entry, or `nil` at the end of the input.
  mutating func next() throws(InputError) -> TranscriptItem?
  /// Bytes of the input read through the last returned item.
  var bytesConsumed: Int { get }
}

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

/// Opens the reader for an input in a given format.
func makeReader(format: InputFormat, lines: LineReader, file: String) -> any TranscriptReading {
  switch format {
  case .jsonl: return JSONLReader(lines: lines, file: file)
  case .csv: return CSVTranscriptReader(lines: lines, file: file)
  case .text: return TextTranscriptReader(lines: lines, file: file)
  }
}

/// Reads JSONL on one thread (used by tests and `TranscriptFile.items()`); the batch scorer
/// instead hands raw lines to its workers, which decode them in parallel.
struct JSONLReader: TranscriptReading {
  var lines: LineReader
  let file: String
  var pending: [TranscriptItem] = []

  init(lines: LineReader, file: String) {
    self.lines = lines
    self.file = file
  }

  var bytesConsumed: Int { lines.consumed }

  mutating func next() throws(InputError) -> TranscriptItem? {
    while pending.isEmpty {
      guard let line = try lines.next() else { return nil }
      let source = RecordSource(file: file, line: line.number)
      if line.isOverlong {
        pending.append(.error(RecordError("line is longer than \(lines.maxLineBytes) bytes; skipped", at: source)))
        continue
      }
      pending = lines.buffer.withUnsafeBufferPointer { p in
        JSONLDecoder.decode(line: UnsafeBufferPointer(rebasing: p[line.range]), source: source)
      }
    }
    return pending.removeFirst()
  }
}

/// One input of a batch: a file path (`-` for standard input) or bytes in memory.
public struct BatchInput: Sendable {
  /// The name used in error entries: the path as given, or `-`.
  public var name: String
  /// The format, or `nil` to use the extension, then the first bytes.
  public var format: InputFormat?
  /// The size in bytes when known (regular files), for progress.
  public var size: Int?
  let open: @Sendable () throws(InputError) -> ByteSource

  /// A file, or standard input for `-`.
  public static func file(_ path: String, format: InputFormat? = nil) -> BatchInput {
    BatchInput(name: path, format: format, size: regularFileSize(path)) { () throws(InputError) in try FileDescriptorSource(path: path) }
  }

  /// Bytes in memory, read in chunks of `chunk` bytes (small chunks exercise boundaries in tests).
  public static func bytes(_ bytes: [UInt8], name: String, format: InputFormat? = nil, chunk: Int = 1 << 16) -> BatchInput {
    BatchInput(name: name, format: format, size: bytes.count) { MemorySource(bytes, chunk: chunk) }
  }

  /// The format to read this input in: the given one, else the extension's, else sniffed.
  func resolvedFormat(_ lines: inout LineReader) throws(InputError) -> InputFormat {
    if let format { return format }
    if let byExtension = InputFormat.forPath(name) { return byExtension }
    return InputFormat.sniff(try lines.peek(4096))
  }
}

/// Reads every item of one input on the calling thread, without scoring (for tests and tools).
///
/// ```swift
/// for item in try TranscriptFile.items(of: .file("chats.csv")) { print(item) }
/// ```
public enum TranscriptFile {
  public static func items(of input: BatchInput, lineChunk: Int = 1 << 20) throws(InputError) -> [TranscriptItem] {
    var items: [TranscriptItem] = []
    try forEach(in: input, lineChunk: lineChunk) { items.append($0) }
    return items
  }

  /// Calls `body` with each item of one input as it is read (streaming).
  public static func forEach(in input: BatchInput, lineChunk: Int = 1 << 20, _ body: (TranscriptItem) -> Void) throws(InputError) {
    var lines = LineReader(source: try input.open(), chunkSize: lineChunk)
    let format = try input.resolvedFormat(&lines)
    var reader = makeReader(format: format, lines: lines, file: input.name)
    while let item = try reader.next() { body(item) }
  }
}
