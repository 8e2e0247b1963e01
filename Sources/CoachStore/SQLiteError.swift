import CSQLite

/// An error reported by SQLite: its result code, SQLite's message, and the SQL that failed.
///
/// The values bound to the statement are never part of the error, because they may be a
/// trainee's name or reply (GRDB hides arguments by default for the same reason).
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The extended result code, such as 1544 (`SQLITE_READONLY_DIRECTORY`).
  public let extendedCode: Int32
  /// SQLite's own message, such as "database is locked".
  public let message: String
  /// The SQL text that failed, when the failure belongs to a statement.
  public let sql: String?

  /// Creates an error from a result code and a message.
  public init(extendedCode: Int32, message: String, sql: String? = nil) {
    self.extendedCode = extendedCode
    self.message = message
    self.sql = sql
  }

  /// The primary result code, such as 5 (`SQLITE_BUSY`).
  public var code: Int32 { extendedCode & 0xFF }

  /// The symbolic name of the primary result code, such as `SQLITE_BUSY`.
  public var codeName: String {
    Self.primaryNames[code].map { "SQLITE_\($0)" } ?? "SQLite result code \(code)"
  }

  /// A one-line description: code name, message, and the failing SQL if any.
  public var description: String {
    var text = "\(message) (\(codeName))"
    if let sql { text += " while running `\(sql)`" }
    return text
  }

  /// Builds the error for `resultCode` from the connection's current error message.
  static func from(_ connection: OpaquePointer?, resultCode: Int32, sql: String? = nil) -> SQLiteError {
    let extended = connection.map { sqlite3_extended_errcode($0) } ?? resultCode
    // The connection's code can be stale when the failure happened outside it; prefer the call's.
    let code = (extended & 0xFF) == (resultCode & 0xFF) ? extended : resultCode
    let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
      ?? String(cString: sqlite3_errstr(resultCode))
    return SQLiteError(extendedCode: code, message: message, sql: sql)
  }

  private static let primaryNames: [Int32: String] = [
    SQLITE_OK: "OK", SQLITE_ERROR: "ERROR", SQLITE_INTERNAL: "INTERNAL", SQLITE_PERM: "PERM",
    SQLITE_ABORT: "ABORT", SQLITE_BUSY: "BUSY", SQLITE_LOCKED: "LOCKED", SQLITE_NOMEM: "NOMEM",
    SQLITE_READONLY: "READONLY", SQLITE_INTERRUPT: "INTERRUPT", SQLITE_IOERR: "IOERR",
    SQLITE_CORRUPT: "CORRUPT", SQLITE_NOTFOUND: "NOTFOUND", SQLITE_FULL: "FULL",
    SQLITE_CANTOPEN: "CANTOPEN", SQLITE_PROTOCOL: "PROTOCOL", SQLITE_EMPTY: "EMPTY",
    SQLITE_SCHEMA: "SCHEMA", SQLITE_TOOBIG: "TOOBIG", SQLITE_CONSTRAINT: "CONSTRAINT",
    SQLITE_MISMATCH: "MISMATCH", SQLITE_MISUSE: "MISUSE", SQLITE_NOLFS: "NOLFS",
    SQLITE_AUTH: "AUTH", SQLITE_FORMAT: "FORMAT", SQLITE_RANGE: "RANGE", SQLITE_NOTADB: "NOTADB",
    SQLITE_NOTICE: "NOTICE", SQLITE_WARNING: "WARNING", SQLITE_ROW: "ROW", SQLITE_DONE: "DONE",
  ]
}
