/// Where a practice session stands.
public enum SessionStatus: String, Sendable, Equatable, CaseIterable {
  /// Started and not finished: still running, or its process was killed.
  case active
  /// Reached an ending.
  case completed
  /// Left before an ending (`/quit`, Ctrl-C, end of input).
  case abandoned

  /// The word reports show.
  ///
  /// A session still `active` when a report is made is shown as `interrupted`: nearly always its
  /// process was killed before it could mark the session abandoned. (A session really in
  /// progress at that moment shows the same; the store cannot tell the two apart.)
  public var reportLabel: String {
    switch self {
    case .active: "interrupted"
    case .completed: "completed"
    case .abandoned: "abandoned"
    }
  }
}
