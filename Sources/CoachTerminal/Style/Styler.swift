/// Applies styles to text when colour is enabled and returns text unchanged when it is not.
///
/// Decide once per stream (see ``ColorMode/isEnabled(environment:isTerminal:)``) and pass the
/// styler to whatever renders for that stream.
public struct Styler: Sendable, Hashable {
  /// Whether escape sequences are emitted at all.
  public var isEnabled: Bool

  /// Creates a styler that emits escape sequences only when `enabled`.
  public init(enabled: Bool) {
    self.isEnabled = enabled
  }

  /// A styler that never emits escape sequences.
  public static let plain = Styler(enabled: false)

  /// `text` wrapped in `style`'s SGR sequence and a reset; unchanged when disabled or plain.
  ///
  /// Resets already inside `text` (from nested styling) re-apply `style` after themselves, so
  /// the outer style continues past an inner one.
  public func apply(_ style: Style, to text: String) -> String {
    guard isEnabled, !text.isEmpty else { return text }
    let open = style.sequence
    guard !open.isEmpty else { return text }
    var body = text
    if ANSIScanner.mayContainEscapes(text) {
      body = text.replacingAll(Style.reset, with: Style.reset + open)
    }
    return open + body + Style.reset
  }

  /// `text` in the style of `role`.
  public func callAsFunction(_ role: StyleRole, _ text: String) -> String {
    apply(role.style, to: text)
  }

  /// `text` in `style`.
  public func callAsFunction(_ style: Style, _ text: String) -> String {
    apply(style, to: text)
  }
}

extension String {
  /// Every occurrence of `target` replaced (stdlib only; no Foundation).
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    var out = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      out += rest[..<range.lowerBound]
      out += replacement
      rest = rest[range.upperBound...]
    }
    return out + rest
  }
}
