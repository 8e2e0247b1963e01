import CoachBatch
import CoachDiagnostics
import CoachGuidelines
import CoachTerminal
import Dispatch
import Foundation

/// `coach score`: batch-score transcripts (JSONL, CSV, text) into JSONL, CSV, Markdown or HTML.
///
/// The work is in `CoachBatch.BatchScorer`; this command parses options, owns the progress bar
/// on stderr, turns Ctrl-C into a clean stop, and decides the exit status.
struct ScoreCommand {
  let cli: CoachCLI
  let arguments: ParsedArguments

  func run() throws -> ExitStatus {
    let format = OutputFormat(rawValue: arguments.value("format") ?? "jsonl") ?? .jsonl
    let inputFormatName = arguments.value("input-format") ?? "auto"
    let inputFormat = inputFormatName == "auto" ? nil : InputFormat(rawValue: inputFormatName)
    let jobs = try arguments.int("jobs") ?? ProcessInfo.processInfo.activeProcessorCount
    let failUnder = try arguments.int("fail-under")
    let bom = arguments.flag("bom")
    if bom && format != .csv {
      throw UsageError.invalid("--bom applies to --format csv only", command: arguments.command)
    }
    var files = arguments.positionals("file")
    if files.isEmpty { files = ["-"] }
    if files.filter({ $0 == "-" }).count > 1 {
      throw UsageError.invalid("standard input ('-') can be read only once", command: arguments.command)
    }

    let library = try cli.loadGuidelines(extra: arguments.values("guidelines"))
    let sink: FileDescriptorSink
    if let path = arguments.value("out") {
      do { sink = try FileDescriptorSink(path: path) } catch { throw CLIError(error.description, status: .failure) }
    } else {
      sink = FileDescriptorSink.standardOutput()
    }
    let inputs = files.map { BatchInput.file($0) }
    // Each worker gets its own compiled packs: evaluators on two threads sharing one pack
    // contend on its reference counts (measured: up to a third more CPU per reply).
    let directories = library.directories
    let scorer = BatchScorer(
      evaluatorForWorker: { index in
        Evaluator(library: index == 0 ? library : GuidelineLibrary.load(directories: directories))
      },
      options: BatchOptions(jobs: jobs, format: format, inputFormat: inputFormat, byteOrderMark: bom))

    let sizes = inputs.map(\.size)
    let knownTotal = sizes.allSatisfy { $0 != nil } ? sizes.reduce(0) { $0 + ($1 ?? 0) } : nil
    let bar = ProgressBar(total: knownTotal, unit: knownTotal == nil ? .records("records") : .bytes, label: "scoring", output: cli.stderr)

    // Ctrl-C stops reading; what was read is still scored and written, then we exit 130.
    signal(SIGINT, SIG_IGN)
    let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    interrupt.setEventHandler { scorer.cancel() }
    interrupt.resume()
    defer {
      interrupt.cancel()
      signal(SIGINT, SIG_DFL)
    }

    let result: BatchResult
    do {
      result = try scorer.run(inputs, to: sink) { progress in
        bar.update(completed: knownTotal == nil ? progress.records : progress.bytes)
      }
    } catch {
      bar.finish()
      throw CLIError(error.description, status: .failure)
    }
    bar.finish()

    let summary = result.summary
    if isTerminal(STDERR_FILENO) {
      let mean = summary.meanOverall.map { String(format: "%.1f", $0) } ?? "–"
      cli.stderr.write("scored \(summary.records) record\(summary.records == 1 ? "" : "s") (\(summary.replies) replies); mean overall \(mean); \(summary.errors) error entr\(summary.errors == 1 ? "y" : "ies")\n")
    }
    if result.interrupted {
      cli.stderr.write(cli.paintError("interrupted: the records read before Ctrl-C were scored and written"))
      return .interrupted
    }
    if summary.errors > 0 {
      let first = summary.errorSamples.first.map { e in " (first: \(e.file)\(e.line.map { ":\($0)" } ?? ""): \(e.message))" } ?? ""
      cli.stderr.write(
        cli.paintError("\(summary.errors) bad record\(summary.errors == 1 ? "" : "s") or input\(summary.errors == 1 ? "" : "s"); each has an error entry naming file and line\(first)"))
      return .failure
    }
    if let gate = failUnder {
      guard let mean = summary.meanOverall else {
        cli.stderr.write(cli.paintError("--fail-under \(gate): nothing was scored"))
        return .inputProblems
      }
      if mean < Double(gate) {
        cli.stderr.write(cli.paintError(String(format: "mean overall score %.1f is below --fail-under %d", mean, gate)))
        return .inputProblems
      }
    }
    return .success
  }
}
