/// Where text sits inside a wider column.
public enum TextAlignment: String, Sendable, Hashable, CaseIterable {
  case left, right, center
}
