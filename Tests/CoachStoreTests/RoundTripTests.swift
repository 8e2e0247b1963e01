import Foundation
import Testing

@testable import CoachStore

@Suite("Saving and reading sessions")
struct RoundTripTests {
  private let finding = FindingRecord(
    rule: "ko.apology.sincere", category: "apology", kind: "strength", severity: "info", start: 7, end: 16,
    excerpt: "정말 죄송합니다", message: "사과가 분명합니다, \"진심\"이 느껴집니다.\n")

  @Test("a session with Korean text, scores and findings comes back exactly as saved")
  func roundTrip() throws {
    let folder = try TemporaryFolder()
    let store = try ProgressStore(path: folder.file("progress.sqlite"))
    let session = try store.startSession(
      trainee: "김민지", scenarioID: "late-delivery-angry", scenarioHash: "sha256:abc", scenarioTitle: "배송 지연에 화난 고객",
      language: "ko", seed: UInt64.max, startedAt: Fixture.date(day: 3))
    let first = Fixture.turn(
      1, scores: ["empathy": 80, "apology": 95, "tone": 0], overall: 77, findings: [finding, finding],
      at: Fixture.date(day: 3, hour: 10))
    var second = Fixture.turn(2, scores: ["gratitude": 60], overall: 55, at: Fixture.date(day: 3, hour: 11))
    second.speechLevel = nil
    second.reply = "Thanks, \"quoted\", with\nnewline"
    try store.recordTurn(sessionID: session, turn: first)
    try store.recordTurn(sessionID: session, turn: second)
    try store.finishSession(
      sessionID: session, endingID: "refund-accepted", endingKind: "resolved", overall: 66, endedAt: Fixture.date(day: 3, hour: 12))

    #expect(try store.turns(sessionID: session) == [first, second])
    let stored = try #require(try store.session(id: session))
    #expect(stored == SessionRecord(
      id: session, trainee: "김민지", scenarioID: "late-delivery-angry", scenarioHash: "sha256:abc",
      scenarioTitle: "배송 지연에 화난 고객", language: "ko", seed: UInt64.max, startedAt: Fixture.date(day: 3),
      endedAt: Fixture.date(day: 3, hour: 12), status: .completed, endingID: "refund-accepted", endingKind: "resolved",
      overall: 66, turnCount: 2))
    #expect(try store.sessions(trainee: "김민지") == [stored])
    #expect(try store.trainees() == [TraineeRecord(name: "김민지", createdAt: Fixture.date(day: 3))])
  }

  @Test("a trainee's name is matched in NFC and without surrounding spaces")
  func traineeNameNormalised() throws {
    let folder = try TemporaryFolder()
    let store = try ProgressStore(path: folder.file("progress.sqlite"))
    let decomposed = "김민지".decomposedStringWithCanonicalMapping
    #expect(Array(decomposed.utf8) != Array("김민지".utf8))
    _ = try Fixture.start(store, trainee: "  \(decomposed)\n")
    _ = try Fixture.start(store, trainee: "김민지")
    #expect(try store.trainees().map(\.name) == ["김민지"])
    #expect(try store.sessions(trainee: decomposed).count == 2)
  }

  @Test("abandoning keeps the turns, is idempotent, and does not touch a completed session")
  func abandon() throws {
    let folder = try TemporaryFolder()
    let store = try ProgressStore(path: folder.file("progress.sqlite"))
    let session = try Fixture.start(store)
    try store.recordTurn(sessionID: session, turn: Fixture.turn(1, scores: ["empathy": 50]))
    #expect(try store.abandonSession(sessionID: session, endedAt: Fixture.date(day: 1)))
    #expect(try !store.abandonSession(sessionID: session, endedAt: Fixture.date(day: 2)))
    let stored = try #require(try store.session(id: session))
    #expect(stored.status == .abandoned && stored.endedAt == Fixture.date(day: 1) && stored.turnCount == 1)

    let finished = try Fixture.start(store)
    try store.finishSession(sessionID: finished, endingID: "end", endingKind: "resolved", overall: 80, endedAt: Fixture.date(day: 1))
    #expect(try !store.abandonSession(sessionID: finished, endedAt: Fixture.date(day: 2)))
    #expect(try store.session(id: finished)?.status == .completed)
  }

  @Test("requests that cannot be carried out are refused with a clear message and save nothing")
  func invalidRequests() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("progress.sqlite")
    let store = try ProgressStore(path: path)
    let session = try Fixture.start(store)
    try store.recordTurn(sessionID: session, turn: Fixture.turn(1))

    func refusal(_ body: () throws -> Void) throws -> String {
      let error = try #require(throws: StoreError.self) { try body() }
      #expect(error.reason == .invalidRequest)
      #expect(error.path == path)
      return error.description
    }
    #expect(try refusal { try store.recordTurn(sessionID: session, turn: Fixture.turn(1)) }
      == "cannot save turn 1 in progress store '\(path)': turn 1 of session \(session) is already saved")
    #expect(try refusal { try store.recordTurn(sessionID: 999, turn: Fixture.turn(2)) }.hasSuffix("there is no session 999"))
    var unknown = Fixture.turn(2)
    unknown.findings = [FindingRecord(
      rule: "x", category: "politeness", kind: "issue", severity: "info", start: 0, end: 1, excerpt: "x", message: "x")]
    #expect(try refusal { try store.recordTurn(sessionID: session, turn: unknown) }
      .contains("unknown category 'politeness'; expected one of empathy, gratitude, apology"))
    var twice = Fixture.turn(2)
    twice.categories.append(CategoryScore(name: "empathy", score: 1, detected: true))
    #expect(try refusal { try store.recordTurn(sessionID: session, turn: twice) }.contains("'empathy' is scored twice"))
    #expect(try refusal { _ = try Fixture.start(store, trainee: " \t") }.hasSuffix("the trainee's name is empty"))

    try store.finishSession(sessionID: session, endingID: "e", endingKind: "left", overall: 10, endedAt: Fixture.date(day: 1))
    #expect(try refusal { try store.recordTurn(sessionID: session, turn: Fixture.turn(2)) }
      .hasSuffix("session \(session) is already completed"))
    #expect(try refusal {
      try store.finishSession(sessionID: session, endingID: "e", endingKind: "left", overall: 10, endedAt: Fixture.date(day: 1))
    }.hasSuffix("session \(session) is already completed"))

    #expect(try store.turns(sessionID: session).map(\.index) == [1])
    #expect(try store.integer("SELECT count(*) FROM turn_score") == 9)
    #expect(try store.integer("SELECT count(*) FROM finding") == 0)
  }
}
