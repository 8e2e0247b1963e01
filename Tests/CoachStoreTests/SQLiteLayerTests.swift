import CSQLite
import Foundation
import Testing

@testable import CoachStore

@Suite("The SQLite layer")
struct SQLiteLayerTests {
  private struct BodyFailed: Error {}

  private func scratchDatabase(_ folder: TemporaryFolder) throws -> Database {
    let database = try Database(path: folder.file("scratch.sqlite"), mode: .readWriteCreate)
    try database.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT UNIQUE, amount REAL, count INTEGER)")
    return database
  }

  @Test("values bound by index come back from the column getters")
  func bindAndRead() throws {
    let folder = try TemporaryFolder()
    let database = try scratchDatabase(folder)
    try database.execute(
      "INSERT INTO note (body, amount, count) VALUES (?, ?, ?)", ["불편을 드려 죄송합니다 😊", 2.5, Int64.min])
    try database.execute("INSERT INTO note (body, amount, count) VALUES (?, ?, ?)", [String?.none, Double?.none, Int64.max])
    let rows = try database.rows("SELECT body, amount, count FROM note ORDER BY id") {
      ($0.string(0), $0.double(1), $0.int64(2), $0.isNull(0))
    }
    #expect(rows.count == 2)
    #expect(rows[0].0 == "불편을 드려 죄송합니다 😊" && rows[0].1 == 2.5 && rows[0].2 == Int64.min && !rows[0].3)
    #expect(rows[1].0 == nil && rows[1].1 == nil && rows[1].2 == Int64.max && rows[1].3)
  }

  @Test("empty text stays empty (not NULL) and text with a NUL inside is kept whole")
  func textEdgeCases() throws {
    let folder = try TemporaryFolder()
    let database = try scratchDatabase(folder)
    try database.execute("INSERT INTO note (body) VALUES (?)", [""])
    try database.execute("INSERT INTO note (body) VALUES (?)", ["앞\u{0}뒤"])
    let bodies = try database.rows("SELECT body FROM note ORDER BY id") { $0.string(0) }
    #expect(bodies == ["", "앞\u{0}뒤"])
  }

  @Test("a transaction that throws is rolled back and rethrows the body's error")
  func transactionRollsBack() throws {
    let folder = try TemporaryFolder()
    let database = try scratchDatabase(folder)
    #expect(throws: BodyFailed.self) {
      try database.transaction(.immediate) {
        try database.execute("INSERT INTO note (body) VALUES (?)", ["kept?"])
        throw BodyFailed()
      }
    }
    #expect(database.isAutocommit)
    #expect(try database.firstRow("SELECT count(*) FROM note") { $0.int64(0) } == 0)
  }

  @Test("a SQLite error names its code and SQL but never the bound values")
  func errorHidesValues() throws {
    let folder = try TemporaryFolder()
    let database = try scratchDatabase(folder)
    try database.execute("INSERT INTO note (body) VALUES (?)", ["secret reply of a trainee"])
    let error = try #require(throws: SQLiteError.self) {
      try database.execute("INSERT INTO note (body) VALUES (?)", ["secret reply of a trainee"])
    }
    #expect(error.code == SQLITE_CONSTRAINT)
    #expect(error.codeName == "SQLITE_CONSTRAINT")
    #expect(error.sql == "INSERT INTO note (body) VALUES (?)")
    #expect(error.description.contains("UNIQUE constraint failed"))
    #expect(!error.description.contains("secret"))
  }

  @Test("binding the wrong number of arguments is an error, not a silent NULL")
  func argumentCount() throws {
    let folder = try TemporaryFolder()
    let database = try scratchDatabase(folder)
    let error = try #require(throws: SQLiteError.self) {
      try database.execute("INSERT INTO note (body, count) VALUES (?, ?)", ["only one"])
    }
    #expect(error.codeName == "SQLITE_RANGE")
  }
}
