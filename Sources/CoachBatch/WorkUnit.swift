/// A slice of the input, handed to a worker.
struct WorkUnit: Sendable {
  enum Item: Sendable {
    /// A JSONL line still to decode: its bytes in `buffer`, and its line number.
    case raw(Range<Int>, Int)
    case item(TranscriptItem)
  }

  var file: String
  var buffer: [UInt8] = []
  var items: [Item] = []
  /// Input bytes read through the end of this unit (across all inputs).
  var endOffset = 0
}

/// A scored unit: its serialised output and what the report needs.
struct UnitResult: Sendable {
  enum Entry: Sendable {
    case digest(RecordDigest)
    case error(RecordError)
  }

  var output: [UInt8] = []
  var entries: [Entry] = []
  var endOffset: Int
}

extension TranscriptItem {
  /// Roughly how many bytes of text the item holds (for sizing work units).
  var approximateSize: Int {
    switch self {
    case .reply(let r, _): r.text.utf8.count + (r.customerMessage?.utf8.count ?? 0) + 32
    case .conversation(let c, _): c.turns.reduce(32) { $0 + $1.text.utf8.count + 16 }
    case .error: 64
    }
  }
}
