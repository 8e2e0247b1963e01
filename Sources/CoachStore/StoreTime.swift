import CSQLite
import Foundation

/// How the store writes times: ISO-8601 UTC text with milliseconds, `2025-03-01T14:05:09.123Z`.
///
/// The fixed width makes text order equal time order, so SQL can sort and compare the columns;
/// and the text reads well in the `sqlite3` shell.
enum StoreTime {
  private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

  /// The stored text for `date`.
  static func text(_ date: Date) -> String {
    date.formatted(style)
  }

  /// The date for stored text; a value that does not parse is a damaged row.
  static func date(_ text: String) throws -> Date {
    do {
      return try style.parse(text)
    } catch {
      throw SQLiteError(extendedCode: SQLITE_MISMATCH, message: "stored time '\(text)' is not ISO-8601")
    }
  }
}
