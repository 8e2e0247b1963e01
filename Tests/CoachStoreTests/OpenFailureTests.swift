import Foundation
import Testing

@testable import CoachStore

/// Files the store must refuse: each gives a clear `StoreError` and stays byte-for-byte (and
/// modification-time) unchanged.
@Suite("Stores that cannot be used")
struct OpenFailureTests {
  /// Opens `path`, expecting a refusal; checks the file is unchanged and the message names the path.
  private func refusal(
    _ path: String, busyTimeoutMilliseconds: Int = 5000, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> StoreError {
    let before = try FileSnapshot(path)
    let error = try #require(throws: StoreError.self, sourceLocation: sourceLocation) {
      _ = try ProgressStore(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }
    #expect(try FileSnapshot(path) == before, "the file was changed", sourceLocation: sourceLocation)
    #expect(error.description.hasPrefix("cannot open progress store '\(path)': "), sourceLocation: sourceLocation)
    return error
  }

  /// A valid store with one session, closed again.
  private func makeStore(_ path: String) throws {
    let store = try ProgressStore(path: path)
    _ = try Fixture.start(store)
  }

  @Test("a store from a newer schema version is refused and left alone")
  func newerSchema() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("progress.sqlite")
    try makeStore(path)
    do {
      let other = try Database(path: path, mode: .readWrite)
      try other.execute("PRAGMA user_version = 999")
    }
    let error = try refusal(path)
    #expect(error.reason == .newerSchema(found: 999, supported: Migration.latestVersion))
    #expect(error.description.contains("newer ReplyCoach (schema version 999"))
    #expect(error.description.hasSuffix("the file was not changed; update coach, or pass --store PATH to use another store"))
  }

  @Test("a newer schema version still in the WAL file (header not yet checkpointed) is refused too")
  func newerSchemaInWAL() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("progress.sqlite")
    try makeStore(path)
    // The other connection stays open, so its change stays in progress.sqlite-wal.
    let other = try Database(path: path, mode: .readWrite)
    try other.execute("PRAGMA wal_autocheckpoint = 0")
    try other.execute("PRAGMA user_version = 7")
    let error = try refusal(path)
    #expect(error.reason == .newerSchema(found: 7, supported: Migration.latestVersion))
  }

  @Test("random bytes and a text file are refused as 'not a SQLite database'", arguments: ["random", "text"])
  func notSQLite(kind: String) throws {
    let folder = try TemporaryFolder()
    let path = folder.file("progress.sqlite")
    var generator = SplitMix64(seed: 2025)
    let bytes = kind == "random"
      ? Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
      : Data("trainee,score\n김민지,80\n".utf8)
    #expect(FileManager.default.createFile(atPath: path, contents: bytes))
    let error = try refusal(path)
    #expect(error.reason == .notAProgressStore)
    #expect(error.description == "cannot open progress store '\(path)': the file is not a SQLite database; "
      + "the file was not changed; move it aside, or pass --store PATH to use another store")
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
  }

  @Test("a store whose pages are damaged is refused as corrupt")
  func damagedPages() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("progress.sqlite")
    try makeStore(path)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    // Keep the 100-byte header, scramble the schema table that follows it on page 1.
    for offset in 100..<min(bytes.count, 4096) { bytes[offset] = UInt8(truncatingIfNeeded: offset &* 31) }
    try bytes.write(to: URL(fileURLWithPath: path))
    let error = try refusal(path)
    #expect(error.reason == .corrupt || error.reason == .notAProgressStore)
    #expect(error.description.contains("(SQLITE_CORRUPT)") || error.description.contains("(SQLITE_NOTADB)"))
  }

  @Test("another program's SQLite database is not taken over")
  func foreignDatabase() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("notes.sqlite")
    do {
      let other = try Database(path: path, mode: .readWriteCreate)
      try other.execute("CREATE TABLE note (body TEXT)")
    }
    let error = try refusal(path)
    #expect(error.reason == .notAProgressStore)
    #expect(error.description.contains("it is a SQLite database, but not a ReplyCoach progress store"))
  }

  @Test("a store locked by another connection gives SQLITE_BUSY after the timeout, and works once free")
  func lockedStore() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("progress.sqlite")
    try makeStore(path)
    let holder = try Database(path: path, mode: .readWrite)
    try holder.execute("BEGIN EXCLUSIVE")
    try holder.execute("INSERT INTO trainee (name, created_at) VALUES ('holder', '2025-01-01T00:00:00.000Z')")
    let before = try FileSnapshot(path)

    // In WAL mode readers are not blocked: opening works, the first write waits and fails.
    let store = try ProgressStore(path: path, busyTimeoutMilliseconds: 50)
    let error = try #require(throws: StoreError.self) { _ = try Fixture.start(store) }
    #expect(error.reason == .locked)
    #expect(error.description == "cannot start a session in progress store '\(path)': database is locked (SQLITE_BUSY); "
      + "another coach may be running — try again or pass --store PATH")
    #expect(try FileSnapshot(path) == before)

    try holder.execute("ROLLBACK")
    _ = try Fixture.start(store)
    #expect(try store.sessions(trainee: "김민지").count == 2)
  }

  @Test("a database locked before it could be set up is refused on open and not converted to WAL")
  func lockedBeforeSetup() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("progress.sqlite")
    let holder = try Database(path: path, mode: .readWriteCreate)
    try holder.execute("CREATE TABLE scratch (x)")
    try holder.execute("DROP TABLE scratch")  // a valid, empty database in rollback-journal mode
    try holder.execute("BEGIN EXCLUSIVE")
    try holder.execute("CREATE TABLE scratch (x)")  // take the exclusive lock now

    let error = try refusal(path, busyTimeoutMilliseconds: 50)
    #expect(error.reason == .locked)
    #expect(error.description == "cannot open progress store '\(path)': database is locked (SQLITE_BUSY); "
      + "another coach may be running — try again or pass --store PATH")
    try holder.execute("ROLLBACK")
    #expect(try holder.firstRow("PRAGMA journal_mode") { $0.string(0) } == "delete")
  }

  @Test("a read-only store file is refused and left alone")
  func readOnlyFile() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("progress.sqlite")
    try makeStore(path)
    guard let protection = WriteProtection.protect(path) else { return }
    defer { protection.remove() }
    let error = try refusal(path)
    #expect(error.reason == .readOnly)
    #expect(error.description.hasPrefix("cannot open progress store '\(path)': the file is read-only ("))
    #expect(error.description.hasSuffix("; make the file and its folder writable, or pass --store PATH"))
  }

  @Test("a store in a read-only folder is refused and left alone (SQLite needs the folder for its WAL)")
  func readOnlyFolder() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("store/progress.sqlite")
    try makeStore(path)
    guard let protection = WriteProtection.protect(folder.file("store")) else { return }
    defer { protection.remove() }
    let error = try refusal(path)
    #expect(error.reason == .readOnly)
    #expect(error.description.contains("its folder '\(folder.file("store"))' is read-only"))
  }

  @Test("a new store under a read-only folder cannot be created, and nothing is left behind")
  func readOnlyLocation() throws {
    let folder = try TemporaryFolder()
    let locked = folder.file("locked")
    try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
    guard let protection = WriteProtection.protect(locked) else { return }
    defer { protection.remove() }
    for path in [locked + "/progress.sqlite", locked + "/replycoach/progress.sqlite"] {
      let error = try #require(throws: StoreError.self) { _ = try ProgressStore(path: path) }
      #expect(error.reason == .readOnly)
      #expect(error.description.hasPrefix("cannot create progress store '\(path)': cannot create "))
      #expect(error.description.contains("make the file and its folder writable, or pass --store PATH"))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: locked).isEmpty)
  }

  @Test("a folder given as the store path is refused")
  func folderAsPath() throws {
    let folder = try TemporaryFolder()
    let error = try #require(throws: StoreError.self) { _ = try ProgressStore(path: folder.path) }
    #expect(error.reason == .notAProgressStore)
    #expect(error.description.contains("it is a folder, not a file"))
  }
}

/// A small seeded generator, so "random" test bytes are the same in every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
