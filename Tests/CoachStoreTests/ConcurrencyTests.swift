import Foundation
import Testing

@testable import CoachStore

@Suite("Two coaches on one store")
struct ConcurrencyTests {
  /// Runs `work` on a new thread (a real one, not the test's cooperative pool, since SQLite
  /// blocks while it waits for a lock) and returns what it returned or threw.
  private func onThread<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async -> Result<Value, any Error> {
    await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: Result { try work() }) }.start()
    }
  }

  @Test("two connections on two threads each save 50 turns into a new store at once: all 100 are there")
  func concurrentTurns() async throws {
    let folder = try TemporaryFolder()
    let path = folder.file("shared/progress.sqlite")
    @Sendable func practise(_ trainee: String) throws -> Int64 {
      // Each thread opens its own connection; both race to create and migrate the new file.
      let store = try ProgressStore(path: path)
      let session = try Fixture.start(store, trainee: trainee)
      let finding = FindingRecord(
        rule: "ko.empathy.feeling", category: "empathy", kind: "strength", severity: "info", start: 0, end: 4,
        excerpt: "불편하셨죠", message: "감정을 알아주었습니다")
      for index in 1...50 {
        try store.recordTurn(sessionID: session, turn: Fixture.turn(
          index, scores: ["empathy": index, "apology": 100 - index], findings: [finding, finding],
          reply: "\(trainee) 답변 \(index)"))
      }
      try store.finishSession(sessionID: session, endingID: "end", endingKind: "resolved", overall: 70, endedAt: Date())
      return session
    }
    async let first = onThread { try practise("김민지") }
    async let second = onThread { try practise("이서준") }
    let sessions = try [await first.get(), await second.get()]

    let store = try ProgressStore(path: path)
    for (session, trainee) in zip(sessions, ["김민지", "이서준"]) {
      let turns = try store.turns(sessionID: session)
      #expect(turns.map(\.index) == Array(1...50))
      #expect(turns.allSatisfy { $0.reply.hasPrefix(trainee) && $0.categories.count == 9 && $0.findings.count == 2 })
    }
    #expect(try store.integer("SELECT count(*) FROM turn") == 100)
    #expect(try store.integer("SELECT count(*) FROM turn_score") == 900)
    #expect(try store.integer("SELECT count(*) FROM finding") == 200)
    #expect(try store.text("PRAGMA integrity_check") == "ok")
    #expect(try store.integer("SELECT count(*) FROM pragma_foreign_key_check") == 0)
  }
}
