import Testing

@testable import CoachBatch

@Suite("Plain-text transcript reader")
struct TextReaderTests {
  @Test("Speaker lines, continuation lines, headers, times and separators")
  func transcripts() throws {
    let items = try readItems("transcripts.txt")
    let conversations = items.compactMap(\.conversation)
    #expect(conversations.map(\.id) == ["order-1234", "transcripts.txt:11", "transcripts.txt:15"])
    let first = conversations[0]
    #expect(first.agent == "김민수")
    #expect(first.companyAtFault == true)
    #expect(first.turns.map(\.role) == [.customer, .agent, .customer, .agent])
    #expect(first.turns[0].text == "배송이 왜 이렇게 늦어요?\n벌써 세 번째 문의예요.")
    #expect(first.turns[1].text == "배송이 지연되어 불편을 드려 죄송합니다.\n오늘 오후 6시까지 다시 보내 드리겠습니다.")
    #expect(first.turns[1].time?.seconds(since: first.turns[0].time!) == 180)
    let second = conversations[1]
    #expect(second.customerName == "Jane Doe")
    #expect(second.agent == "Kim")
    #expect(second.turns[1].text == "Sorry Jane, it left the warehouse today.\nIt will arrive tomorrow.")
    let third = conversations[2]
    #expect(third.agent == "김민수")
    #expect(third.turns.map(\.role) == [.customer, .agent])
    #expect(third.turns.map(\.index) == [1, 2])
  }

  @Test("A conversation that starts with an unknown speaker is reported at that line")
  func unknownSpeaker() throws {
    let errors = try readItems("transcripts.txt").compactMap(\.recordError)
    #expect(errors.count == 1)
    #expect(errors[0].line == 15)
    #expect(errors[0].message.hasPrefix("unknown speaker 'Supervisor'"))
  }

  @Test("Speaker labels: names before or after the role, brackets, full-width colon, unbracketed times")
  func labels() throws {
    let cases: [(String, Role, String?, String)] = [
      ("상담원(김민수): 네", .agent, "김민수", "네"),
      ("김민수 상담원: 네", .agent, "김민수", "네"),
      ("고객님：환불해 주세요", .customer, nil, "환불해 주세요"),
      ("Agent [Kim Lee]: Hi", .agent, "Kim Lee", "Hi"),
      ("10:02 Customer: Hello: anyone?", .customer, nil, "Hello: anyone?"),
      ("Agent (10:05): Hi", .agent, nil, "Hi"),
    ]
    for (line, role, name, text) in cases {
      let speaker = try #require(TextTranscriptReader.speaker(in: line), "\(line)")
      #expect(speaker.role == role, "\(line)")
      #expect(speaker.name == name, "\(line)")
      #expect(speaker.text == text, "\(line)")
    }
    #expect(TextTranscriptReader.speaker(in: "참고: 주문번호는 1234입니다") == nil)
    #expect(TextTranscriptReader.speaker(in: "Note, the parcel: late") == nil)
    #expect(TextTranscriptReader.speaker(in: "10:02 Customer: Hi")?.time?.seconds == 36_120)
  }

  @Test("Format from the extension, else sniffed from the first bytes")
  func formats() {
    #expect(InputFormat.forPath("a/b.JSONL") == .jsonl)
    #expect(InputFormat.forPath("x.csv") == .csv)
    #expect(InputFormat.forPath("x.txt") == .text)
    #expect(InputFormat.forPath("dir.v2/file") == nil)
    #expect(InputFormat.sniff(Array("\n  {\"id\":1}".utf8)) == .jsonl)
    #expect(InputFormat.sniff(Array("대화ID,화자,내용\n".utf8)) == .csv)
    #expect(InputFormat.sniff(Array("\"conversation_id\",\"role\",\"text\"\n".utf8)) == .csv)
    #expect(InputFormat.sniff(Array("고객: 안녕하세요\n".utf8)) == .text)
  }
}
