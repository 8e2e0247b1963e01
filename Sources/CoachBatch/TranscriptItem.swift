/// What a transcript reader produces: something to score, or an error entry.
public enum TranscriptItem: Sendable, Hashable {
  case reply(ReplyRecord, RecordSource)
  case conversation(Conversation, RecordSource)
  case error(RecordError)

  public var source: RecordSource? {
    switch self {
    case .reply(_, let source), .conversation(_, let source): source
    case .error(let error): error.line.map { RecordSource(file: error.file, line: $0) }
    }
  }
}
