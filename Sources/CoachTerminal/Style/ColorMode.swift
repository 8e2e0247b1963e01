/// The user's colour choice (`--color auto|always|never`) and the rule that decides it per stream.
public enum ColorMode: String, Sendable, Hashable, CaseIterable {
  case auto, always, never

  /// Whether to colour a stream.
  ///
  /// An explicit `always` or `never` wins. For `auto`: off when `NO_COLOR` is non-empty; on when
  /// `CLICOLOR_FORCE` is non-empty and not `0`; otherwise on only when the stream is a terminal
  /// and `TERM` is not `dumb`.
  public func isEnabled(environment: [String: String], isTerminal: Bool) -> Bool {
    switch self {
    case .always: return true
    case .never: return false
    case .auto:
      if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
      if let force = environment["CLICOLOR_FORCE"], !force.isEmpty, force != "0" { return true }
      return isTerminal && environment["TERM"] != "dumb"
    }
  }

  /// A styler for the stream on file descriptor `fd`, deciding with ``isEnabled(environment:isTerminal:)``.
  public func styler(forDescriptor fd: Int32, environment: [String: String]) -> Styler {
    Styler(enabled: isEnabled(environment: environment, isTerminal: CoachTerminal.isTerminal(fd)))
  }
}
