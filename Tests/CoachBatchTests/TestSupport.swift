import CoachGuidelines
import Foundation
import Testing

@testable import CoachBatch

/// The repository root, found from this file's path.
let repositoryRoot: String = {
  var url = URL(fileURLWithPath: #filePath)
  for _ in 0..<3 { url.deleteLastPathComponent() }
  return url.path
}()

let fixtures = repositoryRoot + "/Tests/CoachBatchTests/Fixtures"

func fixture(_ name: String) -> String { fixtures + "/" + name }

/// The bundled guideline packs, loaded once for all tests.
let sharedEvaluator: Evaluator = Evaluator(library: GuidelineLibrary.load(directories: [repositoryRoot + "/Guidelines"]))

/// Runs a batch in memory and returns its output text and result.
func runBatch(
  _ inputs: [BatchInput], format: OutputFormat = .jsonl, jobs: Int = 1, unitRecords: Int = 256, bom: Bool = false,
  inputFormat: InputFormat? = nil, evaluate: ReplyEvaluating? = nil
) throws -> (output: String, bytes: [UInt8], result: BatchResult) {
  let options = BatchOptions(jobs: jobs, format: format, inputFormat: inputFormat, byteOrderMark: bom, unitBytes: 4096, unitRecords: unitRecords)
  let scorer = evaluate.map { BatchScorer(evaluate: $0, options: options) } ?? BatchScorer(evaluator: sharedEvaluator, options: options)
  let sink = MemorySink()
  let result = try scorer.run(inputs, to: sink)
  return (sink.text, sink.bytes, result)
}

/// Parses JSONL output into objects (Foundation is fine in tests).
func jsonLines(_ text: String) throws -> [[String: Any]] {
  try text.split(separator: "\n").map { line in
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
    guard let dictionary = object as? [String: Any] else { throw TestFailure("not an object: \(line)") }
    return dictionary
  }
}

struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Records every evaluator call (reply and context) and answers with a fixed evaluation.
final class RecordingEvaluator: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var calls: [(reply: String, context: EvaluationContext, id: String?)] = []

  var evaluate: ReplyEvaluating {
    { [self] reply, context, id in
      lock.lock()
      calls.append((reply, context, id))
      lock.unlock()
      return sharedEvaluator.evaluate(reply, context: context, id: id)
    }
  }
}

/// Items of one fixture read through a reader with tiny chunks (to cross chunk boundaries).
func readItems(_ name: String, chunk: Int = 7, lineChunk: Int = 16, format: InputFormat? = nil) throws -> [TranscriptItem] {
  let bytes = Array(FileManager.default.contents(atPath: fixture(name))!)
  return try TranscriptFile.items(of: .bytes(bytes, name: name, format: format, chunk: chunk), lineChunk: lineChunk)
}

extension TranscriptItem {
  var conversation: Conversation? {
    if case .conversation(let c, _) = self { return c }
    return nil
  }
  var reply: ReplyRecord? {
    if case .reply(let r, _) = self { return r }
    return nil
  }
  var recordError: RecordError? {
    if case .error(let e) = self { return e }
    return nil
  }
}

/// A stand-in evaluator: every reply judged (tone 90, apology 70), for tests about the pipeline.
let cannedEvaluate: ReplyEvaluating = { _, context, id in
  Evaluation(
    id: id, language: context.language ?? .ko, overall: 80, speechLevel: .formal,
    categories: Category.allCases.map { CategoryResult(score: $0 == .tone ? 90 : $0 == .apology ? 70 : nil, detected: $0 == .apology) },
    findings: [])
}

/// A stand-in evaluator whose verdict and time depend on the reply: overall and findings vary,
/// and some replies take a little longer, so parallel workers finish out of order.
let jitteryEvaluate: ReplyEvaluating = { reply, context, id in
  let weight = reply.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF }
  if weight % 7 == 0 { usleep(UInt32(weight % 5) * 200) }
  let score = weight % 101
  let findings =
    weight % 3 == 0
    ? [Finding(rule: "test.rule-\(weight % 4)", category: .apology, kind: .issue, severity: weight % 5 == 0 ? .critical : .warning,
        start: 0, end: min(2, reply.unicodeScalars.count), excerpt: String(reply.prefix(2)), message: "m\(weight % 4)", suggestion: nil, points: -30)]
    : []
  return Evaluation(
    id: id, language: context.language ?? .ko, overall: findings.first?.severity == .critical ? min(score, 40) : score,
    speechLevel: weight % 2 == 0 ? .formal : .polite,
    categories: Category.allCases.map { CategoryResult(score: $0 == .apology ? score : $0 == .tone ? 100 - score / 2 : nil, detected: $0 == .apology && score > 50) },
    findings: findings)
}
