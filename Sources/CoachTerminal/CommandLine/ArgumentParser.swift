import CoachDiagnostics

// Command-line parsing in the spirit of swift-argument-parser, without the package.
//
// Accepted forms: `--opt value`, `--opt=value`, `-o value`, `-ovalue`, `-abc` (flags, the last
// letter may be an option taking the next argument), `--` (everything after is positional),
// `-` (a positional meaning standard input), negative numbers as values and positionals,
// repeated options. `-h`/`--help` anywhere before `--` asks for help.

/// Parses `arguments` (without the program name) against one command.
///
/// A group's subcommands are not followed here; use ``parseCommand(_:root:)`` for a command tree.
/// Throws ``UsageError`` for the first problem found, or a help request.
public func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
  var scanner = ArgumentScanner(command: spec, arguments: arguments)
  return try scanner.run()
}

/// Follows subcommand words from `root`, then parses the rest against the selected command.
///
/// `coach score a.jsonl` parses `a.jsonl` against `coach score`; `coach help score` and
/// `coach score --help` ask for `coach score`'s help; `coach` alone asks for the root's help.
/// An unknown word is an "unknown subcommand" error with a "did you mean" among the group's
/// subcommands. A group's own options and flags (e.g. `--version`) apply when its first
/// argument is an option. Dispatch on ``ParsedArguments/command``.
public func parseCommand(_ arguments: [String], root: CommandSpec) throws(UsageError) -> ParsedArguments {
  var command = root
  var rest = arguments[...]
  while !command.subcommands.isEmpty {
    guard let first = rest.first else { throw UsageError(.helpRequested, command: command) }
    if first == "-h" || first == "--help" { throw UsageError(.helpRequested, command: command) }
    if first.hasPrefix("-") && first != "-" {
      return try parse(Array(rest), spec: command)
    }
    if first == "help" && command.subcommand("help") == nil {
      var target = command
      for word in rest.dropFirst() {
        guard let next = target.subcommand(word) else { throw unknownSubcommand(word, in: target) }
        target = next
      }
      throw UsageError(.helpRequested, command: target)
    }
    guard let next = command.subcommand(first) else { throw unknownSubcommand(first, in: command) }
    command = next
    rest = rest.dropFirst()
  }
  return try parse(Array(rest), spec: command)
}

private func unknownSubcommand(_ word: String, in group: CommandSpec) -> UsageError {
  let suggestion = suggestion(for: word, among: group.subcommands.map(\.word))
  return UsageError(.unknownSubcommand(word, suggestion: suggestion), command: group)
}

/// One left-to-right pass over the arguments of one command.
struct ArgumentScanner {
  let command: CommandSpec
  let arguments: [String]
  private var index = 0
  private var parsed: ParsedArguments
  private var positionals: [String] = []

  init(command: CommandSpec, arguments: [String]) {
    self.command = command
    self.arguments = arguments
    self.parsed = ParsedArguments(command: command)
  }

  mutating func run() throws(UsageError) -> ParsedArguments {
    for argument in arguments {
      if argument == "--" { break }
      if argument == "-h" || argument == "--help" { throw error(.helpRequested) }
    }
    var optionsEnded = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") || isNegativeNumber(argument) {
        positionals.append(argument)
      } else if argument == "--" {
        optionsEnded = true
      } else if argument.hasPrefix("--") {
        try longArgument(argument)
      } else {
        try shortCluster(argument)
      }
    }
    for option in command.options where option.isRequired && parsed.optionValues[option.long] == nil {
      throw error(.missingArgument(option.synopsis))
    }
    try assignPositionals()
    return parsed
  }

  /// `--name`, `--name value` or `--name=value`.
  private mutating func longArgument(_ argument: String) throws(UsageError) {
    let body = argument.dropFirst(2)
    let name: String, inline: String?
    if let equals = body.firstIndex(of: "=") {
      name = String(body[..<equals])
      inline = String(body[body.index(after: equals)...])
    } else {
      name = String(body)
      inline = nil
    }
    if let option = command.options.first(where: { $0.long == name }) {
      let value: String
      if let inline { value = inline } else { value = try nextValue(for: option) }
      try record(option, value: value)
    } else if let flag = command.flags.first(where: { $0.long == name }) {
      if let inline { throw error(.unexpectedValue(flag: flag.longName, value: inline)) }
      parsed.flagCounts[flag.long, default: 0] += 1
    } else {
      let candidates = command.options.map(\.longName) + command.flags.map(\.longName) + ["--help"]
      let written = "--" + name
      throw error(.unknownOption(written, suggestion: suggestion(for: written, among: candidates)))
    }
  }

  /// `-v`, `-vq`, `-f value`, `-fvalue`, `-vf value`.
  private mutating func shortCluster(_ argument: String) throws(UsageError) {
    var letters = argument.dropFirst()[...]
    while let letter = letters.popFirst() {
      if let flag = command.flags.first(where: { $0.short == letter }) {
        parsed.flagCounts[flag.long, default: 0] += 1
      } else if let option = command.options.first(where: { $0.short == letter }) {
        var attached = letters
        if attached.first == "=" { attached.removeFirst() }
        let value: String
        if attached.isEmpty { value = try nextValue(for: option) } else { value = String(attached) }
        try record(option, value: value)
        return
      } else {
        throw error(.unknownOption("-" + String(letter), suggestion: nil))
      }
    }
  }

  /// The next argument as the option's value, unless it is missing or is itself an option.
  private mutating func nextValue(for option: OptionSpec) throws(UsageError) -> String {
    guard index < arguments.count else { throw error(.missingValue(option: option.synopsis)) }
    let next = arguments[index]
    guard next == "-" || !next.hasPrefix("-") || isNegativeNumber(next) else {
      throw error(.missingValue(option: option.synopsis))
    }
    index += 1
    return next
  }

  private mutating func record(_ option: OptionSpec, value: String) throws(UsageError) {
    if !option.allowedValues.isEmpty && !option.allowedValues.contains(value) {
      let expected = "one of " + option.allowedValues.map { "'\($0)'" }.joined(separator: ", ")
      throw error(.invalidValue(value, option: option.longName, expected: expected))
    }
    if case .integer(let range) = option.kind {
      guard let number = Int(value) else {
        throw error(.invalidValue(value, option: option.longName, expected: "an integer"))
      }
      if let range, !range.contains(number) {
        let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        throw error(.invalidValue(value, option: option.longName, expected: expected))
      }
    }
    if option.isRepeatable {
      parsed.optionValues[option.long, default: []].append(value)
    } else {
      parsed.optionValues[option.long] = [value]
    }
  }

  /// Fills positionals in order: each takes one value, a variadic one takes the rest.
  private mutating func assignPositionals() throws(UsageError) {
    var remaining = positionals[...]
    for spec in command.positionals {
      if spec.isVariadic {
        if remaining.isEmpty && !spec.isOptional { throw error(.missingArgument(spec.synopsis)) }
        parsed.positionalValues[spec.name] = Array(remaining)
        remaining = []
      } else if let value = remaining.popFirst() {
        parsed.positionalValues[spec.name] = [value]
      } else if !spec.isOptional {
        throw error(.missingArgument(spec.synopsis))
      }
    }
    if !remaining.isEmpty { throw error(.unexpectedArguments(Array(remaining))) }
  }

  private func error(_ kind: UsageError.Kind) -> UsageError {
    UsageError(kind, command: command)
  }
}

/// A "did you mean" candidate: ``closestMatch(to:among:)``, or else a candidate that differs by
/// one swap of neighbouring letters (`scroe` → `score`), which Levenshtein distance counts as two
/// edits and so rejects for short words.
func suggestion(for name: String, among candidates: [String]) -> String? {
  if let match = closestMatch(to: name, among: candidates) { return match }
  return candidates.first { isAdjacentTransposition(name.lowercased(), $0.lowercased()) }
}

func isAdjacentTransposition(_ a: String, _ b: String) -> Bool {
  let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
  guard a.count == b.count, a != b else { return false }
  let differences = a.indices.filter { a[$0] != b[$0] }
  guard differences.count == 2, differences[1] == differences[0] + 1 else { return false }
  let i = differences[0]
  return a[i] == b[i + 1] && a[i + 1] == b[i]
}

/// `-5`, `-0.5`: a value, not an option.
func isNegativeNumber(_ argument: String) -> Bool {
  let body = argument.utf8.dropFirst()
  guard argument.utf8.first == UInt8(ascii: "-"), let first = body.first, (0x30...0x39).contains(first) else {
    return false
  }
  return body.allSatisfy { (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") }
}
