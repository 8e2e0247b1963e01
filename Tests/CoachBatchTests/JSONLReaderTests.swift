import CoachText
import Testing

@testable import CoachBatch

@Suite("JSONL reader")
struct JSONLReaderTests {
  @Test("Reads reply and conversation records with their context fields")
  func records() throws {
    let items = try readItems("replies.jsonl")
    #expect(items.count == 5)
    let r1 = try #require(items[0].reply)
    #expect(r1.id == "r1")
    #expect(r1.customerMessage == "배송이 왜 이렇게 늦어요?")
    #expect(r1.customerName == "김지훈")
    #expect(r1.companyAtFault == true)
    #expect(r1.agent == "김민수")
    #expect(items[1].reply?.language == .en)
    #expect(items[2].reply?.id == "7")
    #expect(items[2].reply?.companyAtFault == true)
    let c1 = try #require(items[3].conversation)
    #expect(c1.id == "c1")
    #expect(c1.agent == "이지은")
    #expect(c1.customerName == "박민지")
    #expect(c1.turns.map(\.role) == [.customer, .agent, .customer, .customer, .agent, .agent])
    #expect(c1.turns.map(\.index) == [0, 1, 2, 3, 4, 5])
    #expect(c1.turns[1].time?.seconds(since: c1.turns[0].time!) == 150)
    #expect(items[3].source == RecordSource(file: "replies.jsonl", line: 4))
  }

  @Test("Malformed lines become error entries naming file and line; the rest is read")
  func malformed() throws {
    let items = try readItems("malformed.jsonl")
    let errors = items.compactMap(\.recordError)
    #expect(errors.map(\.line) == [2, 3, 4, 5, 6])
    #expect(errors.allSatisfy { $0.file == "malformed.jsonl" })
    #expect(errors[0].message.contains("malformed JSON"))
    #expect(errors[1].message.contains("unknown role 'bot'"))
    #expect(errors[2].message.contains("invalid UTF-8"))
    #expect(errors[3].message.contains("found an array"))
    #expect(errors[4].message.contains("neither \"text\" nor \"turns\""))
    // Scored anyway: the line with valid records, the conversation without the bot turn,
    // the repaired reply (CRLF line ends do not leak into text).
    #expect(items.compactMap(\.reply).map(\.id) == ["ok1", "utf", "ok2"])
    let repaired = try #require(items.compactMap(\.reply).first { $0.id == "utf" })
    #expect(repaired.text == "배송이 늦어 \u{FFFD}\u{FFFD} 죄송합니다.")
    let c9 = try #require(items.compactMap(\.conversation).first)
    #expect(c9.turns.map(\.index) == [0, 2])
  }

  @Test("The JSON parser handles escapes, surrogate pairs, numbers and nesting")
  func parser() throws {
    func parse(_ text: String) throws -> Plain {
      var copy = text
      return try copy.withUTF8 { p throws(JSONSyntaxError) in
        var document = JSONDocument(p)
        return document.plain(try JSONParser.parse(p))
      }
    }
    let value = try parse(#"{"a":"x\"y\\z\n\u00e9\ud83d\ude00\u0000\/","b":[1,-2.5e3,true,false,null,{}],"a2":"한국어"}"#)
    #expect(value == .object([
      "a": .string("x\"y\\z\né😀\u{0}/"),
      "b": .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null, .object([:])]),
      "a2": .string("한국어"),
    ]))
    #expect(try parse(#"{"k":1,"k":2}"#) == .object(["k": .number("2")]))
    #expect(try parse(#""\ud800""#) == .string("\u{FFFD}"))
    #expect(try parse(#""\ud800\u0041""#) == .string("\u{FFFD}A"))
    for bad in [#"{"a":}"#, #"{"a" 1}"#, "{", #"{"a":1,}"#, "[1 2]", #"{"a":tru}"#, #""abc"#, #"{"a":1} x"#, #""\q""#, "01x", "-", #""\u12""#] {
      #expect(throws: JSONSyntaxError.self, "\(bad)") { try parse(bad) }
    }
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(throws: JSONSyntaxError.self) { try parse(deep) }
  }

  @Test("Keys are found by their bytes, escaped keys too, and the last repeated key wins")
  func keys() throws {
    var line = #"{"te\u0078t":"escaped key","id":"a","id":"b"}"#
    let items = line.withUTF8 { JSONLDecoder.decode(line: $0, source: RecordSource(file: "f", line: 1)) }
    #expect(items.first?.reply?.text == "escaped key")
    #expect(items.first?.reply?.id == "b")
  }

  @Test("The error column counts Unicode scalars, not bytes")
  func errorColumn() throws {
    let line = Array(#"{"text":"한국어" oops}"#.utf8)
    let items = line.withUnsafeBufferPointer { JSONLDecoder.decode(line: $0, source: RecordSource(file: "f", line: 9)) }
    #expect(items.first?.recordError?.message.hasPrefix("malformed JSON at column 15:") == true)
  }
}

/// A JSON value decoded to Swift values, for comparisons in tests.
indirect enum Plain: Equatable {
  case null, bool(Bool), number(String), string(String), array([Plain]), object([String: Plain])
}

extension JSONDocument {
  mutating func plain(_ value: JSONValue) -> Plain {
    switch value {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .number(let n): return .number(numberText(n))
    case .string(let s): return .string(string(s))
    case .array(let items): return .array(items.map { plain($0) })
    case .object(let members):
      var out: [String: Plain] = [:]
      for member in members { out[string(member.key)] = plain(member.value) }
      return .object(out)
    }
  }
}
