import Foundation
import Testing

@Suite("coach check, score, guidelines, help — through the real executable")
struct CheckAndGuidelinesCLITests {
  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test("check --format json emits the contract, from any working directory")
  func checkJSON() throws {
    let result = try CLI.run([
      "check", "--format", "json", "--customer", "벌써 세 번째 문의예요!", "--name", "김민수", "--company-at-fault",
      "김민수 님, 여러 번 문의하시게 해서 답답하셨겠어요. 불편을 드려 죄송합니다. 오늘 오후 6시까지 보내 드리겠습니다.",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try json(result.stdout)
    #expect(object["language"] as? String == "ko")
    #expect(object["speech_level"] as? String == "polite")
    let categories = try #require(object["categories"] as? [String: [String: Any]])
    #expect(categories.count == 9)
    #expect(categories["apology"]?["detected"] as? Bool == true)
    #expect(categories["personalization"]?["detected"] as? Bool == true)
  }

  @Test("check reads standard input and shows bars, evidence and tips as text")
  func checkText() throws {
    let result = try CLI.run(["check", "--company-at-fault"], stdin: "환불은 안 돼.\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("Overall"))
    #expect(result.stdout.contains("“환불은 안 돼.”"))
    #expect(result.stdout.contains("[ko.tone.banmal]"))
    #expect(result.stdout.contains("Tips"))
    #expect(!result.stdout.contains("\u{1B}["), "NO_COLOR is set, so no colour")
  }

  @Test("the same rule found four times is one entry with ×4, not four entries")
  func repeatsGrouped() throws {
    let result = try CLI.run(["check", "--customer", "주문이 잘못 왔어요.", "죄송합니다 죄송합니다 정말 죄송합니다 너무 죄송합니다."])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.components(separatedBy: "[ko.apology.sincere]").count == 2, "\(result.stdout)")
    #expect(result.stdout.contains("“죄송합니다” ×4"))
    #expect(result.stdout.contains("[ko.tone.over-apologising]"))
  }

  @Test("escape sequences in a reply never reach the terminal raw")
  func escapes() throws {
    let result = try CLI.run(["check", "죄송합니다. 환불은 안\u{1B}[31m 돼."])
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(result.stdout.contains("\\u{1B}"))
  }

  @Test("an empty reply is a clear error with exit status 2")
  func emptyReply() throws {
    let result = try CLI.run(["check"], stdin: "   \n")
    #expect(result.status == 2)
    #expect(result.stderr.contains("nothing to score: the reply is empty"))
  }

  @Test("invalid UTF-8 on stdin is repaired with a warning and still scored")
  func invalidUTF8() throws {
    let space = try CLI.Workspace()
    let file = space.url.appendingPathComponent("bad.txt")
    try Data([0xEC, 0xA3, 0x84, 0xFF] + Array("송합니다".utf8)).write(to: file)
    let (process, out, err) = try CLI.start(["check", "--format", "json"], in: space)
    process.waitUntilExit()
    _ = (out, err)
    // Feed the file through a shell pipe the way a user would.
    let piped = try CLI.run(["check", "--format", "json", "-"], stdin: String(decoding: try Data(contentsOf: file), as: UTF8.self))
    #expect(piped.status == 0)
    #expect(try json(piped.stdout)["language"] as? String == "ko")
  }

  @Test("score --format jsonl scores reply records and reports a malformed line with its number")
  func scoreJSONL() throws {
    let input = """
      {"id": "r1", "text": "불편을 드려 죄송합니다.", "company_at_fault": true}
      {"id": "r2", "text": "Sorry you feel that way.", "language": "en"}
      not json
      """
    let result = try CLI.run(["score", "--format", "jsonl", "-"], stdin: input)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(try json(lines[0])["id"] as? String == "r1")
    #expect(try json(lines[1])["language"] as? String == "en")
    #expect(lines[2].contains("\"line\":3"))
    #expect(result.status == 2)
  }

  @Test("score offsets slice the excerpt back out of the input")
  func scoreOffsets() throws {
    let text = "👨‍👩‍👧 고객님, 정말 죄송합니다. 환불은 안 돼. 익일 발송됩니다."
    let record = "{\"id\":\"x\",\"text\":\"\(text)\",\"company_at_fault\":true}"
    let result = try CLI.run(["score", "-"], stdin: record)
    let object = try json(result.stdout.split(separator: "\n").first.map(String.init) ?? "")
    let findings = try #require(object["findings"] as? [[String: Any]])
    #expect(!findings.isEmpty)
    let scalars = Array(text.unicodeScalars)
    for finding in findings {
      let start = try #require(finding["start"] as? Int), end = try #require(finding["end"] as? Int)
      var slice = String.UnicodeScalarView()
      slice.append(contentsOf: scalars[start..<end])
      #expect(String(slice) == finding["excerpt"] as? String)
    }
  }

  @Test("guidelines test runs every example and reports the number of rules and examples")
  func guidelinesTest() throws {
    let result = try CLI.run(["guidelines", "test"])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.range(of: #"\d+ rules, \d+ examples, 5 variants each: all passed"#, options: .regularExpression) != nil)
  }

  @Test("guidelines test of a broken company pack prints file:line:column and exits 1")
  func guidelinesTestBroken() throws {
    let space = try CLI.Workspace()
    try space.write("acme/ko/banned.rules", """
      format 1
      rule ko.tone.acme-banned
        category: tone
        kind: issue
        severity: warning
        principles: T3
        message: 금지어입니다.
        suggest: 다른 말로 바꿔 주세요.
        phrases:
          어쩌라고요
        match: [[어쩌라고요]]
        no-match: 알겠습니다.
        no-match: 확인해 드릴게요.
        match: 네 [[어쩌라고요]]
        match: 그래서 [[어쩌라구요]]
      """)
    let result = try CLI.run(["guidelines", "test", space.path("acme")])
    #expect(result.status == 1)
    #expect(result.stdout.contains("banned.rules:15:10: error: ko.tone.acme-banned match #3: expected a finding at 4..<9 '어쩌라구요', found none [example-failed]"))
  }

  @Test("guidelines list and explain")
  func listAndExplain() throws {
    let list = try CLI.run(["guidelines", "list", "--language", "en", "--category", "apology"])
    #expect(list.status == 0)
    #expect(list.stdout.contains("en.apology.non-apology"))
    #expect(!list.stdout.contains("ko.apology"))
    let explain = try CLI.run(["guidelines", "explain", "ko.apology.non-apology"])
    #expect(explain.stdout.contains("불편하셨다면"))
    let unknown = try CLI.run(["guidelines", "explain", "ko.apology.non-apolgy"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("Did you mean 'ko.apology.non-apology'?"))
  }

  @Test("--help, --version, and a usage error with did-you-mean and exit status 64")
  func usage() throws {
    let help = try CLI.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("EXIT STATUS"))
    #expect(help.stdout.contains("practice"))
    let version = try CLI.run(["--version"])
    #expect(version.stdout.hasPrefix("coach "))
    let bad = try CLI.run(["score", "--fail-undr", "80"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("Error: unknown option '--fail-undr'. Did you mean '--fail-under'?"))
    #expect(bad.stderr.contains("See 'coach score --help' for more information."))
    let badCommand = try CLI.run(["chekc"])
    #expect(badCommand.status == 64)
  }
}
