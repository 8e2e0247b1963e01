import Testing

@testable import CoachBatch

@Suite("CSV reader")
struct CSVReaderTests {
  @Test("Reads a BOM, CRLF, Korean headers and roles, quoted and multi-line fields into conversations")
  func conversations() throws {
    for chunk in [1, 7, 4096] {
      let items = try readItems("chats.csv", chunk: chunk)
      let conversations = items.compactMap(\.conversation)
      #expect(conversations.map(\.id) == ["A-1", "B-2"])
      let a = conversations[0]
      #expect(a.agent == "김민수")
      #expect(a.turns.map(\.role) == [.customer, .agent, .customer, .agent])
      #expect(a.turns[0].text == "주문한 러닝화가 아직 안 왔어요.\n벌써 일주일째예요!")
      #expect(a.turns[1].text == "배송이 늦어져 불편을 드려 죄송합니다, 고객님.\n오늘 안에 출고해 드리겠습니다.")
      #expect(a.turns[2].text == "네, \"감사합니다\".")
      #expect(a.turns[1].time?.seconds(since: a.turns[0].time!) == 240)
      #expect(items.compactMap(\.conversation).first.map { _ in items[0].source?.line } == 2)
      let b = conversations[1]
      #expect(b.agent == "Sarah Lee")
      // The row with the wrong field count cannot be placed; the unknown-role row keeps its position.
      #expect(b.turns.map(\.index) == [0, 1, 3])
    }
  }

  @Test("A row with the wrong field count and an unknown role are error entries with their lines")
  func badRows() throws {
    let errors = try readItems("chats.csv").compactMap(\.recordError)
    #expect(errors.map(\.line) == [10, 11])
    #expect(errors[0].message == "expected 5 fields as in the header, found 3")
    #expect(errors[1].message.hasPrefix("unknown role 'supervisor'"))
    #expect(errors.allSatisfy { $0.file == "chats.csv" })
  }

  @Test("Invalid UTF-8 is repaired and reported at its line; an unclosed quote is reported where it starts")
  func invalidUTF8() throws {
    let items = try readItems("invalid-utf8.csv")
    let errors = items.compactMap(\.recordError)
    #expect(errors.map(\.line) == [2, 4])
    #expect(errors[0].message.hasPrefix("invalid UTF-8: 1 byte sequence"))
    #expect(errors[1].message.contains("never closed"))
    let x = try #require(items.compactMap(\.conversation).first)
    #expect(x.turns[0].text == "한글 \u{FFFD}( broken")
    #expect(x.turns.count == 2)
  }

  @Test("A header without a role column is one error entry for the file")
  func missingColumn() throws {
    let items = try readItems("no-role.csv")
    #expect(items.count == 1)
    #expect(items[0].recordError?.message.contains("no role") == true)
    #expect(items[0].recordError?.line == 1)
  }

  @Test("Tab- and semicolon-separated files are read too")
  func delimiters() throws {
    for separator in ["\t", ";"] {
      let text = ["id", "role", "text"].joined(separator: separator) + "\n" + ["1", "agent", "안녕하세요"].joined(separator: separator) + "\n"
      let items = try TranscriptFile.items(of: .bytes(Array(text.utf8), name: "x", format: .csv))
      #expect(items.compactMap(\.conversation).first?.turns.first?.text == "안녕하세요")
    }
  }

  @Test("Role names in Korean and English, with 님 and any case")
  func roles() {
    for name in ["고객", "고객님", "손님", "Customer", "USER", "client"] { #expect(Role(name: name) == .customer, "\(name)") }
    for name in ["상담원", "상담사님", "Agent", "staff", "Support"] { #expect(Role(name: name) == .agent, "\(name)") }
    for name in ["bot", "system", "", "님"] { #expect(Role(name: name) == nil, "\(name)") }
  }
}
