import Testing
@testable import CoachTerminal

/// `coach score` exactly as in the style guide's example.
let scoreSpec = CommandSpec(
  "coach score", abstract: "Score transcripts of real conversations.",
  options: [
    OptionSpec("--format", valueName: "format", help: "Output format.", allowedValues: ["jsonl", "csv", "md", "html"], defaultValue: "jsonl"),
    OptionSpec("--fail-under", valueName: "n", help: "Exit with status 1 when the average is below n.", kind: .integer(0...100)),
  ],
  positionals: [PositionalSpec("file", help: "Transcript files; '-' reads standard input.", variadic: true)])

/// A richer command for the other forms.
let checkSpec = CommandSpec(
  "coach check", abstract: "Score one reply and explain every point.",
  discussion: """
    EXIT STATUS:
      0   success
      64  usage error
    """,
  options: [
    OptionSpec("format", short: "f", help: "Output format.", allowedValues: ["text", "json"], defaultValue: "text"),
    OptionSpec("guidelines", short: "g", valueName: "dir", help: "Layer a company guideline pack over the defaults.", repeatable: true),
    OptionSpec("customer", short: "c", valueName: "text", help: "The customer's last message, for context."),
    OptionSpec("limit", valueName: "n", help: "Show at most n findings."),
    OptionSpec("language", valueName: "lang", help: "Language of the reply.", required: true),
  ],
  flags: [
    FlagSpec("verbose", short: "v", help: "Show every finding, strengths included."),
    FlagSpec("quiet", short: "q", help: "Print only the overall score."),
  ],
  positionals: [
    PositionalSpec("reply", help: "The reply to score."),
    PositionalSpec("id", help: "An id for the output.", optional: true),
  ])

let rootSpec = CommandSpec(
  "coach", abstract: "Customer-service reply coach.",
  flags: [FlagSpec("version", help: "Show the version.")],
  subcommands: [
    scoreSpec, checkSpec,
    CommandSpec("coach practice", abstract: "Practise against a simulated customer."),
    CommandSpec(
      "coach scenarios", abstract: "Work with scenario files.",
      subcommands: [
        CommandSpec("coach scenarios lint", abstract: "Check scenario files.", positionals: [PositionalSpec("path", help: "Files or folders.", optional: true, variadic: true)])
      ]),
  ])

/// The rendered error for `arguments`, or a failure if parsing succeeded.
func renderedError(_ arguments: [String], _ spec: CommandSpec = scoreSpec, root: Bool = false) -> String {
  do {
    _ = root ? try parseCommand(arguments, root: spec) : try parse(arguments, spec: spec)
    Issue.record("expected a usage error for \(arguments)")
    return ""
  } catch {
    #expect(error.exitStatus == 64)
    #expect(!error.isHelpRequest)
    return error.rendered()
  }
}

@Suite("Argument parsing")
struct ArgumentParserTests {
  @Test("Unknown option, with did-you-mean, in argument-parser's shape")
  func unknownOption() {
    #expect(renderedError(["--fail-undr", "80", "a.jsonl"]) == """
      Error: unknown option '--fail-undr'. Did you mean '--fail-under'?
      Usage: coach score [--format <format>] [--fail-under <n>] <file> ...
        See 'coach score --help' for more information.

      """)
    #expect(renderedError(["--xyzzy", "a.jsonl"]).hasPrefix("Error: unknown option '--xyzzy'\nUsage: "))
    #expect(renderedError(["--hlep"]).hasPrefix("Error: unknown option '--hlep'. Did you mean '--help'?\n"))
    #expect(renderedError(["-x", "a.jsonl"]).hasPrefix("Error: unknown option '-x'\n"))
    #expect(renderedError(["-vx", "hi"], checkSpec).hasPrefix("Error: unknown option '-x'\n"))
  }

  @Test("Missing value for an option")
  func missingValue() {
    #expect(renderedError(["a.jsonl", "--format"]) == """
      Error: missing value for '--format <format>'
      Usage: coach score [--format <format>] [--fail-under <n>] <file> ...
        See 'coach score --help' for more information.

      """)
    #expect(renderedError(["--format", "--fail-under", "3", "a.jsonl"]).hasPrefix("Error: missing value for '--format <format>'\n"))
    #expect(renderedError(["hi", "--language"], checkSpec).hasPrefix("Error: missing value for '--language <lang>'\n"))
    #expect(renderedError(["hi", "-c"], checkSpec).hasPrefix("Error: missing value for '--customer <text>'\n"))
  }

  @Test("A value outside the allowed list")
  func invalidValue() {
    #expect(renderedError(["--format", "xml", "a.jsonl"]) == """
      Error: invalid value 'xml' for '--format': expected one of 'jsonl', 'csv', 'md', 'html'
      Usage: coach score [--format <format>] [--fail-under <n>] <file> ...
        See 'coach score --help' for more information.

      """)
    #expect(renderedError(["--format=", "a.jsonl"]).hasPrefix("Error: invalid value '' for '--format': expected one of 'jsonl', 'csv', 'md', 'html'\n"))
  }

  @Test("A non-integer where an integer is required")
  func notAnInteger() {
    #expect(renderedError(["--fail-under", "eighty", "a.jsonl"]) == """
      Error: invalid value 'eighty' for '--fail-under': expected an integer
      Usage: coach score [--format <format>] [--fail-under <n>] <file> ...
        See 'coach score --help' for more information.

      """)
    #expect(renderedError(["--fail-under=150", "a.jsonl"]).hasPrefix("Error: invalid value '150' for '--fail-under': expected an integer from 0 to 100\n"))
    let parsed = try? parse(["hi", "--language", "en", "--limit", "ten"], spec: checkSpec)
    #expect(throws: UsageError(.invalidValue("ten", option: "--limit", expected: "an integer"), command: checkSpec)) {
      try parsed?.int("limit")
    }
  }

  @Test("A missing required positional or option")
  func missingArgument() {
    #expect(renderedError([]) == """
      Error: missing expected argument '<file>'
      Usage: coach score [--format <format>] [--fail-under <n>] <file> ...
        See 'coach score --help' for more information.

      """)
    #expect(renderedError(["--language", "ko"], checkSpec).hasPrefix("Error: missing expected argument '<reply>'\n"))
    #expect(renderedError(["hi"], checkSpec).hasPrefix("Error: missing expected argument '--language <lang>'\n"))
  }

  @Test("Unexpected extra arguments")
  func unexpectedArguments() {
    #expect(renderedError(["hi", "r1", "extra", "--language", "en"], checkSpec) == """
      Error: unexpected argument 'extra'
      Usage: coach check [--format <format>] [--guidelines <dir> ...] [--customer <text>] [--limit <n>] --language <lang> [--verbose] [--quiet] <reply> [<id>]
        See 'coach check --help' for more information.

      """)
    #expect(renderedError(["hi", "r1", "x", "y", "--language", "en"], checkSpec).hasPrefix("Error: 2 unexpected arguments: 'x', 'y'\n"))
    #expect(renderedError(["--version", "now"], rootSpec, root: true).hasPrefix("Error: unexpected argument 'now'\nUsage: coach [--version] <subcommand>\n"))
  }

  @Test("A flag given a value")
  func flagWithValue() {
    #expect(renderedError(["hi", "--language", "en", "--verbose=yes"], checkSpec).hasPrefix(
      "Error: '--verbose' does not take a value, but 'yes' was given\n"))
  }

  @Test("Unknown subcommand, with did-you-mean among the group's subcommands")
  func unknownSubcommand() {
    #expect(renderedError(["scroe", "a.jsonl"], rootSpec, root: true) == """
      Error: unknown subcommand 'scroe'. Did you mean 'score'?
      Usage: coach [--version] <subcommand>
        See 'coach --help' for more information.

      """)
    #expect(renderedError(["scenarios", "lnit"], rootSpec, root: true) == """
      Error: unknown subcommand 'lnit'. Did you mean 'lint'?
      Usage: coach scenarios <subcommand>
        See 'coach scenarios --help' for more information.

      """)
    #expect(renderedError(["frobnicate"], rootSpec, root: true).hasPrefix("Error: unknown subcommand 'frobnicate'\n"))
    #expect(renderedError(["--verison"], rootSpec, root: true).hasPrefix("Error: unknown option '--verison'. Did you mean '--version'?\n"))
    #expect(renderedError(["help", "scroe"], rootSpec, root: true).hasPrefix("Error: unknown subcommand 'scroe'. Did you mean 'score'?\n"))
  }

  @Test("Suggestions: edit distance, or one swap of neighbouring letters")
  func suggestions() {
    #expect(suggestion(for: "--fail-undr", among: ["--format", "--fail-under"]) == "--fail-under")
    #expect(suggestion(for: "scroe", among: ["score", "check"]) == "score")
    #expect(suggestion(for: "chekc", among: ["score", "check"]) == "check")
    #expect(suggestion(for: "xyz", among: ["score", "check"]) == nil)
    #expect(!isAdjacentTransposition("abc", "cba"))
  }

  @Test("User text in messages is escaped")
  func escapedMessages() {
    let rendered = renderedError(["--format=\u{1B}[2J", "a"])
    #expect(!rendered.contains("\u{1B}"))
    #expect(rendered.contains("'\\u{1B}[2J'"))
    #expect(!renderedError(["--\u{1B}]0;x\u{7}"]).contains("\u{1B}"))
  }

  @Test("`--opt value`, `--opt=value`, short options, clusters and repeats")
  func forms() throws {
    let parsed = try parse(
      ["-vq", "--format=json", "-g", "acme", "--guidelines=b2b", "-gretail", "--language", "ko", "-c", "-", "배송이 늦어요", "r7"],
      spec: checkSpec)
    #expect(parsed.command == checkSpec)
    #expect(parsed.flag("verbose"))
    #expect(parsed.flag("--quiet"))
    #expect(parsed.value("format") == "json")
    #expect(parsed.values("guidelines") == ["acme", "b2b", "retail"])
    #expect(parsed.value("customer") == "-")
    #expect(parsed.value("language") == "ko")
    #expect(parsed.positional("reply") == "배송이 늦어요")
    #expect(parsed.positional("id") == "r7")
    #expect(parsed.isGiven("format"))
    #expect(!parsed.isGiven("limit"))
    #expect(try parsed.int("limit") == nil)

    let vf = try parse(["-vvf", "json", "hi", "--language=en", "-f=text", "--limit", "-3"], spec: checkSpec)
    #expect(vf.count("verbose") == 2)
    #expect(vf.value("format") == "text")  // the last of a non-repeatable option wins
    #expect(try vf.int("limit") == -3)
    #expect(vf.positional("id") == nil)
  }

  @Test("Defaults apply when an option is not given")
  func defaults() throws {
    let parsed = try parse(["a.jsonl", "b.jsonl"], spec: scoreSpec)
    #expect(parsed.value("format") == "jsonl")
    #expect(parsed.values("format") == ["jsonl"])
    #expect(!parsed.isGiven("format"))
    #expect(try parsed.int("fail-under") == nil)
    #expect(parsed.positionals("file") == ["a.jsonl", "b.jsonl"])
  }

  @Test("`--` ends options; `-` is a positional (standard input)")
  func doubleDashAndStdin() throws {
    let parsed = try parse(["--fail-under", "80", "-", "--", "--format", "-h", "-x"], spec: scoreSpec)
    #expect(parsed.positionals("file") == ["-", "--format", "-h", "-x"])
    #expect(try parsed.int("fail-under") == 80)
    #expect(parsed.value("format") == "jsonl")
    let reply = try parse(["--language", "en", "--", "--not an option"], spec: checkSpec)
    #expect(reply.positional("reply") == "--not an option")
  }

  @Test("Subcommands dispatch to the selected command's arguments")
  func dispatch() throws {
    let score = try parseCommand(["score", "--format", "csv", "a.jsonl"], root: rootSpec)
    #expect(score.command.name == "coach score")
    #expect(score.value("format") == "csv")
    let lint = try parseCommand(["scenarios", "lint"], root: rootSpec)
    #expect(lint.command.path == ["coach", "scenarios", "lint"])
    #expect(lint.positionals("path").isEmpty)
    let version = try parseCommand(["--version"], root: rootSpec)
    #expect(version.command == rootSpec)
    #expect(version.flag("version"))
  }

  @Test("-h and --help ask for help (exit 0) wherever they appear before `--`")
  func helpRequests() {
    let cases: [([String], String)] = [
      (["score", "-h"], "coach score"),
      (["score", "a.jsonl", "--format", "xml", "--help"], "coach score"),
      (["help", "score"], "coach score"),
      (["help", "scenarios", "lint"], "coach scenarios lint"),
      (["scenarios"], "coach scenarios"),
      (["--help"], "coach"),
      (["help"], "coach"),
      ([], "coach"),
    ]
    for (arguments, command) in cases {
      do {
        _ = try parseCommand(arguments, root: rootSpec)
        Issue.record("expected a help request for \(arguments)")
      } catch {
        #expect(error.isHelpRequest, "\(arguments)")
        #expect(error.exitStatus == 0)
        #expect(error.command.name == command, "\(arguments)")
        #expect(error.rendered() == helpText(for: error.command))
      }
    }
    #expect(throws: Never.self) { try parse(["--", "-h"], spec: scoreSpec) }
  }

  @Test("The caller's own validation renders like every usage error")
  func validation() {
    let error = UsageError.invalid("'--quiet' and '--verbose' cannot be used together", command: checkSpec)
    #expect(error.exitStatus == 64)
    #expect(error.description.hasPrefix("Error: '--quiet' and '--verbose' cannot be used together\nUsage: coach check "))
    let coloured = error.rendered(styler: Styler(enabled: true))
    #expect(coloured.hasPrefix("\u{1B}[1;31mError:\u{1B}[0m '--quiet'"))
  }
}
