import Foundation
import Testing

@testable import CoachStore

/// A store whose text needs escaping everywhere: Korean, commas, quotes, newlines, markup.
private struct AwkwardStore {
  static let trainee = "<b>김민지</b>, \"MJ\""
  static let title = "배송 지연, \"긴급\"\n2부 <script>alert(1)</script>"
  let folder: TemporaryFolder
  let store: ProgressStore

  init() throws {
    folder = try TemporaryFolder()
    store = try ProgressStore(path: folder.file("progress.sqlite"))
    for day in 0..<3 {
      let session = try Fixture.start(store, trainee: Self.trainee, scenario: "late-delivery", title: Self.title,
                                      at: Fixture.date(day: day))
      try store.recordTurn(sessionID: session, turn: Fixture.turn(
        1, scores: ["empathy": 60 + 10 * day, "apology": 55], at: Fixture.date(day: day, hour: 10)))
      try store.finishSession(sessionID: session, endingID: "refund", endingKind: "resolved", overall: 70 + day,
                              endedAt: Fixture.date(day: day, hour: 11))
    }
    _ = try Fixture.start(store, trainee: "=cmd|' /C calc'!A0", scenario: "wrong-item", title: "잘못 온 상품",
                          at: Fixture.date(day: 4))
  }
}

/// Parses RFC 4180 CSV (CRLF rows, quoted fields with doubled quotes) into rows of fields.
private func parseCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
  var scalars = Array(text.unicodeScalars)[...]
  while let scalar = scalars.popFirst() {
    if quoted {
      if scalar == "\"" {
        if scalars.first == "\"" { field.unicodeScalars.append(scalars.removeFirst()) } else { quoted = false }
      } else {
        field.unicodeScalars.append(scalar)
      }
    } else if scalar == "\"" {
      quoted = true
    } else if scalar == "," {
      row.append(field); field = ""
    } else if scalar == "\r" && scalars.first == "\n" {
      scalars.removeFirst()
      row.append(field); rows.append(row); row = []; field = ""
    } else {
      field.unicodeScalars.append(scalar)
    }
  }
  return rows
}

@Suite("Report renderers")
struct RendererTests {
  @Test("trainee JSON parses, keeps Korean, has a stable key order and nulls for missing values")
  func traineeJSON() throws {
    let known = try AwkwardStore()
    var report = try known.store.traineeReport(trainee: AwkwardStore.trainee)
    report.recommendedScenario = "apology-basics"
    let text = report.renderJSON()
    #expect(text == report.renderJSON())
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(json["trainee"] as? String == AwkwardStore.trainee)
    #expect(json["weakest_category"] as? String == "apology")
    #expect(json["recommended_scenario"] as? String == "apology-basics")
    let categories = try #require(json["categories"] as? [String: [String: Any]])
    #expect(categories["empathy"]?["average"] as? Double == 70)
    #expect(categories["empathy"]?["scored_turns"] as? Int == 3)
    #expect(categories["tone"]?["average"] is NSNull)
    let sessions = try #require(json["sessions"] as? [[String: Any]])
    #expect(sessions.count == 3)
    #expect(sessions[0]["scenario_title"] as? String == AwkwardStore.title)
    #expect(sessions[0]["started_at"] as? String == "2025-01-01T09:00:00.000Z")
    #expect(sessions[0]["seed"] as? String == "42")
    #expect(sessions[0]["status"] as? String == "completed")
    #expect(text.contains("김민지"), "Korean is written as is, not as \\u escapes")
    let keys = ["\"report\"", "\"trainee\"", "\"weakest_category\"", "\"recommended_scenario\"", "\"overall\"",
                "\"categories\"", "\"personal_bests\"", "\"sessions\""]
    let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
    #expect(positions.count == keys.count && positions == positions.sorted())
  }

  @Test("team JSON lists trainees by name with category averages")
  func teamJSON() throws {
    let text = try AwkwardStore().store.teamReport().renderJSON()
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let trainees = try #require(json["trainees"] as? [[String: Any]])
    #expect(trainees.map { $0["trainee"] as? String } == [AwkwardStore.trainee, "=cmd|' /C calc'!A0"])
    #expect(trainees[0]["average_overall"] as? Double == 71)
    #expect(trainees[1]["average_overall"] is NSNull)
    #expect((json["categories"] as? [String]) == Fixture.categories)
  }

  @Test("trainee CSV quotes commas, quotes and newlines (RFC 4180), uses CRLF, and adds a BOM on request")
  func traineeCSV() throws {
    let report = try AwkwardStore().store.traineeReport(trainee: AwkwardStore.trainee)
    let plain = report.renderCSV()
    let withBOM = report.renderCSV(byteOrderMark: true)
    #expect(!plain.hasPrefix("\u{FEFF}"))
    #expect(Array(withBOM.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(String(withBOM.unicodeScalars.dropFirst()) == plain)
    #expect(plain.contains("\"배송 지연, \"\"긴급\"\"\n2부 <script>alert(1)</script>\""))

    let rows = parseCSV(plain)
    #expect(rows.count == 4)
    #expect(rows[0].prefix(4) == ["trainee", "session_id", "started_at", "ended_at"])
    #expect(rows[0].suffix(9) == ArraySlice(Fixture.categories))
    #expect(rows.allSatisfy { $0.count == 12 + 9 })
    let header = rows[0]
    let first = Dictionary(uniqueKeysWithValues: zip(header, rows[1]))
    #expect(first["trainee"] == AwkwardStore.trainee)
    #expect(first["scenario_title"] == AwkwardStore.title)
    #expect(first["overall"] == "70" && first["empathy"] == "60" && first["tone"] == "")
    #expect(first["status"] == "completed" && first["ending_id"] == "refund")
  }

  @Test("team CSV has one row per trainee and guards cells a spreadsheet would run as formulas")
  func teamCSV() throws {
    let rows = parseCSV(try AwkwardStore().store.teamReport().renderCSV(byteOrderMark: false))
    #expect(rows.count == 3)
    #expect(rows[0] == ["trainee", "sessions", "completed", "average_overall", "last_active"] + Fixture.categories)
    #expect(rows[1][0] == AwkwardStore.trainee && rows[1][1] == "3" && rows[1][2] == "3" && rows[1][3] == "71")
    #expect(rows[2][0] == "'=cmd|' /C calc'!A0" && rows[2][3] == "")
  }

  @Test("trainee HTML is self-contained, has SVG charts, escapes user text and keeps Korean")
  func traineeHTML() throws {
    var report = try AwkwardStore().store.traineeReport(trainee: AwkwardStore.trainee)
    report.recommendedScenario = "사과 <연습>"
    let html = report.renderHTML()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(html.components(separatedBy: "<svg").count - 1 == 2, "a line chart and a bar chart")
    #expect(html.contains("<polyline"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("http://") && !html.contains("https://"))
    #expect(!html.contains("<b>김민지"))
    #expect(html.contains("&lt;b&gt;김민지&lt;/b&gt;, &quot;MJ&quot;"))
    #expect(html.contains("배송 지연, &quot;긴급&quot;"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("사과 &lt;연습&gt;"))
  }

  @Test("team HTML is a shaded trainees × categories table with inline SVG charts and no scripts")
  func teamHTML() throws {
    let html = try AwkwardStore().store.teamReport().renderHTML()
    #expect(html.contains("<table"))
    #expect(html.components(separatedBy: "<svg").count - 1 == 2)
    #expect(html.contains("Team average per category") && html.contains("Average overall per trainee"))
    #expect(html.contains("style=\"background: hsl("))
    #expect(html.contains("plain language"))
    #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
    #expect(html.contains("&lt;b&gt;김민지&lt;/b&gt;"))
    #expect(!html.contains("<b>김민지"))
  }

  @Test("an empty store and a trainee without sessions get friendly pages")
  func emptyPages() throws {
    let folder = try TemporaryFolder()
    let store = try ProgressStore(path: folder.file("progress.sqlite"))
    let trainee = try store.traineeReport(trainee: "이서준").renderHTML()
    #expect(trainee.contains("No practice sessions yet.") && trainee.contains("이서준"))
    let team = try store.teamReport().renderHTML()
    #expect(team.contains("No trainees yet."))
    #expect(try store.teamReport().renderCSV() == "trainee,sessions,completed,average_overall,last_active,"
      + Fixture.categories.joined(separator: ",") + "\r\n")
    let json = try store.traineeReport(trainee: "이서준").renderJSON()
    #expect(json.contains("\"sessions\": []") && json.contains("\"weakest_category\": null"))
  }
}
