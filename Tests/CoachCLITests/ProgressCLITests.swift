import CoachStore
import Foundation
import Testing

/// `coach progress` on a store filled from the test: text (aligned with Korean names), JSON,
/// CSV (with and without a BOM), self-contained HTML, and an empty store.
@Suite("coach progress — through the real executable")
struct ProgressCLITests {
  static let categories = [
    "empathy", "gratitude", "apology", "plain_language", "ownership", "resolution", "personalization", "closing", "tone",
  ]

  /// 2025-01-01 plus `day` days, 09:00 UTC.
  static func date(_ day: Int, minute: Int = 0) -> Date {
    Date(timeIntervalSince1970: 1_735_722_000 + Double(day) * 86_400 + Double(minute) * 60)
  }

  /// A team: 김민지 with 12 sessions getting better (weak at apology), Alex Kim with two, and
  /// 이서연 whose only session was abandoned.
  static func makeStore(_ path: String) throws {
    let store = try ProgressStore(path: path)
    func play(_ trainee: String, _ scenario: String, _ title: String, _ language: String, day: Int, scores: [String: Int], ending: String?) throws {
      let session = try store.startSession(
        trainee: trainee, scenarioID: scenario, scenarioHash: "h-\(scenario)", scenarioTitle: title, language: language,
        seed: UInt64(day), startedAt: date(day))
      let overall = scores.values.reduce(0, +) / max(1, scores.count)
      try store.recordTurn(
        sessionID: session,
        turn: TurnRecord(
          index: 1, nodeID: "start", customerLine: "왜 아직도 안 와요?", reply: "정말 죄송합니다.", overall: overall, speechLevel: "formal",
          categories: categories.map { CategoryScore(name: $0, score: scores[$0], detected: (scores[$0] ?? 0) >= 80) },
          findings: [FindingRecord(rule: "ko.apology.sincere", category: "apology", kind: "strength", severity: "info", start: 3, end: 8, excerpt: "죄송합니다", message: "사과를 분명히 했습니다.")],
          recordedAt: date(day, minute: 1)))
      if let ending {
        try store.finishSession(sessionID: session, endingID: ending, endingKind: ending, overall: overall, endedAt: date(day, minute: 2))
      } else {
        try store.abandonSession(sessionID: session, endedAt: date(day, minute: 2))
      }
    }
    for day in 0..<12 {
      try play(
        "김민지", "late-delivery-angry", "일주일째 '배송 준비 중'인 운동화", "ko", day: day,
        scores: ["empathy": 60 + day * 3, "apology": 30 + day, "resolution": 70, "tone": 100], ending: day % 3 == 0 ? "escalated" : "resolved")
    }
    try play("Alex Kim", "charged-twice-angry", "Charged twice for one order", "en", day: 3, scores: ["empathy": 90, "apology": 80, "closing": 40], ending: "resolved")
    try play("Alex Kim", "blender-defect-angry", "Blender died after two weeks", "en", day: 5, scores: ["empathy": 70, "resolution": 90], ending: "resolved")
    try play("이서연", "double-charge-angry", "한 번 샀는데 두 번 빠져나간 카드값", "ko", day: 6, scores: ["tone": 40], ending: nil)
  }

  /// The store is filled once per test (each test has its own workspace).
  func workspaceWithStore() throws -> (CLI.Workspace, String) {
    let space = try CLI.Workspace()
    let path = space.path("team.sqlite")
    try Self.makeStore(path)
    return (space, path)
  }

  @Test("the team table as text: one row per trainee, columns aligned with Korean names two columns wide")
  func teamText() throws {
    let (space, store) = try workspaceWithStore()
    let result = try CLI.run(["progress", "--store", store], in: space)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("── Team progress") == true)
    #expect(result.stdout.contains("3 trainees · 15 sessions"))
    // The header line is trimmed at its end; the underline below it spans every column.
    let header = try #require(lines.first { $0.hasPrefix("  ─") })
    #expect(lines.contains { $0.hasPrefix("  trainee") && $0.contains("sessions") })
    let rows = lines.filter { $0.hasPrefix("  김민지") || $0.hasPrefix("  Alex Kim") || $0.hasPrefix("  이서연") }
    #expect(rows.count == 3)
    #expect(rows.map { String($0.prefix(5)) } == ["  Ale", "  김민지", "  이서연"], "sorted by name")
    let titles = try #require(lines.first { $0.hasPrefix("  trainee") })
    for row in rows {
      #expect(columns(row) <= columns(header), "no row is wider than the table: \(row)")
      #expect(startColumn(of: "2025-", in: row) == startColumn(of: "last active", in: titles), "dates line up: \(row)")
    }
    let minji = try #require(rows.first { $0.hasPrefix("  김민지") })
    #expect(minji.contains(" 12 "), "12 sessions")
    #expect(endColumn(of: " 12", in: minji) == endColumn(of: "sessions", in: titles), "right-aligned under 'sessions'")
    let seoyeon = try #require(rows.first { $0.hasPrefix("  이서연") })
    #expect(endColumn(of: "1", in: seoyeon) == endColumn(of: "sessions", in: titles))
    let alex = try #require(rows.first { $0.hasPrefix("  Alex Kim") })
    #expect(endColumn(of: "2", in: alex) == endColumn(of: "sessions", in: titles))
  }

  @Test("a trainee's report as text: summary, category bars and trends, weakest category with a scenario, personal bests, sessions")
  func traineeText() throws {
    let (space, store) = try workspaceWithStore()
    let result = try CLI.run(["progress", "--store", store, "--trainee", "김민지"], in: space)
    #expect(result.status == 0, "\(result.stderr)")
    let out = result.stdout
    #expect(out.hasPrefix("── 김민지 "))
    #expect(out.contains("12 sessions (12 completed)"))
    #expect(out.contains("Weakest category: apology (average 36)"))
    #expect(out.contains("Practise it: coach practice --scenario "))
    let lines = out.split(separator: "\n").map(String.init)
    // Trend: last 5 sessions minus the 5 before — empathy rose 3 a session, so +15.
    let empathy = try #require(lines.first { $0.hasPrefix("  Empathy") })
    #expect(empathy.contains("+15.0"))
    // Personal bests: the Korean title does not push the numbers out of their column.
    let titles = try #require(lines.firstIndex { $0.hasPrefix("  scenario ") && $0.contains("best") })
    let header = lines[titles + 1]  // the underline spans every column
    let best = try #require(lines.first { $0.hasPrefix("  late-delivery-angry") && $0.contains("일주일째") })
    #expect(columns(best) <= columns(header))
    #expect(startColumn(of: "2025-", in: best) == startColumn(of: "reached", in: lines[titles]), "the date sits under 'reached'")
    #expect(endColumn(of: "76", in: best) == endColumn(of: "best", in: lines[titles]), "the best score sits under 'best'")
    #expect(out.contains("Recent sessions (the last 10 of 12)"))
  }

  @Test("an unknown trainee gets a friendly note with a suggestion; an empty or missing store a friendly message; exit 0")
  func emptyAndUnknown() throws {
    let (space, store) = try workspaceWithStore()
    let unknown = try CLI.run(["progress", "--store", store, "--trainee", "김민"], in: space)
    #expect(unknown.status == 0)
    #expect(unknown.stdout.contains("No sessions for '김민' yet. Did you mean '김민지'?"))
    let missing = space.path("nothing-here.sqlite")
    let empty = try CLI.run(["progress", "--store", missing], in: space)
    #expect(empty.status == 0)
    #expect(empty.stdout == "No practice sessions yet in '\(missing)'. Start one with: coach practice\n")
    #expect(!FileManager.default.fileExists(atPath: missing), "a report does not create a store")
    let bom = try CLI.run(["progress", "--store", store, "--bom"], in: space)
    #expect(bom.status == 64)
    #expect(bom.stderr.contains("'--bom' only applies to '--format csv'"))
  }

  @Test("JSON for the team and for a trainee (with the recommended scenario from the catalog)")
  func json() throws {
    let (space, store) = try workspaceWithStore()
    let team = try CLI.run(["progress", "--store", store, "--format", "json"], in: space)
    #expect(team.status == 0, "\(team.stderr)")
    let teamObject = try #require(try JSONSerialization.jsonObject(with: Data(team.stdout.utf8)) as? [String: Any])
    #expect(teamObject["report"] as? String == "team")
    let trainees = try #require(teamObject["trainees"] as? [[String: Any]])
    #expect(trainees.compactMap { $0["trainee"] as? String } == ["Alex Kim", "김민지", "이서연"])

    let trainee = try CLI.run(["progress", "--store", store, "--format", "json", "--trainee", "김민지"], in: space)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(trainee.stdout.utf8)) as? [String: Any])
    #expect(object["trainee"] as? String == "김민지")
    #expect(object["weakest_category"] as? String == "apology")
    let recommended = try #require(object["recommended_scenario"] as? String)
    #expect(recommended != "late-delivery-angry", "not the scenario just played")
    #expect((object["sessions"] as? [Any])?.count == 12)
  }

  @Test("CSV with a BOM for Excel, written with --out; without --bom no BOM")
  func csv() throws {
    let (space, store) = try workspaceWithStore()
    let file = space.path("team.csv")
    let written = try CLI.run(["progress", "--store", store, "--format", "csv", "--bom", "--out", file], in: space)
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stdout.isEmpty)
    #expect(written.stderr.contains("wrote \(file)"))
    let bytes = try #require(fileBytes(file))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    let rows = text.split(whereSeparator: \.isNewline)
    #expect(rows.count == 4, "a header and three trainees")
    #expect(rows.contains { $0.hasPrefix("김민지,") })

    let plain = try CLI.run(["progress", "--store", store, "--format", "csv", "--trainee", "김민지"], in: space)
    #expect(!plain.stdout.hasPrefix("\u{FEFF}"))
    #expect(plain.stdout.split(whereSeparator: \.isNewline).count == 13, "a header and twelve sessions")
  }

  @Test("HTML is one self-contained page: inline SVG charts, no scripts, nothing from the network")
  func html() throws {
    let (space, store) = try workspaceWithStore()
    for arguments in [["--trainee", "김민지"], []] {
      let result = try CLI.run(["progress", "--store", store, "--format", "html"] + arguments, in: space)
      #expect(result.status == 0, "\(result.stderr)")
      let page = result.stdout
      #expect(page.hasPrefix("<!DOCTYPE html>") || page.hasPrefix("<!doctype html>"))
      // The trainee page charts scores over time and per category; the team page is a shaded table.
      #expect(page.contains(arguments.isEmpty ? "<table" : "<svg"))
      #expect(page.contains("김민지"))
      let lower = page.lowercased()
      #expect(!lower.contains("<script"))
      #expect(!lower.contains("<link"))
      #expect(!lower.contains("src=\"http") && !lower.contains("url(http") && !lower.contains("@import"))
    }
  }
}
