/// A named switch without a value: `--verbose`, `-v`; may be given more than once (`count(_:)`).
public struct FlagSpec: Sendable, Hashable {
  /// The long name without dashes, e.g. `verbose`.
  public var long: String
  /// The one-letter short name without the dash, e.g. `v`.
  public var short: Character?
  /// One line of help.
  public var help: String

  /// Creates a flag; `long` may be written with or without its dashes.
  public init(_ long: String, short: Character? = nil, help: String) {
    let name = stripDashes(long)
    precondition(!name.isEmpty && short != "-", "a flag needs a long name")
    self.long = name
    self.short = short
    self.help = help
  }

  /// `--verbose`.
  public var longName: String { "--" + long }

  /// `-v, --verbose`, as in help.
  var helpLabel: String {
    (short.map { "-\($0), " } ?? "") + longName
  }
}
