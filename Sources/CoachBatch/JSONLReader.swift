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
