/// The characters a bar or meter is drawn with; every one must be one column wide.
public struct BarGlyphs: Sendable, Hashable {
  /// A fully filled cell.
  public var full: Character
  /// An empty cell.
  public var empty: Character
  /// Partly filled cells for 1/8 … 7/8 (empty when the glyph set has no partial cells).
  public var partials: [Character]
  /// A cell of a bar that has no value (`nil` score).
  public var placeholder: Character

  /// Creates a glyph set; `partials` holds seven characters (1/8 … 7/8) or none.
  public init(full: Character, empty: Character, partials: [Character], placeholder: Character) {
    precondition(partials.isEmpty || partials.count == 7, "partials are 1/8 through 7/8")
    self.full = full
    self.empty = empty
    self.partials = partials
    self.placeholder = placeholder
  }

  /// Unicode block elements with eighth-blocks: `█▉▊▋▌▍▎▏`, `░`, `·`.
  ///
  /// These are East Asian Ambiguous (narrow in Western-configured terminals, as counted by
  /// ``displayWidth(_:)``); terminals set to draw ambiguous characters wide should use ``ascii``.
  public static let blocks = BarGlyphs(
    full: "█", empty: "░", partials: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], placeholder: "·")

  /// Plain ASCII: `#`, `-`, `.`.
  public static let ascii = BarGlyphs(full: "#", empty: "-", partials: [], placeholder: ".")
}
