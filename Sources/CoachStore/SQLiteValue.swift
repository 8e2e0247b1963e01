/// A value that can be bound to a statement parameter: SQLite's storage classes without BLOB.
enum SQLiteValue: Equatable, Sendable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
}

/// A Swift value that can be bound to a statement parameter.
protocol SQLiteBindable {
  /// The value as SQLite stores it.
  var sqliteValue: SQLiteValue { get }
}

extension SQLiteValue: SQLiteBindable {
  var sqliteValue: SQLiteValue { self }
}

extension Int64: SQLiteBindable {
  var sqliteValue: SQLiteValue { .integer(self) }
}

extension Int: SQLiteBindable {
  var sqliteValue: SQLiteValue { .integer(Int64(self)) }
}

extension Double: SQLiteBindable {
  var sqliteValue: SQLiteValue { .real(self) }
}

extension String: SQLiteBindable {
  var sqliteValue: SQLiteValue { .text(self) }
}

extension Bool: SQLiteBindable {
  var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
  var sqliteValue: SQLiteValue { self?.sqliteValue ?? .null }
}
