import Foundation
import Testing

@testable import CoachBatch

@Suite("Reports")
struct ReportTests {
  @Test("CSV: BOM on request, header, CRLF rows, one row per scored turn, error rows")
  func csv() throws {
    let (output, bytes, _) = try runBatch([.file(fixture("chats.csv"))], format: .csv, bom: true)
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let rows = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(rows[0] == CSVOutput.header.joined(separator: ","))
    #expect(rows[0].hasPrefix("id,turn,agent,language,overall,conversation_overall,speech_level,empathy,gratitude,apology"))
    let scored = rows.dropFirst().filter { !$0.hasPrefix(",") }
    #expect(scored.count == 4)  // A-1 turns 1 and 3, B-2 turns 1 and 3
    #expect(scored.allSatisfy { $0.hasPrefix("A-1,") || $0.hasPrefix("B-2,") })
    let errorRows = rows.dropFirst().filter { $0.hasPrefix(",") }
    #expect(errorRows.count == 2)
    #expect(errorRows.allSatisfy { $0.contains("chats.csv,10,") || $0.contains("chats.csv,11,") })
    #expect(!output.contains("\n\n"))
    let plain = try runBatch([.file(fixture("chats.csv"))], format: .csv)
    #expect(plain.bytes.first == UInt8(ascii: "i"))
  }

  @Test("CSV: formula-looking cells get a leading quote; escape characters are shown, not written")
  func csvGuards() throws {
    let (output, _, _) = try runBatch([.file(fixture("escapes.jsonl"))], format: .csv)
    #expect(output.contains(#","'=HYPERLINK(""http://x"")","#))
    #expect(output.contains("'+cmd,"))
    #expect(output.contains(",'-agent,"))
    #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 })
    #expect(output.contains(#"evil\u{1B}[31m"#))
  }

  @Test("JSONL never carries raw escape, C1 or bidi control characters")
  func jsonlEscapes() throws {
    let (output, _, _) = try runBatch([.file(fixture("escapes.jsonl"))])
    #expect(!output.unicodeScalars.contains { isUnsafe($0) })
    #expect(output.contains(#"evil\u001b[31m"#))
  }

  func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
  }

  @Test("Markdown: every section, terminal-safe, Markdown and HTML special characters escaped")
  func markdown() throws {
    let (output, _, result) = try runBatch(
      [.file(fixture("replies.jsonl")), .file(fixture("escapes.jsonl")), .file(fixture("malformed.jsonl"))], format: .md)
    for heading in ["# ReplyCoach batch report", "## Score distribution", "## Category averages", "## Agents", "## Most frequent issues",
      "## Worst conversations", "## Response times", "## Input problems"]
    {
      #expect(output.contains(heading + "\n"), "\(heading)")
    }
    #expect(!output.unicodeScalars.contains { isUnsafe($0) })
    #expect(!output.contains("<script>"))
    #expect(output.contains("&lt;script&gt;"))
    #expect(output.contains("malformed.jsonl:2"))
    #expect(result.summary.histogram.reduce(0, +) == result.summary.records)
    #expect(output.contains("| mean first response |"))
  }

  @Test("HTML: self-contained (no scripts, links, external resources), with charts and escaped text")
  func html() throws {
    let (output, _, _) = try runBatch([.file(fixture("chats.csv")), .file(fixture("escapes.jsonl")), .file(fixture("transcripts.txt"))], format: .html)
    #expect(output.hasPrefix("<!DOCTYPE html>"))
    #expect(output.contains("<meta charset=\"utf-8\">"))
    #expect(output.contains("<svg"))
    #expect(output.contains("<style>"))
    for forbidden in ["<script", "<link", "<img", "<iframe", "<object", "src=\"", "href=\"", "url(", "@import"] {
      #expect(!output.contains(forbidden), "\(forbidden)")
    }
    #expect(output.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(output.contains("&lt;img src=x onerror=alert(1)&gt;"))
    #expect(!output.unicodeScalars.contains { isUnsafe($0) && $0 != "\n" })
    for section in ["Score distribution", "Category averages", "Agents", "Most frequent issues", "Worst conversations", "Response times", "Input problems"] {
      #expect(output.contains("<h2>\(section)</h2>"), "\(section)")
    }
    #expect(output.contains("Mean first response"))
  }

  @Test("Response times appear only when the transcripts have timestamps")
  func responseTimes() throws {
    let timed = try runBatch([.file(fixture("chats.csv"))], format: .md, evaluate: cannedEvaluate)
    #expect(timed.result.summary.firstResponseCount == 2)
    #expect(timed.result.summary.meanFirstResponse == 330.0)  // (240 s + 420 s) / 2
    #expect(timed.output.contains("| mean first response | 5 min 30 s (2 conversations) |"))
    let untimed = try runBatch([.file(fixture("escapes.jsonl"))], format: .md)
    #expect(untimed.output.contains("The transcripts carry no timestamps."))
    #expect(!untimed.output.contains("first response |"))
  }

  @Test("The summary keeps bounded lists: worst records, examples per rule, error samples")
  func bounded() throws {
    let (_, _, result) = try runBatch(
      [.bytes(BatchScorerTests.generated(600), name: "g.jsonl")], format: .html, jobs: 2, unitRecords: 7, evaluate: jitteryEvaluate)
    let s = result.summary
    #expect(s.worst.count == BatchSummary.worstLimit)
    #expect(s.worst.map(\.overall) == s.worst.map(\.overall).sorted())
    #expect(s.rules.values.allSatisfy { $0.examples.count <= BatchSummary.exampleLimit })
    let broken = (0..<600).filter { $0 % 37 == 5 }.count
    #expect(s.errors == broken && s.errorSamples.count == broken)
  }
}
