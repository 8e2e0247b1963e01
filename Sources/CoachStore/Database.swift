import CSQLite

/// One SQLite connection: open, run SQL, prepare statements, and run transactions.
///
/// A `Database` is not safe to use from two threads at once; `ProgressStore` guards its
/// connection with a lock, and each thread that needs its own connection opens one.
///
/// ```swift
/// let database = try Database(path: "/tmp/x.sqlite", mode: .readWriteCreate)
/// try database.transaction(.immediate) {
///   try database.execute("INSERT INTO trainee (name, created_at) VALUES (?, ?)", ["민지", now])
/// }
/// ```
final class Database {
  /// How the file is opened.
  enum OpenMode: Sendable {
    /// Read and write an existing file; SQLite falls back to read-only when the file is.
    case readWrite
    /// Read and write, creating the file when it is missing.
    case readWriteCreate

    var flags: Int32 {
      switch self {
      case .readWrite: SQLITE_OPEN_READWRITE
      case .readWriteCreate: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
      }
    }
  }

  /// When a transaction takes SQLite's write lock.
  enum TransactionKind: String, Sendable {
    /// On its first write (readers only ever use this).
    case deferred = "DEFERRED"
    /// At `BEGIN`, so a writer waits for the lock up front instead of failing half-way.
    case immediate = "IMMEDIATE"
  }

  private let handle: OpaquePointer

  /// Opens the database at `path`.
  ///
  /// - Parameter busyTimeoutMilliseconds: how long a statement waits for another
  ///   connection's lock before failing with `SQLITE_BUSY`.
  /// - Throws: `SQLiteError`, e.g. `SQLITE_CANTOPEN` when the file or its folder is missing.
  init(path: String, mode: OpenMode, busyTimeoutMilliseconds: Int = 5000) throws {
    var handle: OpaquePointer?
    let code = sqlite3_open_v2(path, &handle, mode.flags, nil)
    guard code == SQLITE_OK, let handle else {
      let error = SQLiteError.from(handle, resultCode: code)
      sqlite3_close_v2(handle)
      throw error
    }
    self.handle = handle
    sqlite3_extended_result_codes(handle, 1)
    sqlite3_busy_timeout(handle, Int32(clamping: busyTimeoutMilliseconds))
  }

  deinit {
    // close_v2 defers the close until every statement of this connection is finalised.
    sqlite3_close_v2(handle)
  }

  /// Whether SQLite fell back to opening the main database read-only, because the file is.
  var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

  /// Whether no transaction is open.
  var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

  /// The rowid of the most recent successful `INSERT` on this connection.
  var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// Compiles one SQL statement.
  func prepare(_ sql: String) throws -> Statement {
    try Statement(connection: handle, sql: sql)
  }

  /// Runs one statement with `arguments` bound to its `?` parameters, discarding rows.
  func execute(_ sql: String, _ arguments: [any SQLiteBindable] = []) throws {
    try prepare(sql).run(arguments)
  }

  /// Runs a script of statements without parameters, such as a migration's schema changes.
  func executeScript(_ sql: String) throws {
    var message: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, sql, nil, nil, &message)
    defer { sqlite3_free(message) }
    guard code == SQLITE_OK else {
      let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
      throw SQLiteError(extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
    }
  }

  /// Runs one statement and returns each row mapped by `transform`.
  func rows<Row>(_ sql: String, _ arguments: [any SQLiteBindable] = [], _ transform: (Statement) throws -> Row) throws -> [Row] {
    try prepare(sql).rows(arguments, transform)
  }

  /// Runs one statement and calls `body` for each row.
  func forEachRow(_ sql: String, _ arguments: [any SQLiteBindable] = [], _ body: (Statement) throws -> Void) throws {
    let statement = try prepare(sql)
    try statement.bind(arguments)
    while try statement.step() { try body(statement) }
  }

  /// Runs one statement and returns its first row mapped by `transform`, or `nil` if none.
  func firstRow<Row>(_ sql: String, _ arguments: [any SQLiteBindable] = [], _ transform: (Statement) throws -> Row) throws -> Row? {
    let statement = try prepare(sql)
    try statement.bind(arguments)
    return try statement.step() ? transform(statement) : nil
  }

  /// Runs `body` inside a transaction: commits when it returns, rolls back when it throws.
  ///
  /// The first error is the one rethrown: a failing rollback after a failing body never hides
  /// the body's error (GRDB's rule).
  /// - Throws: the body's error, or `SQLiteError` from `BEGIN` / `COMMIT`
  ///   (`SQLITE_BUSY` when another connection held the write lock past the busy timeout).
  func transaction<Result>(_ kind: TransactionKind = .deferred, _ body: () throws -> Result) throws -> Result {
    try execute("BEGIN \(kind.rawValue) TRANSACTION")
    do {
      let result = try body()
      try execute("COMMIT TRANSACTION")
      return result
    } catch {
      // SQLite rolls back by itself after some errors (e.g. SQLITE_FULL); only roll back if open.
      if !isAutocommit { try? execute("ROLLBACK TRANSACTION") }
      throw error
    }
  }
}
