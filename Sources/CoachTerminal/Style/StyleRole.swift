/// What a piece of text means, so colours are chosen in one place rather than at every call site.
public enum StyleRole: String, Sendable, Hashable, CaseIterable {
  /// A strength, a passing score (≥ 80).
  case good
  /// Something to improve, a middling score (50–79).
  case warning
  /// A critical issue, a failing score (< 50), an error.
  case bad
  /// Headings and key numbers.
  case emphasis
  /// Secondary detail: hints, placeholders, units.
  case muted
  /// The simulated customer's lines.
  case customer
  /// The coach's feedback and tips.
  case coach

  /// The one mapping from meaning to SGR attributes.
  public var style: Style {
    switch self {
    case .good: Style(foreground: .green)
    case .warning: Style(foreground: .yellow)
    case .bad: Style(foreground: .red, bold: true)
    case .emphasis: Style(bold: true)
    case .muted: Style(dim: true)
    case .customer: Style(foreground: .cyan, bold: true)
    case .coach: Style(foreground: .magenta)
    }
  }

  /// The role for a 0–100 score: ≥ 80 good, ≥ 50 warning, else bad.
  public static func forScore(_ score: Int) -> StyleRole {
    score >= 80 ? .good : score >= 50 ? .warning : .bad
  }
}
