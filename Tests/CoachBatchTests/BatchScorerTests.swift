import CoachGuidelines
import Foundation
import Synchronization
import Testing

@testable import CoachBatch

@Suite("Batch scorer")
struct BatchScorerTests {
  static let allFixtures = ["replies.jsonl", "malformed.jsonl", "chats.csv", "invalid-utf8.csv", "transcripts.txt", "escapes.jsonl"]

  /// A larger generated input: many small units cross the workers in every order.
  static func generated(_ count: Int) -> [UInt8] {
    var text = ""
    let replies = ["불편을 드려 죄송합니다.", "확인해 보겠습니다.", "불편하셨다면 죄송합니다.", "I'm sorry it was late.", "환불은 안 돼."]
    for i in 0..<count {
      if i % 37 == 5 {
        text += "{broken \(i)\n"
      } else if i % 3 == 0 {
        text += #"{"id":"c\#(i)","company_at_fault":\#(i % 2 == 0),"turns":[{"role":"customer","text":"왜 이렇게 늦어요? \#(i)"},{"role":"agent","text":"\#(replies[i % 5])"},{"role":"agent","text":"\#(replies[(i + 1) % 5])"}]}"# + "\n"
      } else {
        text += #"{"id":"r\#(i)","text":"\#(replies[i % 5]) \#(i)","company_at_fault":\#(i % 2 == 0)}"# + "\n"
      }
    }
    return Array(text.utf8)
  }

  @Test("Output with --jobs 2 (and 3) is byte for byte the output with --jobs 1, in every format", arguments: OutputFormat.allCases)
  func ordered(format: OutputFormat) throws {
    // Every fixture with the real evaluator.
    let fixtureInputs = BatchScorerTests.allFixtures.map { BatchInput.file(fixture($0)) }
    let one = try runBatch(fixtureInputs, format: format, jobs: 1, unitRecords: 2)
    let two = try runBatch(fixtureInputs, format: format, jobs: 2, unitRecords: 2)
    #expect(two.bytes == one.bytes, "fixtures, \(format)")
    // Many small units, with a stand-in whose time varies per reply so that workers finish out
    // of order (the real evaluator is slow in debug builds).
    let generated = [BatchInput.bytes(BatchScorerTests.generated(400), name: "gen.jsonl", chunk: 997)]
    let reference = try runBatch(generated, format: format, jobs: 1, unitRecords: 3, evaluate: jitteryEvaluate)
    for jobs in [2, 3] {
      let many = try runBatch(generated, format: format, jobs: jobs, unitRecords: 3, evaluate: jitteryEvaluate)
      #expect(many.bytes == reference.bytes, "jobs \(jobs), \(format)")
    }
    #expect(reference.result.summary.records + reference.result.summary.errors > 390)
  }

  @Test("JSONL: one line per record in input order; bad records are error entries naming file and line")
  func errorEntries() throws {
    let (output, _, result) = try runBatch([.file(fixture("malformed.jsonl"))], jobs: 2, unitRecords: 1)
    let objects = try jsonLines(output)
    let errors = objects.filter { $0["error"] != nil }
    #expect(errors.map { $0["line"] as? Int } == [2, 3, 4, 5, 6])
    #expect(errors.allSatisfy { ($0["file"] as? String)?.hasSuffix("malformed.jsonl") == true && $0.count == 3 })
    #expect(objects.compactMap { $0["id"] as? String } == ["ok1", "c9", "utf", "ok2"])
    #expect(result.errors == 5)
    #expect(result.summary.records + result.summary.unscored == 4)
  }

  @Test("An unreadable input is an error entry without a line; the other inputs are scored")
  func unreadable() throws {
    let (output, _, result) = try runBatch([.file("/nonexistent/chats.jsonl"), .file(fixture("replies.jsonl"))])
    let objects = try jsonLines(output)
    #expect(objects[0]["file"] as? String == "/nonexistent/chats.jsonl")
    #expect(objects[0]["line"] is NSNull)
    #expect((objects[0]["error"] as? String)?.contains("No such file") == true)
    #expect(objects.count == 6)
    #expect(result.errors == 1)
  }

  @Test("Formats come from the extension, else from the content; --input-format overrides")
  func formatResolution() throws {
    let csv = Array(FileManager.default.contents(atPath: fixture("chats.csv"))!)
    let sniffed = try runBatch([.bytes(csv, name: "-")])
    #expect(sniffed.result.summary.conversations == 2)
    let forced = try runBatch([.bytes(csv, name: "chats.jsonl")], inputFormat: .csv)
    #expect(forced.result.summary.conversations == 2)
    let wrong = try runBatch([.bytes(csv, name: "chats.jsonl")])
    #expect(wrong.result.errors > 0)
  }

  @Test("Progress arrives in order and ends at the input size")
  func progress() throws {
    let bytes = BatchScorerTests.generated(200)
    let seen = Mutex<[BatchProgress]>([])
    let scorer = BatchScorer(evaluate: jitteryEvaluate, options: BatchOptions(jobs: 2, unitRecords: 5))
    _ = try scorer.run([.bytes(bytes, name: "g.jsonl")], to: MemorySink()) { p in seen.withLock { $0.append(p) } }
    let all = seen.withLock { $0 }
    #expect(all.map(\.bytes) == all.map(\.bytes).sorted())
    #expect(all.last?.bytes == bytes.count)
    #expect(all.last?.records == 200)  // 194 records and 6 error entries
  }

  @Test("Cancelling stops reading: what was read is written and the result says interrupted")
  func cancel() throws {
    let scorer = BatchScorer(evaluate: cannedEvaluate, options: BatchOptions(jobs: 2, unitRecords: 1))
    scorer.cancel()
    let sink = MemorySink()
    let result = try scorer.run([.bytes(BatchScorerTests.generated(100), name: "g.jsonl")], to: sink)
    #expect(result.interrupted)
    #expect(result.summary.records == 0)
  }

  @Test("The ordered pipeline keeps submission order whatever order workers finish in")
  func pipelineOrder() {
    let collected = Mutex<[Int]>([])
    let pipeline = OrderedPipeline<Int, Int>(
      workers: 3, window: 4,
      transform: { value in
        usleep(UInt32((value * 7919) % 5) * 300)
        return value
      },
      consume: { value in collected.withLock { $0.append(value) } })
    for i in 0..<200 { pipeline.submit(i) }
    pipeline.finish()
    #expect(collected.withLock { $0 } == Array(0..<200))
  }
}
