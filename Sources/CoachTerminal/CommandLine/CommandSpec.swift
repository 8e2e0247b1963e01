/// What a command accepts and how it explains itself: the source of parsing, usage and help.
///
/// A command either runs (it has options, flags, positionals) or groups subcommands
/// (`coach` → `coach score`, `coach scenarios` → `coach scenarios lint`). A group may also have
/// its own options and flags (e.g. `--version`), used when no subcommand is named.
public struct CommandSpec: Sendable, Hashable {
  /// The words that invoke the command, e.g. `["coach", "score"]`.
  public var path: [String]
  /// One sentence shown as the OVERVIEW and in the parent's SUBCOMMANDS list.
  public var abstract: String
  /// Extra text printed as written at the end of help, e.g. an exit-status table.
  public var discussion: String
  /// Options that take a value, in the order usage and help list them.
  public var options: [OptionSpec]
  /// Flags, listed after the options.
  public var flags: [FlagSpec]
  /// Positionals in order; only the last may be variadic.
  public var positionals: [PositionalSpec]
  /// Subcommands, each with this command's path plus one word.
  public var subcommands: [CommandSpec]

  /// Creates a command; `path` is the full invocation, words separated by spaces (`"coach score"`).
  public init(
    _ path: String, abstract: String, discussion: String = "", options: [OptionSpec] = [],
    flags: [FlagSpec] = [], positionals: [PositionalSpec] = [], subcommands: [CommandSpec] = []
  ) {
    self.path = path.split(separator: " ").map(String.init)
    self.abstract = abstract
    self.discussion = discussion
    self.options = options
    self.flags = flags
    self.positionals = positionals
    self.subcommands = subcommands
    precondition(!self.path.isEmpty, "a command needs a name")
    for subcommand in subcommands {
      precondition(
        Array(subcommand.path.dropLast()) == self.path,
        "subcommand '\(subcommand.name)' must be '\(name) <word>'")
    }
    precondition(
      positionals.dropLast().allSatisfy { !$0.isVariadic }, "only the last positional may be variadic")
    let longNames = options.map(\.long) + flags.map(\.long)
    precondition(Set(longNames).count == longNames.count, "duplicate option or flag in '\(name)'")
    precondition(!longNames.contains("help"), "'--help' is built in")
  }

  /// The full command, e.g. `coach score`.
  public var name: String { path.joined(separator: " ") }

  /// The word that selects this command under its parent, e.g. `score`.
  public var word: String { path[path.count - 1] }

  /// The one-line synopsis used after `Usage:` and `USAGE:`.
  ///
  /// Like argument-parser's: options, then flags, then positionals; `[…]` around what may be
  /// left out; `...` after what repeats; more than 12 named arguments shrink to `[<options>]`.
  public var usage: String {
    var named = options.map(\.usageElement) + flags.map { "[\($0.longName)]" }
    if named.count > 12 {
      let required = options.filter(\.isRequired).map(\.usageElement)
      named = ["[<options>]"] + required
    }
    var elements = [name] + named + positionals.map(\.usageElement)
    if !subcommands.isEmpty { elements.append("<subcommand>") }
    return elements.joined(separator: " ")
  }

  /// The option declared with long name `name` (dashes optional).
  public func option(named name: String) -> OptionSpec? {
    let key = stripDashes(name)
    return options.first { $0.long == key }
  }

  /// The flag declared with long name `name` (dashes optional).
  public func flag(named name: String) -> FlagSpec? {
    let key = stripDashes(name)
    return flags.first { $0.long == key }
  }

  /// The subcommand selected by `word`.
  public func subcommand(_ word: String) -> CommandSpec? {
    subcommands.first { $0.word == word }
  }
}
