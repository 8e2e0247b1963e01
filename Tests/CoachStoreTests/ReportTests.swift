import Foundation
import Testing

@testable import CoachStore

/// A store with known numbers.
///
/// 김민지 completes 12 sessions, i = 0…11 on day i: even i on `late-delivery`, odd i on
/// `wrong-item`; overall 50 + 3i. Each has two turns: empathy 40 + 2i and 60 + 2i (session mean
/// 50 + 2i), apology 70 then unjudged, gratitude 30 then 50, plain language 50 then 30. Then one
/// abandoned session (day 12, one turn: gratitude 40, plain language 40) and one left active
/// (day 13, no turns). Alex completes one session (day 5): overall 90, empathy 100.
private struct KnownStore {
  let folder: TemporaryFolder
  let store: ProgressStore
  var sessionIDs: [Int64] = []

  init() throws {
    folder = try TemporaryFolder()
    store = try ProgressStore(path: folder.file("progress.sqlite"))
    for i in 0..<12 {
      let scenario = i.isMultiple(of: 2) ? "late-delivery" : "wrong-item"
      let id = try Fixture.start(store, scenario: scenario, title: scenario == "late-delivery" ? "배송 지연" : "잘못 온 상품",
                                 at: Fixture.date(day: i))
      try store.recordTurn(sessionID: id, turn: Fixture.turn(
        1, scores: ["empathy": 40 + 2 * i, "apology": 70, "gratitude": 30, "plain_language": 50],
        at: Fixture.date(day: i, hour: 10)))
      try store.recordTurn(sessionID: id, turn: Fixture.turn(
        2, scores: ["empathy": 60 + 2 * i, "gratitude": 50, "plain_language": 30], at: Fixture.date(day: i, hour: 11)))
      try store.finishSession(
        sessionID: id, endingID: "end", endingKind: "resolved", overall: 50 + 3 * i, endedAt: Fixture.date(day: i, hour: 12))
      sessionIDs.append(id)
    }
    let abandoned = try Fixture.start(store, scenario: "late-delivery", at: Fixture.date(day: 12))
    try store.recordTurn(sessionID: abandoned, turn: Fixture.turn(
      1, scores: ["gratitude": 40, "plain_language": 40], at: Fixture.date(day: 12, hour: 10)))
    try store.abandonSession(sessionID: abandoned, endedAt: Fixture.date(day: 12, hour: 11))
    _ = try Fixture.start(store, scenario: "wrong-item", at: Fixture.date(day: 13))

    let alex = try Fixture.start(store, trainee: "Alex", scenario: "late-delivery", at: Fixture.date(day: 5))
    try store.recordTurn(sessionID: alex, turn: Fixture.turn(1, scores: ["empathy": 100], at: Fixture.date(day: 5, hour: 10)))
    try store.finishSession(sessionID: alex, endingID: "end", endingKind: "resolved", overall: 90, endedAt: Fixture.date(day: 5, hour: 11))
  }
}

@Suite("Reports")
struct ReportTests {
  @Test("personal best and last overall, with and without the session just finished")
  func personalBestAndLast() throws {
    let known = try KnownStore()
    let store = known.store
    #expect(try store.personalBest(trainee: "김민지", scenarioID: "late-delivery") == 80)
    #expect(try store.personalBest(trainee: "김민지", scenarioID: "wrong-item") == 83)
    #expect(try store.personalBest(trainee: "김민지", scenarioID: "late-delivery", excluding: known.sessionIDs[10]) == 74)
    #expect(try store.lastOverall(trainee: "김민지", scenarioID: "late-delivery") == 80)
    #expect(try store.lastOverall(trainee: "김민지", scenarioID: "late-delivery", excluding: known.sessionIDs[10]) == 74)
    #expect(try store.personalBest(trainee: "김민지", scenarioID: "never-played") == nil)
    #expect(try store.lastOverall(trainee: "Nobody", scenarioID: "late-delivery") == nil)
  }

  @Test("the trainee report has exact averages, trends, bests and the weakest category")
  func traineeReport() throws {
    let report = try KnownStore().store.traineeReport(trainee: "김민지")
    #expect(report.trainee == "김민지")
    #expect(report.sessions.count == 14)
    #expect(report.sessions.map(\.session.status.reportLabel).suffix(3) == ["completed", "abandoned", "interrupted"])
    #expect(report.sessions[3].categories.first { $0.name == "empathy" }?.average == 56)

    let statistics = Dictionary(uniqueKeysWithValues: report.categories.map { ($0.name, $0) })
    #expect(report.categories.map(\.name) == Fixture.categories)
    #expect(statistics["empathy"] == .init(name: "empathy", average: 61, scoredTurns: 24, trend: 10))
    #expect(statistics["apology"] == .init(name: "apology", average: 70, scoredTurns: 12, trend: 0))
    #expect(statistics["gratitude"] == .init(name: "gratitude", average: 40, scoredTurns: 25, trend: 0))
    #expect(statistics["plain_language"] == .init(name: "plain_language", average: 40, scoredTurns: 25, trend: 0))
    #expect(statistics["tone"] == .init(name: "tone", average: nil, scoredTurns: 0, trend: nil))

    #expect(report.overallAverage == 66.5)
    #expect(report.overallTrend == 15)
    #expect(report.weakestCategory == "gratitude", "ties go to the earlier category; unjudged ones are skipped")
    #expect(report.recommendedScenario == nil)
    #expect(report.personalBests == [
      .init(scenarioID: "late-delivery", scenarioTitle: "배송 지연", best: 80, achievedAt: Fixture.date(day: 10), completedSessions: 6),
      .init(scenarioID: "wrong-item", scenarioTitle: "잘못 온 상품", best: 83, achievedAt: Fixture.date(day: 11), completedSessions: 6),
    ])
  }

  @Test("trends need ten sessions; the window is the last five against the five before")
  func trendWindow() {
    #expect(TraineeReport.trend(of: [1, 2, 3, 4, 5, 6, 7, 8, 9]) == nil)
    #expect(TraineeReport.trend(of: [100, 0, 0, 0, 0, 0, 10, 10, 10, 10, 10]) == 10)
    #expect(TraineeReport.trend(of: [90, 90, 90, 90, 90, 80, 80, 80, 80, 70]) == -12)
  }

  @Test("an unknown trainee gets an empty report, not an error")
  func emptyTraineeReport() throws {
    let folder = try TemporaryFolder()
    let report = try ProgressStore(path: folder.file("progress.sqlite")).traineeReport(trainee: "아무개")
    #expect(report.sessions.isEmpty && report.personalBests.isEmpty)
    #expect(report.categories.count == 9 && report.categories.allSatisfy { $0.average == nil && $0.trend == nil })
    #expect(report.weakestCategory == nil && report.overallAverage == nil && report.overallTrend == nil)
  }

  @Test("the team report has one row per trainee with counts, averages and last activity")
  func teamReport() throws {
    let report = try KnownStore().store.teamReport()
    #expect(report.categoryNames == Fixture.categories)
    #expect(report.rows.map(\.trainee) == ["Alex", "김민지"])
    let alex = report.rows[0], minji = report.rows[1]
    #expect(alex.sessionCount == 1 && alex.completedCount == 1 && alex.averageOverall == 90)
    #expect(alex.categories.map(\.average) == [100, nil, nil, nil, nil, nil, nil, nil, nil])
    #expect(alex.lastActive == Fixture.date(day: 5, hour: 11))
    #expect(minji.sessionCount == 14 && minji.completedCount == 12 && minji.averageOverall == 66.5)
    #expect(minji.categories.map(\.average) == [61, 40, 70, 40, nil, nil, nil, nil, nil])
    #expect(minji.lastActive == Fixture.date(day: 13))
  }

  @Test("the team report of an empty store has no rows")
  func emptyTeamReport() throws {
    let folder = try TemporaryFolder()
    let report = try ProgressStore(path: folder.file("progress.sqlite")).teamReport()
    #expect(report.rows.isEmpty && report.categoryNames.count == 9)
  }
}
