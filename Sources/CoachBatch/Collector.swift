import Synchronization

/// Writes results in order and aggregates the summary (the writer thread, or the caller's
/// thread with one job).
final class Collector: @unchecked Sendable {
  let options: BatchOptions
  let sink: ByteSink
  let progress: (@Sendable (BatchProgress) -> Void)?
  var summary: BatchSummary
  var records = 0
  private let failure = Mutex<OutputError?>(nil)

  init(options: BatchOptions, sink: ByteSink, inputs: [String], progress: (@Sendable (BatchProgress) -> Void)?) {
    self.options = options
    self.sink = sink
    self.progress = progress
    summary = BatchSummary(inputs: inputs)
  }

  var failed: Bool { failure.withLock { $0 != nil } }

  private func record(_ error: OutputError) {
    failure.withLock { if $0 == nil { $0 = error } }
  }

  func start() {
    guard options.format == .csv else { return }
    do throws(OutputError) {
      if options.byteOrderMark { try sink.write(CSVOutput.byteOrderMark) }
      try sink.write(CSVOutput.headerRow())
    } catch {
      record(error)
    }
  }

  func consume(_ result: UnitResult) {
    if !result.output.isEmpty && !failed {
      do throws(OutputError) { try sink.write(result.output) } catch { record(error) }
    }
    for entry in result.entries {
      records += 1
      switch entry {
      case .digest(let digest): summary.add(digest)
      case .error(let error): summary.add(error: error)
      }
    }
    progress?(BatchProgress(bytes: result.endOffset, records: records, errors: summary.errors))
  }

  func finish() throws(OutputError) {
    if let error = failure.withLock({ $0 }) { throw error }
    switch options.format {
    case .md: try sink.write(Array(MarkdownReport.render(summary, title: options.title).utf8))
    case .html: try sink.write(Array(HTMLReport.render(summary, title: options.title).utf8))
    case .jsonl, .csv: break
    }
    try sink.flush()
  }
}
