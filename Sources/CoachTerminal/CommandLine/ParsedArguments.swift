/// The values of one parsed command line, read by the names the ``CommandSpec`` declared.
///
/// Reading a name the command did not declare is a programming error and stops the program,
/// so a typo in a name shows up the first time the code runs.
public struct ParsedArguments: Sendable, Hashable {
  /// The command that was parsed (for a group, the subcommand that was selected).
  public let command: CommandSpec
  var optionValues: [String: [String]]
  var flagCounts: [String: Int]
  var positionalValues: [String: [String]]

  init(command: CommandSpec) {
    self.command = command
    self.optionValues = [:]
    self.flagCounts = [:]
    self.positionalValues = [:]
  }

  /// The option's last given value, else its default, else `nil`.
  public func value(_ option: String) -> String? {
    let spec = declaredOption(option)
    return optionValues[spec.long]?.last ?? spec.defaultValue
  }

  /// Every value given for a (repeatable) option in order; its default alone if none was given.
  public func values(_ option: String) -> [String] {
    let spec = declaredOption(option)
    if let given = optionValues[spec.long], !given.isEmpty { return given }
    return spec.defaultValue.map { [$0] } ?? []
  }

  /// Whether the option was given on the command line (not just defaulted).
  public func isGiven(_ option: String) -> Bool {
    optionValues[declaredOption(option).long] != nil
  }

  /// The option's value as an integer (``value(_:)`` parsed), or `nil` when it has no value.
  ///
  /// Throws the usage error "invalid value 'x' for '--n': expected an integer" otherwise.
  public func int(_ option: String) throws(UsageError) -> Int? {
    let spec = declaredOption(option)
    guard let text = value(option) else { return nil }
    guard let number = Int(text) else {
      throw UsageError(.invalidValue(text, option: spec.longName, expected: "an integer"), command: command)
    }
    return number
  }

  /// Whether the flag was given at least once.
  public func flag(_ name: String) -> Bool {
    count(name) > 0
  }

  /// How many times the flag was given (`-vv` is 2).
  public func count(_ name: String) -> Int {
    let key = stripDashes(name)
    precondition(command.flag(named: key) != nil, "'\(command.name)' declares no flag '--\(key)'")
    return flagCounts[key] ?? 0
  }

  /// The positional's value (the first, for a variadic one), or `nil` when it was left out.
  public func positional(_ name: String) -> String? {
    positionals(name).first
  }

  /// Every value of a positional (one at most unless variadic).
  public func positionals(_ name: String) -> [String] {
    precondition(
      command.positionals.contains { $0.name == name }, "'\(command.name)' declares no positional '<\(name)>'")
    return positionalValues[name] ?? []
  }

  private func declaredOption(_ name: String) -> OptionSpec {
    guard let spec = command.option(named: name) else {
      preconditionFailure("'\(command.name)' declares no option '--\(stripDashes(name))'")
    }
    return spec
  }
}
