/// A named option that takes a value: `--format <format>`, `-f <format>`, `--format=<format>`.
public struct OptionSpec: Sendable, Hashable {
  /// What kind of value the option takes; checked while parsing.
  public enum ValueKind: Sendable, Hashable {
    /// Any text.
    case string
    /// A whole number, optionally limited to a range (e.g. `0...100` for `--fail-under`).
    case integer(ClosedRange<Int>?)
  }

  /// The long name without dashes, e.g. `format`.
  public var long: String
  /// The one-letter short name without the dash, e.g. `f`.
  public var short: Character?
  /// The placeholder shown in usage and help, e.g. `format` in `--format <format>`.
  public var valueName: String
  /// One line of help.
  public var help: String
  /// The only values accepted, in the order help lists them; empty for any value.
  public var allowedValues: [String]
  /// The value used when the option is not given (shown in help).
  public var defaultValue: String?
  /// Whether the option may be given several times, each value kept (`values(_:)`).
  /// A non-repeatable option given twice keeps the last value, as argument-parser does.
  public var isRepeatable: Bool
  /// Whether the option must be given (only meaningful without a default).
  public var isRequired: Bool
  /// The kind of value.
  public var kind: ValueKind

  /// Creates an option; `long` and `short` may be written with or without their dashes.
  public init(
    _ long: String, short: Character? = nil, valueName: String? = nil, help: String,
    allowedValues: [String] = [], defaultValue: String? = nil, repeatable: Bool = false,
    required: Bool = false, kind: ValueKind = .string
  ) {
    let name = stripDashes(long)
    precondition(!name.isEmpty && short != "-", "an option needs a long name")
    self.long = name
    self.short = short
    self.valueName = valueName ?? name
    self.help = help
    self.allowedValues = allowedValues
    self.defaultValue = defaultValue
    self.isRepeatable = repeatable
    self.isRequired = required && defaultValue == nil
    self.kind = kind
  }

  /// `--format`.
  public var longName: String { "--" + long }

  /// `--format <format>`, as in error messages.
  public var synopsis: String { "\(longName) <\(valueName)>" }

  /// The usage element: `[--format <format>]`, `--name <name>`, `[--tag <tag> ...]`.
  var usageElement: String {
    var element = synopsis
    if isRepeatable { element += " ..." }
    return isRequired ? element : "[\(element)]"
  }

  /// `-f, --format <format>`, as in help.
  var helpLabel: String {
    (short.map { "-\($0), " } ?? "") + synopsis
  }

  /// The help line with allowed values and default appended.
  var helpDescription: String {
    var notes: [String] = []
    if !allowedValues.isEmpty { notes.append("values: " + allowedValues.joined(separator: ", ")) }
    if let defaultValue, !defaultValue.isEmpty { notes.append("default: " + defaultValue) }
    guard !notes.isEmpty else { return help }
    return (help.isEmpty ? "" : help + " ") + "(" + notes.joined(separator: "; ") + ")"
  }
}

/// `--format` → `format`, `-f` → `f`.
func stripDashes(_ name: String) -> String {
  String(name.drop(while: { $0 == "-" }))
}
