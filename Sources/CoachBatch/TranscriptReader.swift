/// A reader that yields the records of one input, one at a time (streaming).
protocol TranscriptReading {
  /// The next record or error entry, or `nil` at the end of the input.
  mutating func next() throws(InputError) -> TranscriptItem?
  /// Bytes of the input read through the last returned item.
  var bytesConsumed: Int { get }
}

/// Opens the reader for an input in a given format.
func makeReader(format: InputFormat, lines: LineReader, file: String) -> any TranscriptReading {
  switch format {
  case .jsonl: return JSONLReader(lines: lines, file: file)
  case .csv: return CSVTranscriptReader(lines: lines, file: file)
  case .text: return TextTranscriptReader(lines: lines, file: file)
  }
}
