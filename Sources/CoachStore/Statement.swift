import CSQLite

/// A prepared SQL statement: bind parameters by index, step through rows, read columns.
///
/// The statement is finalised when it is released. It belongs to the connection that prepared
/// it and must be used on that connection's thread (or under its lock).
final class Statement {
  /// The SQL text, kept for error messages.
  let sql: String
  private let handle: OpaquePointer
  private let connection: OpaquePointer

  /// Compiles `sql`, which must hold exactly one statement.
  ///
  /// - Throws: `SQLiteError` when SQLite rejects the SQL or cannot read the schema.
  init(connection: OpaquePointer, sql: String) throws {
    var handle: OpaquePointer?
    let code = sqlite3_prepare_v2(connection, sql, -1, &handle, nil)
    guard code == SQLITE_OK, let handle else {
      sqlite3_finalize(handle)
      throw SQLiteError.from(connection, resultCode: code, sql: sql)
    }
    self.sql = sql
    self.handle = handle
    self.connection = connection
  }

  deinit {
    sqlite3_finalize(handle)
  }

  /// Resets the statement and binds `arguments` to parameters 1, 2, …
  ///
  /// - Throws: `SQLiteError` (`SQLITE_RANGE`) when the count does not match the SQL's parameters.
  func bind(_ arguments: [any SQLiteBindable]) throws {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    let expected = Int(sqlite3_bind_parameter_count(handle))
    guard arguments.count == expected else {
      throw SQLiteError(
        extendedCode: SQLITE_RANGE,
        message: "statement takes \(expected) arguments, got \(arguments.count)", sql: sql)
    }
    for (offset, argument) in arguments.enumerated() {
      try bind(argument.sqliteValue, at: Int32(offset + 1))
    }
  }

  /// Binds one value to the 1-based parameter `index`.
  func bind(_ value: SQLiteValue, at index: Int32) throws {
    let code: Int32
    switch value {
    case .null: code = sqlite3_bind_null(handle, index)
    case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
    case .real(let number): code = sqlite3_bind_double(handle, index, number)
    case .text(let text): code = bindText(text, at: index)
    }
    guard code == SQLITE_OK else { throw SQLiteError.from(connection, resultCode: code, sql: sql) }
  }

  /// Binds text with its exact UTF-8 length, so a NUL inside it is kept, not a cut-off point.
  private func bindText(_ text: String, at index: Int32) -> Int32 {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty else { return sqlite3_bind_text(handle, index, "", 0, csqlite_transient()) }
    return bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        sqlite3_bind_text64(handle, index, $0.baseAddress, sqlite3_uint64($0.count), csqlite_transient(), UInt8(SQLITE_UTF8))
      }
    }
  }

  /// Advances to the next row.
  ///
  /// - Returns: `true` when a row is available, `false` when the statement is done.
  /// - Throws: `SQLiteError`, for example `SQLITE_BUSY` or a constraint violation.
  @discardableResult
  func step() throws -> Bool {
    switch sqlite3_step(handle) {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    case let code:
      // The error belongs to this statement; reset so the connection can go on.
      let error = SQLiteError.from(connection, resultCode: code, sql: sql)
      sqlite3_reset(handle)
      throw error
    }
  }

  /// Binds `arguments`, runs the statement to completion, and discards any rows.
  func run(_ arguments: [any SQLiteBindable] = []) throws {
    try bind(arguments)
    while try step() {}
  }

  /// Binds `arguments` and returns each row mapped by `transform`.
  func rows<Row>(_ arguments: [any SQLiteBindable] = [], _ transform: (Statement) throws -> Row) throws -> [Row] {
    try bind(arguments)
    var result: [Row] = []
    while try step() { result.append(try transform(self)) }
    return result
  }

  /// Whether column `index` (0-based) of the current row is NULL.
  func isNull(_ index: Int32) -> Bool {
    sqlite3_column_type(handle, index) == SQLITE_NULL
  }

  /// Column `index` of the current row as an integer, or `nil` when NULL.
  func int64(_ index: Int32) -> Int64? {
    isNull(index) ? nil : sqlite3_column_int64(handle, index)
  }

  /// Column `index` of the current row as an `Int`, or `nil` when NULL.
  func int(_ index: Int32) -> Int? {
    int64(index).map { Int($0) }
  }

  /// Column `index` of the current row as a floating-point number, or `nil` when NULL.
  func double(_ index: Int32) -> Double? {
    isNull(index) ? nil : sqlite3_column_double(handle, index)
  }

  /// Column `index` of the current row as an integer; a NULL is an error.
  func requiredInt64(_ index: Int32) throws -> Int64 {
    guard let value = int64(index) else { throw unexpectedNull(index) }
    return value
  }

  /// Column `index` of the current row as text; a NULL is an error.
  func requiredString(_ index: Int32) throws -> String {
    guard let value = string(index) else { throw unexpectedNull(index) }
    return value
  }

  /// Column `index` of the current row as text, or `nil` when NULL.
  func string(_ index: Int32) -> String? {
    guard !isNull(index), let bytes = sqlite3_column_text(handle, index) else { return nil }
    let count = Int(sqlite3_column_bytes(handle, index))
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  }

  private func unexpectedNull(_ index: Int32) -> SQLiteError {
    let name = sqlite3_column_name(handle, index).map { String(cString: $0) } ?? "\(index)"
    return SQLiteError(extendedCode: SQLITE_MISMATCH, message: "unexpected NULL in column '\(name)'", sql: sql)
  }
}
