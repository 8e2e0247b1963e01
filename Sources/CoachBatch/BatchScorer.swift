import CoachGuidelines
import Foundation
import Synchronization

/// Scores transcripts in bulk: streaming, parallel, output in input order, bounded memory.
///
/// ```swift
/// let scorer = BatchScorer(evaluator: evaluator, options: BatchOptions(jobs: 2, format: .jsonl))
/// let result = try scorer.run([.file("chats.csv")], to: FileDescriptorSink.standardOutput())
/// if result.errors > 0 { … }
/// ```
///
/// The calling thread reads and splits the input into work units (JSONL lines are decoded by the
/// workers; CSV and text records are parsed while reading, since quotes and speaker lines carry
/// state across lines). `jobs` workers score units and serialise their output; one writer thread
/// writes units in order and aggregates the report. At most `jobs × unitsPerJob` units are in
/// flight, so memory does not grow with the input. The library never writes to a terminal:
/// progress goes to the callback, from the writer thread.
public final class BatchScorer: Sendable {
  /// The scorer of each worker (by worker index; 0 with one job).
  let makeScorer: @Sendable (Int) -> ConversationScorer
  public let options: BatchOptions
  private let cancelled = Atomic<Bool>(false)

  /// Every worker shares `evaluator`.
  public init(evaluator: Evaluator, options: BatchOptions = BatchOptions()) {
    let scorer = ConversationScorer(evaluator: evaluator)
    makeScorer = { _ in scorer }
    self.options = options
  }

  /// Each worker gets its own evaluator, made on the worker's thread when it starts: for
  /// instance one with its own copy of the packs, so that threads do not contend for the
  /// reference counts of shared rule data.
  public init(evaluatorForWorker: @escaping @Sendable (Int) -> Evaluator, options: BatchOptions = BatchOptions()) {
    makeScorer = { index in ConversationScorer(evaluator: evaluatorForWorker(index)) }
    self.options = options
  }

  /// A scorer with a stand-in for the evaluator (benchmarks measure the pipeline alone).
  public init(evaluate: @escaping ReplyEvaluating, options: BatchOptions = BatchOptions()) {
    let scorer = ConversationScorer(evaluate: evaluate)
    makeScorer = { _ in scorer }
    self.options = options
  }

  /// Stops reading; records already read are still scored and written. Safe from any thread
  /// (a signal handler's dispatch source, for instance).
  public func cancel() {
    cancelled.store(true, ordering: .relaxed)
  }

  public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

  /// Scores every input in order and writes the output to `sink`.
  ///
  /// Problems with records (malformed JSON, wrong CSV field count, unknown role, invalid UTF-8)
  /// and unreadable inputs become error entries; only a failing `sink` throws.
  public func run(_ inputs: [BatchInput], to sink: ByteSink, progress: (@Sendable (BatchProgress) -> Void)? = nil) throws(OutputError)
    -> BatchResult
  {
    let collector = Collector(options: options, sink: sink, inputs: inputs.map(\.name), progress: progress)
    collector.start()
    let format = options.format
    var totalBytes = 0
    if options.jobs == 1 {
      let scorer = makeScorer(0)
      totalBytes = read(inputs) { unit in
        guard !collector.failed else { return }
        collector.consume(BatchScorer.process(unit, scorer: scorer, format: format))
      }
    } else {
      let pipeline = OrderedPipeline<WorkUnit, UnitResult>(
        workers: options.jobs, window: options.jobs * options.unitsPerJob,
        makeTransform: { [makeScorer] index in
          let scorer = makeScorer(index)
          return { unit in BatchScorer.process(unit, scorer: scorer, format: format) }
        },
        consume: { collector.consume($0) })
      totalBytes = read(inputs) { unit in
        if collector.failed { cancel() }
        pipeline.submit(unit)
      }
      pipeline.finish()
    }
    try collector.finish()
    return BatchResult(summary: collector.summary, interrupted: isCancelled, bytes: totalBytes)
  }

  // MARK: - Reading

  /// Reads every input into work units; returns the bytes read.
  private func read(_ inputs: [BatchInput], submit: (WorkUnit) -> Void) -> Int {
    var before = 0
    for input in inputs {
      if isCancelled { break }
      var unit = WorkUnit(file: input.name)
      var lines: LineReader
      var format: InputFormat
      do throws(InputError) {
        lines = LineReader(source: try input.open(), chunkSize: options.readChunk, maxLineBytes: options.maxLineBytes)
        if let given = options.inputFormat {
          format = given
        } else {
          format = try input.resolvedFormat(&lines)
        }
      } catch {
        unit.items.append(.item(.error(RecordError(error.reason, file: input.name, line: nil))))
        unit.endOffset = before
        submit(unit)
        continue
      }
      func flush(_ consumed: Int) {
        unit.endOffset = before + consumed
        submit(unit)
        unit = WorkUnit(file: input.name)
      }
      var consumed = 0
      do throws(InputError) {
        if format == .jsonl {
          while !isCancelled, let line = try lines.next() {
            if line.isOverlong {
              unit.items.append(
                .item(.error(RecordError("line is longer than \(options.maxLineBytes) bytes; skipped", file: input.name, line: line.number))))
            } else {
              let start = unit.buffer.count
              unit.buffer.append(contentsOf: lines.buffer[line.range])
              unit.items.append(.raw(start..<unit.buffer.count, line.number))
            }
            if unit.buffer.count >= options.unitBytes || unit.items.count >= options.unitRecords { flush(lines.consumed) }
          }
          consumed = lines.consumed
        } else {
          var reader = makeReader(format: format, lines: lines, file: input.name)
          var size = 0
          while !isCancelled, let item = try reader.next() {
            unit.items.append(.item(item))
            size += item.approximateSize
            if size >= options.unitBytes || unit.items.count >= options.unitRecords {
              flush(reader.bytesConsumed)
              size = 0
            }
          }
          consumed = reader.bytesConsumed
        }
      } catch {
        unit.items.append(.item(.error(RecordError(error.reason, file: input.name, line: nil))))
      }
      flush(consumed)
      before += consumed
    }
    return before
  }

  // MARK: - Scoring (worker threads)

  static func process(_ unit: WorkUnit, scorer: ConversationScorer, format: OutputFormat) -> UnitResult {
    var result = UnitResult(endOffset: unit.endOffset)
    var json = JSONOutput(capacity: format == .jsonl ? unit.buffer.count * 8 : 0)
    var csv: [UInt8] = []
    func emit(_ item: TranscriptItem) {
      switch item {
      case .error(let error):
        result.entries.append(.error(error))
        switch format {
        case .jsonl:
          json.error(error)
          json.byte(0x0A)
        case .csv: CSVOutput.error(error, to: &csv)
        case .md, .html: break
        }
      case .reply(let record, let source):
        let evaluation = scorer.score(record)
        result.entries.append(.digest(RecordDigest(reply: evaluation, record: record, source: source)))
        switch format {
        case .jsonl:
          json.evaluation(evaluation)
          json.byte(0x0A)
        case .csv: CSVOutput.reply(evaluation, record: record, source: source, to: &csv)
        case .md, .html: break
        }
      case .conversation(let conversation, let source):
        let evaluation = scorer.score(conversation)
        result.entries.append(.digest(RecordDigest(conversation: evaluation, source: source)))
        switch format {
        case .jsonl:
          json.conversation(evaluation)
          json.byte(0x0A)
        case .csv: CSVOutput.conversation(evaluation, source: source, to: &csv)
        case .md, .html: break
        }
      }
    }
    unit.buffer.withUnsafeBufferPointer { buffer in
      for item in unit.items {
        switch item {
        case .raw(let range, let number):
          let source = RecordSource(file: unit.file, line: number)
          for decoded in JSONLDecoder.decode(line: UnsafeBufferPointer(rebasing: buffer[range]), source: source) { emit(decoded) }
        case .item(let transcriptItem):
          emit(transcriptItem)
        }
      }
    }
    result.output = format == .csv ? csv : json.bytes
    return result
  }
}
