/// A text style made only of basic SGR attributes: a 16-colour foreground/background, bold, dim, underline.
public struct Style: Sendable, Hashable {
  /// The text colour, or `nil` for the terminal's default.
  public var foreground: TerminalColor?
  /// The background colour, or `nil` for the terminal's default.
  public var background: TerminalColor?
  /// Bold (SGR 1).
  public var bold: Bool
  /// Dim (SGR 2).
  public var dim: Bool
  /// Underlined (SGR 4).
  public var underline: Bool

  /// Creates a style; every attribute is off unless given.
  public init(
    foreground: TerminalColor? = nil, background: TerminalColor? = nil,
    bold: Bool = false, dim: Bool = false, underline: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.underline = underline
  }

  /// No attributes: text styled with it is returned unchanged.
  public static let plain = Style()

  /// The SGR sequence that resets every attribute.
  public static let reset = ANSIScanner.reset

  /// The SGR parameters in a fixed order: bold, dim, underline, foreground, background.
  public var parameters: [Int] {
    var codes: [Int] = []
    if bold { codes.append(1) }
    if dim { codes.append(2) }
    if underline { codes.append(4) }
    if let foreground { codes.append(foreground.foregroundCode) }
    if let background { codes.append(background.backgroundCode) }
    return codes
  }

  /// The escape sequence that turns this style on (empty for ``plain``).
  public var sequence: String {
    let codes = parameters
    guard !codes.isEmpty else { return "" }
    return "\u{1B}[" + codes.map(String.init).joined(separator: ";") + "m"
  }

  /// This style with bold added.
  public var bolded: Style {
    var copy = self
    copy.bold = true
    return copy
  }
}
