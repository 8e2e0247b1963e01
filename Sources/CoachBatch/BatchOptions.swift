import Foundation

/// How a batch runs.
public struct BatchOptions: Sendable {
  /// Worker threads that score (default: the active processor count). With 1, everything
  /// runs on the calling thread.
  public var jobs: Int
  public var format: OutputFormat
  /// The input format for every input, or `nil` to decide per input (extension, then content).
  public var inputFormat: InputFormat?
  /// Start CSV output with a UTF-8 byte-order mark (for Excel).
  public var byteOrderMark: Bool
  /// A work unit holds about this many input bytes …
  public var unitBytes: Int
  /// … or at most this many records.
  public var unitRecords: Int
  /// Work units in flight per job (queued, scoring, or waiting to be written in order).
  public var unitsPerJob: Int
  /// Longer lines (or CSV records) are reported and skipped.
  public var maxLineBytes: Int
  /// Bytes read from an input at a time.
  public var readChunk: Int
  /// The report title (md, html).
  public var title: String

  public init(
    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, format: OutputFormat = .jsonl, inputFormat: InputFormat? = nil,
    byteOrderMark: Bool = false, unitBytes: Int = 64 << 10, unitRecords: Int = 256, unitsPerJob: Int = 4,
    maxLineBytes: Int = 64 << 20, readChunk: Int = 1 << 20, title: String = "ReplyCoach batch report"
  ) {
    self.jobs = max(1, jobs)
    self.format = format
    self.inputFormat = inputFormat
    self.byteOrderMark = byteOrderMark
    self.unitBytes = max(1, unitBytes)
    self.unitRecords = max(1, unitRecords)
    self.unitsPerJob = max(1, unitsPerJob)
    self.maxLineBytes = maxLineBytes
    self.readChunk = readChunk
    self.title = title
  }
}
