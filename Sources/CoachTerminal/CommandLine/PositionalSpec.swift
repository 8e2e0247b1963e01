/// An argument given by position: `<file>`, `[<file>]`, `<file> ...`.
public struct PositionalSpec: Sendable, Hashable {
  /// The name shown as `<name>` and used to read the value.
  public var name: String
  /// One line of help.
  public var help: String
  /// Whether the argument may be left out.
  public var isOptional: Bool
  /// Whether it takes every remaining argument (only the last positional may).
  public var isVariadic: Bool

  /// Creates a positional, required and single unless told otherwise.
  public init(_ name: String, help: String, optional: Bool = false, variadic: Bool = false) {
    self.name = name
    self.help = help
    self.isOptional = optional
    self.isVariadic = variadic
  }

  /// `<file>`.
  public var synopsis: String { "<\(name)>" }

  /// The usage element: `<file>`, `[<file>]`, `<file> ...`, `[<file> ...]`.
  var usageElement: String {
    let element = synopsis + (isVariadic ? " ..." : "")
    return isOptional ? "[\(element)]" : element
  }
}
