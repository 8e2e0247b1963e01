import CSQLite

/// A progress-store failure that says what failed, on which file, and what to do about it.
///
/// ```
/// cannot open progress store '/home/mj/.local/share/replycoach/progress.sqlite': database is
/// locked (SQLITE_BUSY); another coach may be running — try again or pass --store PATH
/// ```
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What kind of failure this is, for callers that react differently (exit status, retry).
  public enum Reason: Equatable, Sendable {
    /// Another connection held the lock past the busy timeout (`SQLITE_BUSY`).
    case locked
    /// The file or its folder cannot be written.
    case readOnly
    /// The file, or a folder on its path, cannot be created, looked at, or read.
    case inaccessible
    /// The store was written by a newer ReplyCoach whose schema this one does not know.
    case newerSchema(found: Int, supported: Int)
    /// The file is not a SQLite database, or is one that belongs to another program.
    case notAProgressStore
    /// SQLite found the file damaged (`SQLITE_CORRUPT`).
    case corrupt
    /// The disk is full (`SQLITE_FULL`).
    case diskFull
    /// The request itself is wrong: an unknown session, a turn saved twice, an unknown category.
    case invalidRequest
    /// Any other SQLite failure.
    case database
  }

  /// What kind of failure this is.
  public let reason: Reason
  /// What was being done, as a verb phrase: "open", "save turn 3 in".
  public let action: String
  /// The store's path, as given.
  public let path: String
  /// What went wrong, in words (SQLite's message and code name where SQLite reported it).
  public let problem: String
  /// The SQLite error behind this failure, if any (its SQL, never its bound values).
  public let sqliteError: SQLiteError?

  init(_ reason: Reason, action: String, path: String, problem: String, sqliteError: SQLiteError? = nil) {
    self.reason = reason
    self.action = action
    self.path = path
    self.problem = problem
    self.sqliteError = sqliteError
  }

  /// Wraps a SQLite failure, deciding the reason from its result code.
  init(_ error: SQLiteError, action: String, path: String) {
    let reason: Reason
    switch error.code {
    case SQLITE_BUSY, SQLITE_LOCKED: reason = .locked
    case SQLITE_READONLY, SQLITE_PERM: reason = .readOnly
    case SQLITE_CORRUPT: reason = .corrupt
    case SQLITE_NOTADB: reason = .notAProgressStore
    case SQLITE_FULL: reason = .diskFull
    case SQLITE_CANTOPEN: reason = .inaccessible
    default: reason = .database
    }
    var problem = "\(error.message) (\(error.codeName))"
    if reason == .database, let sql = error.sql { problem += " while running `\(sql)`" }
    self.init(reason, action: action, path: path, problem: problem, sqliteError: error)
  }

  /// What the user can do next.
  public var advice: String? {
    switch reason {
    case .locked:
      "another coach may be running — try again or pass --store PATH"
    case .readOnly:
      "make the file and its folder writable, or pass --store PATH"
    case .inaccessible:
      "check the path and its permissions, or pass --store PATH"
    case .newerSchema:
      "the file was not changed; update coach, or pass --store PATH to use another store"
    case .notAProgressStore:
      "the file was not changed; move it aside, or pass --store PATH to use another store"
    case .corrupt:
      "restore it from a backup, or move it aside (a new store is then created), or pass --store PATH"
    case .diskFull:
      "free some disk space and try again"
    case .invalidRequest:
      nil
    case .database:
      "this looks like a bug in coach; please report this message"
    }
  }

  /// The full message: `cannot <action> progress store '<path>': <problem>; <advice>`.
  public var description: String {
    let head = "cannot \(action) progress store '\(path)': \(problem)"
    return advice.map { "\(head); \($0)" } ?? head
  }
}
