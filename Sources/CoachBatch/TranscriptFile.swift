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
