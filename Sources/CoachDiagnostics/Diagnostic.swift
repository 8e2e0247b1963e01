/// One problem found in a file a person wrote (a guideline pack, a scenario, a transcript).
///
/// Diagnostics stay structured until they are printed: the printer decides text or JSON,
/// colour or not, and whether to show the source line with a caret.
public struct Diagnostic: Sendable, Hashable {
  public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    private var rank: Int {
      switch self {
      case .error: 0
      case .warning: 1
      case .note: 2
      }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  public var severity: Severity
  /// A stable kebab-case code shown in brackets, e.g. `unknown-node`.
  public var code: String
  /// Lower-case start, no final period; user-supplied names in single quotes.
  public var message: String
  public var location: SourceLocation?
  /// Attached notes: "did you mean", "first defined here".
  public var notes: [Diagnostic]

  public init(
    _ severity: Severity, code: String, message: String, at location: SourceLocation?,
    notes: [Diagnostic] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.notes = notes
  }

  public static func error(_ code: String, _ message: String, at location: SourceLocation?, notes: [Diagnostic] = []) -> Diagnostic {
    Diagnostic(.error, code: code, message: message, at: location, notes: notes)
  }

  public static func warning(_ code: String, _ message: String, at location: SourceLocation?, notes: [Diagnostic] = []) -> Diagnostic {
    Diagnostic(.warning, code: code, message: message, at: location, notes: notes)
  }

  public static func note(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
    Diagnostic(.note, code: "", message: message, at: location)
  }

  public var isError: Bool { severity == .error }
}

extension Array where Element == Diagnostic {
  /// Sorted by file, line, column, then severity; diagnostics without a location come first.
  public func sortedByLocation() -> [Diagnostic] {
    enumerated().sorted { a, b in
      switch (a.element.location, b.element.location) {
      case (nil, nil): return a.offset < b.offset
      case (nil, _): return true
      case (_, nil): return false
      case let (l?, r?):
        if l != r { return l < r }
        if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
        return a.offset < b.offset
      }
    }.map(\.element)
  }

  public var hasErrors: Bool { contains { $0.isError } }
}
