import CSQLite
import Foundation

extension ProgressStore {
  /// Opens and prepares the connection, looking before writing anything.
  ///
  /// Order, so that an unusable file is never changed:
  /// 1. read the file's header without SQLite: not SQLite → error; schema version newer than
  ///    this build → error;
  /// 2. a missing file is created (folders 0700, file 0600); an existing one must be writable,
  ///    and so must its folder;
  /// 3. open in SQLite and read `user_version`, `application_id` and the table count (a read: a
  ///    lock held by another coach gives `SQLITE_BUSY` here; damage gives `SQLITE_CORRUPT` or
  ///    `SQLITE_NOTADB`); the version is checked again, since the header on disk can lag behind
  ///    the WAL file;
  /// 4. only then the first writes: switch to WAL, run the missing migrations.
  static func openDatabase(path: String, busyTimeoutMilliseconds: Int) throws -> Database {
    guard !path.isEmpty else {
      throw StoreError(.inaccessible, action: "open", path: path, problem: "the path is empty")
    }
    let state = try StoreFile.inspect(path)
    if case .database(let userVersion, let applicationID) = state {
      try checkIdentity(userVersion: userVersion, applicationID: applicationID, hasTables: nil, path: path)
    }
    let action = state == .missing ? "create" : "open"
    if state == .missing {
      try StoreFile.create(path)
    } else {
      try StoreFile.checkWritable(path)
    }
    do {
      let database = try Database(path: path, mode: .readWrite, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
      if database.isReadOnly {
        throw StoreError(.readOnly, action: action, path: path, problem: "SQLite can only open the file read-only")
      }
      let (userVersion, applicationID, tableCount) = try database.transaction {
        (try pragma("user_version", database), try pragma("application_id", database),
         try database.firstRow("SELECT count(*) FROM sqlite_schema") { try $0.requiredInt64(0) } ?? 0)
      }
      try checkIdentity(userVersion: userVersion, applicationID: applicationID, hasTables: tableCount > 0, path: path)
      try database.execute("PRAGMA foreign_keys = ON")
      try enableWriteAheadLog(database, timeoutMilliseconds: busyTimeoutMilliseconds)
      try Migration.migrate(database, from: userVersion)
      return database
    } catch let error as SQLiteError {
      throw StoreError(error, action: action, path: path)
    }
  }

  /// Throws unless the file's schema identity is one this build can use.
  ///
  /// - Parameter hasTables: whether the database has any table; `nil` when not known yet.
  private static func checkIdentity(userVersion: Int, applicationID: Int, hasTables: Bool?, path: String) throws {
    let ours = Migration.applicationID
    if applicationID != 0 && applicationID != ours {
      let id = "0x" + String(UInt32(truncatingIfNeeded: applicationID), radix: 16)
      throw StoreError(
        .notAProgressStore, action: "open", path: path,
        problem: "it is a SQLite database of another program (application_id \(id))")
    }
    if userVersion > Migration.latestVersion {
      throw StoreError(
        .newerSchema(found: userVersion, supported: Migration.latestVersion), action: "open", path: path,
        problem: "it was written by a newer ReplyCoach (schema version \(userVersion); "
          + "this coach understands up to \(Migration.latestVersion))")
    }
    let foreign = userVersion < 0
      || (userVersion > 0 && applicationID != ours)
      || (userVersion == 0 && hasTables == true)
    if foreign {
      throw StoreError(
        .notAProgressStore, action: "open", path: path,
        problem: "it is a SQLite database, but not a ReplyCoach progress store")
    }
  }

  /// Switches the file to WAL unless it already is, so readers and one writer work side by side.
  ///
  /// The switch needs an exclusive lock. When another connection holds a lock at that moment
  /// (two coaches creating the same new store), SQLite answers `SQLITE_BUSY` at once instead of
  /// waiting, to avoid a deadlock; so this retries, re-reading the mode (the other coach may have
  /// switched it already), until the busy timeout has passed. Where WAL is not possible SQLite
  /// keeps the old journal mode; the store still works, only less concurrently.
  private static func enableWriteAheadLog(_ database: Database, timeoutMilliseconds: Int) throws {
    let deadline = ContinuousClock.now + .milliseconds(timeoutMilliseconds)
    while true {
      do {
        let mode = try database.firstRow("PRAGMA journal_mode") { $0.string(0) } ?? nil
        if mode?.lowercased() != "wal" {
          try database.execute("PRAGMA journal_mode = WAL")
        }
        return
      } catch let error as SQLiteError where error.code == SQLITE_BUSY && ContinuousClock.now < deadline {
        usleep(20_000)
      }
    }
  }

  private static func pragma(_ name: String, _ database: Database) throws -> Int {
    Int(try database.firstRow("PRAGMA \(name)") { try $0.requiredInt64(0) } ?? 0)
  }
}
