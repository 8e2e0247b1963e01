import Foundation
import Testing

@testable import CoachStore

@Suite("Opening and migrating a store")
struct MigrationTests {
  @Test("a new store gets the schema, user_version, WAL, foreign keys, mode 0600 and its folders")
  func newStore() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("data/replycoach/progress.sqlite")
    let store = try ProgressStore(path: path)

    #expect(try store.integer("PRAGMA user_version") == Int64(Migration.latestVersion))
    #expect(try store.integer("PRAGMA application_id") == Int64(Migration.applicationID))
    #expect(try store.text("PRAGMA journal_mode") == "wal")
    #expect(try store.integer("PRAGMA foreign_keys") == 1)
    let tables = try store.withDatabase("test") {
      try $0.rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") { try $0.requiredString(0) }
    }
    #expect(tables == ["category", "finding", "session", "trainee", "turn", "turn_score"])
    #expect(store.categoryNames == Fixture.categories)

    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
    #expect(stat(folder.file("data/replycoach"), &info) == 0)
    #expect(info.st_mode & 0o777 == 0o700)
  }

  @Test("reopening a store changes nothing and keeps its data")
  func reopenIsIdempotent() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("progress.sqlite")
    let schema: String?
    do {
      let store = try ProgressStore(path: path)
      _ = try Fixture.start(store)
      schema = try store.text("SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_schema ORDER BY name)")
    }
    let reopened = try ProgressStore(path: path)
    #expect(try reopened.integer("PRAGMA user_version") == Int64(Migration.latestVersion))
    #expect(try reopened.text("SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_schema ORDER BY name)") == schema)
    #expect(try reopened.integer("SELECT count(*) FROM category") == 9)
    #expect(try reopened.sessions(trainee: "김민지").count == 1)
  }

  @Test("an existing empty file becomes a store")
  func emptyFile() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("progress.sqlite")
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    let store = try ProgressStore(path: path)
    #expect(try store.integer("PRAGMA user_version") == Int64(Migration.latestVersion))
  }

  @Test("migrations are numbered 1, 2, 3, … with distinct names")
  func migrationList() {
    #expect(Migration.all.map(\.version) == Array(1...Migration.all.count))
    #expect(Set(Migration.all.map(\.name)).count == Migration.all.count)
  }
}
