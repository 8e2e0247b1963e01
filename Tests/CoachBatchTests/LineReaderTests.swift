import Testing

@testable import CoachBatch

@Suite("Line reader")
struct LineReaderTests {
  func lines(_ text: [UInt8], chunk: Int, lineChunk: Int, max: Int = 1 << 20) throws -> [(String, Int, Bool)] {
    var reader = LineReader(source: MemorySource(text, chunk: chunk), chunkSize: lineChunk, maxLineBytes: max)
    var out: [(String, Int, Bool)] = []
    while let line = try reader.next() {
      out.append((String(decoding: reader.buffer[line.range], as: UTF8.self), line.number, line.isOverlong))
    }
    return out
  }

  @Test("Splits lines across every chunk boundary, strips CR and a leading BOM")
  func boundaries() throws {
    let text: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("첫 줄\r\nsecond line is a bit longer than a chunk\n\nlast without newline".utf8)
    for chunk in [1, 2, 3, 5, 7, 64] {
      for lineChunk in [16, 17, 40, 1 << 16] {
        let result = try lines(text, chunk: chunk, lineChunk: lineChunk)
        #expect(result.map(\.0) == ["첫 줄", "second line is a bit longer than a chunk", "", "last without newline"], "chunk \(chunk)/\(lineChunk)")
        #expect(result.map(\.1) == [1, 2, 3, 4])
      }
    }
  }

  @Test("Counts consumed bytes up to the end of the input")
  func consumed() throws {
    let text = Array("a\nbb\nccc".utf8)
    var reader = LineReader(source: MemorySource(text, chunk: 2), chunkSize: 16)
    while try reader.next() != nil {}
    #expect(reader.consumed == text.count)
  }

  @Test("A line longer than the limit is reported without its content and reading goes on")
  func overlong() throws {
    let long = String(repeating: "x", count: 500)
    let result = try lines(Array("short\n\(long)\nafter\n".utf8), chunk: 13, lineChunk: 32, max: 100)
    #expect(result.map(\.0) == ["short", "", "after"])
    #expect(result.map(\.2) == [false, true, false])
    #expect(result.map(\.1) == [1, 2, 3])
  }

  @Test("Thousands of lines over many refills are all returned, in order")
  func manyLines() throws {
    var text = ""
    for i in 0..<5000 { text += "{\"id\":\(i),\"text\":\"배송 \(i)\"}\n" }
    let result = try lines(Array(text.utf8), chunk: 4093, lineChunk: 1000)
    #expect(result.count == 5000)
    #expect(result.last?.0 == "{\"id\":4999,\"text\":\"배송 4999\"}")
  }
}
