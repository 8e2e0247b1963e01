/// Where a record came from: the file (as given on the command line, `-` for standard input)
/// and the 1-based line where the record starts.
public struct RecordSource: Sendable, Hashable, CustomStringConvertible {
  public var file: String
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  public var description: String { "\(file):\(line)" }
}

/// A problem with one record or line of the input: reported as an error entry, the rest goes on.
public struct RecordError: Sendable, Hashable, Error {
  public var message: String
  public var file: String
  /// 1-based line; `nil` when the problem concerns the whole file (e.g. it cannot be opened).
  public var line: Int?

  public init(_ message: String, file: String, line: Int?) {
    self.message = message
    self.file = file
    self.line = line
  }

  public init(_ message: String, at source: RecordSource) {
    self.init(message, file: source.file, line: source.line)
  }
}
