import Testing

@testable import CoachBatch

@Suite("Timestamps")
struct TimestampTests {
  @Test("ISO 8601 with zone, offset, space, fraction; date-time differences in seconds")
  func iso() throws {
    let a = try #require(Timestamp(parsing: "2024-05-01T10:00:00Z"))
    #expect(a.seconds == 1_714_557_600)
    #expect(Timestamp(parsing: "2024-05-01 19:00:00+09:00")?.seconds == a.seconds)
    #expect(Timestamp(parsing: "2024-05-01T10:00:30.5Z")?.seconds(since: a) == 30.5)
    #expect(Timestamp(parsing: "2024/05/01 10:02")?.seconds(since: a) == 120)
    #expect(Timestamp(parsing: "1714557600")?.seconds == a.seconds)
    #expect(Timestamp(parsing: "1714557600000")?.seconds == a.seconds)
  }

  @Test("A time of day wraps around midnight; mixed kinds do not compare")
  func timeOfDay() throws {
    let late = try #require(Timestamp(parsing: "23:59:30"))
    let early = try #require(Timestamp(parsing: "0:00:15"))
    #expect(early.isTimeOfDay)
    #expect(early.seconds(since: late) == 45)
    #expect(Timestamp(parsing: "10:05")?.seconds(since: Timestamp(parsing: "10:00")!) == 300)
    #expect(early.seconds(since: Timestamp(parsing: "2024-05-01T10:00:00Z")!) == nil)
  }

  @Test("Rejects what is not a time")
  func invalid() {
    for text in ["", "yesterday", "25:00", "2024-13-01", "10:61", "2024-05-01T10", "12:3"] {
      #expect(Timestamp(parsing: text) == nil, "\(text)")
    }
  }
}
