import CoachStore
import Foundation
import Testing

/// Stores coach cannot use: each gives one clear line on stderr, exit status 2, and the file is
/// left exactly as it was.
@Suite("coach practice and progress — unusable stores")
struct StoreErrorCLITests {
  /// A real store with one finished session, closed again (so everything is in the main file).
  func makeStore(_ path: String) throws {
    let store = try ProgressStore(path: path)
    let session = try store.startSession(
      trainee: "김민지", scenarioID: "late-delivery-angry", scenarioHash: "h", scenarioTitle: "배송 지연", language: "ko", seed: 1,
      startedAt: Date())
    try store.finishSession(sessionID: session, endingID: "resolved", endingKind: "resolved", overall: 80, endedAt: Date())
  }

  /// Runs a practice session against `store` and checks the refusal; returns the error line.
  func refusedPractice(
    _ store: String, in space: CLI.Workspace, environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let before = fileBytes(store)
    let result = try CLI.run(
      ["practice", "--store", store, "--trainee", "김민지", "--scenario", "late-delivery-angry", "--seed", "1"],
      stdin: Replies.piped(Replies.koreanGood), environment: environment, in: space)
    #expect(result.status == 2, "stdout: \(result.stdout)\nstderr: \(result.stderr)", sourceLocation: sourceLocation)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "one line: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(fileBytes(store) == before, "the store file was changed", sourceLocation: sourceLocation)
    #expect(!result.stdout.contains("Feedback on reply"), "no reply was scored", sourceLocation: sourceLocation)
    return lines.first.map(String.init) ?? ""
  }

  @Test("a read-only store")
  func readOnly() throws {
    let space = try CLI.Workspace()
    let store = space.path("progress.sqlite")
    try makeStore(store)
    guard let protection = WriteProtection.protect(store) else { return }
    defer { protection.remove() }
    let line = try refusedPractice(store, in: space)
    #expect(line.hasPrefix("error: cannot open progress store '\(store)': the file is read-only"))
    #expect(line.hasSuffix("; make the file and its folder writable, or pass --store PATH"))
  }

  @Test("a store locked by another program past the busy timeout (COACH_BUSY_TIMEOUT_MS)")
  func locked() throws {
    let space = try CLI.Workspace()
    let store = space.path("progress.sqlite")
    try makeStore(store)
    let holder = try RawSQLite(store)
    try holder.execute("BEGIN EXCLUSIVE")
    try holder.execute("INSERT INTO trainee (name, created_at) VALUES ('holder', '2025-01-01T00:00:00.000Z')")
    let line = try refusedPractice(store, in: space, environment: ["COACH_BUSY_TIMEOUT_MS": "200"])
    #expect(line.hasPrefix("error: cannot start a session in progress store '\(store)': database is locked (SQLITE_BUSY)"))
    #expect(line.hasSuffix("; another coach may be running — try again or pass --store PATH"))
    try holder.execute("ROLLBACK")
    #expect(try storedSessions(store, trainee: "김민지").count == 1, "nothing was added")
  }

  @Test("a store written by a newer ReplyCoach — practice and progress both refuse it")
  func newerSchema() throws {
    let space = try CLI.Workspace()
    let store = space.path("progress.sqlite")
    try makeStore(store)
    try RawSQLite(store).execute("PRAGMA user_version = 99")
    let line = try refusedPractice(store, in: space)
    #expect(line.hasPrefix("error: cannot open progress store '\(store)': it was written by a newer ReplyCoach (schema version 99"))
    #expect(line.hasSuffix("; the file was not changed; update coach, or pass --store PATH to use another store"))
    let before = fileBytes(store)
    let progress = try CLI.run(["progress", "--store", store], in: space)
    #expect(progress.status == 2)
    #expect(progress.stderr == line + "\n")
    #expect(fileBytes(store) == before)
  }

  @Test("a damaged store and a file that is not a store at all")
  func corrupt() throws {
    let space = try CLI.Workspace()
    let store = space.path("progress.sqlite")
    try makeStore(store)
    var bytes = try #require(fileBytes(store))
    for offset in 100..<min(bytes.count, 4096) { bytes[offset] = UInt8(truncatingIfNeeded: offset &* 31) }
    try bytes.write(to: URL(fileURLWithPath: store))
    let line = try refusedPractice(store, in: space)
    #expect(line.hasPrefix("error: cannot open progress store '\(store)': "))
    #expect(line.contains("(SQLITE_CORRUPT)") || line.contains("(SQLITE_NOTADB)"))
    #expect(!FileManager.default.fileExists(atPath: store + "-wal"))

    let notes = space.path("notes.txt")
    try "trainee,score\n김민지,80\n".write(toFile: notes, atomically: true, encoding: .utf8)
    let before = fileBytes(notes)
    let progress = try CLI.run(["progress", "--store", notes, "--format", "json"], in: space)
    #expect(progress.status == 2)
    #expect(progress.stderr == "error: cannot open progress store '\(notes)': the file is not a SQLite database; "
      + "the file was not changed; move it aside, or pass --store PATH to use another store\n")
    #expect(progress.stdout.isEmpty)
    #expect(fileBytes(notes) == before)
  }
}
