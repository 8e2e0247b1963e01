/// A position in a trainer- or QA-edited file: path, 1-based line and column (in Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var column: Int
  /// The column just past the end of the offending text on the same line, if known.
  public var endColumn: Int?

  public init(path: String, line: Int, column: Int, endColumn: Int? = nil) {
    self.path = path
    self.line = line
    self.column = column
    self.endColumn = endColumn
  }

  /// `path:line:column`, the form editors and compilers use.
  public var description: String { "\(path):\(line):\(column)" }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
  }
}
