import CoachTerminal

/// Every command `coach` accepts, with its help text.
enum Commands {
  static let color = OptionSpec(
    "color", valueName: "when", help: "Colour output: auto (a terminal without NO_COLOR), always or never.",
    allowedValues: ["auto", "always", "never"], defaultValue: "auto")
  static let guidelines = OptionSpec(
    "guidelines", valueName: "dir", help: "A company guideline folder (with ko/ and en/) layered over the defaults.",
    repeatable: true)
  static let language = OptionSpec(
    "language", valueName: "lang", help: "The reply's language (detected when left out).", allowedValues: ["ko", "en"])

  static let check = CommandSpec(
    "coach check", abstract: "Score one reply and explain every point.",
    discussion: """
      The reply is the TEXT argument, or standard input when TEXT is left out or '-'.
      Context makes the verdict fairer: the customer's message (--customer), their name (--name),
      whether the company caused the problem (--company-at-fault), and whether this reply closes
      the conversation (--final). Without context, categories that cannot be judged show n/a.

      EXAMPLES:
        coach check "불편을 드려 죄송합니다. 오늘 오후 6시까지 다시 보내 드리겠습니다."
        coach check --customer "Where is my order?!" --company-at-fault "Sorry for any inconvenience."
        echo "환불은 안 돼." | coach check --format json

      """ + ExitStatus.table,
    options: [
      language,
      OptionSpec("customer", valueName: "text", help: "The customer's last message."),
      OptionSpec("name", valueName: "name", help: "The customer's name."),
      OptionSpec("format", valueName: "format", help: "Output format.", allowedValues: ["text", "json"], defaultValue: "text"),
      guidelines, color,
    ],
    flags: [
      FlagSpec("company-at-fault", help: "The company caused the problem, so an apology is owed."),
      FlagSpec("final", help: "This reply closes the conversation, so closing is judged."),
    ],
    positionals: [PositionalSpec("text", help: "The reply to score (default: standard input).", optional: true)])

  static let score = CommandSpec(
    "coach score", abstract: "Score reply records or transcripts in bulk.",
    discussion: """
      Reads JSONL records, one per line: a reply {"id", "text", "language"?, "customer"?,
      "customer_name"?, "company_at_fault"?}. '-' reads standard input, so coach score is a
      streaming filter. A malformed record becomes an error entry with its line number and the
      rest is still scored.

      """ + ExitStatus.table,
    options: [
      OptionSpec("format", valueName: "format", help: "Output format.", allowedValues: ["jsonl"], defaultValue: "jsonl"),
      OptionSpec("fail-under", valueName: "n", help: "Exit 1 when the mean overall score is below n.", kind: .integer(0...100)),
      guidelines,
    ],
    positionals: [PositionalSpec("file", help: "Input files ('-' for standard input).", optional: true, variadic: true)])

  static let guidelinesList = CommandSpec(
    "coach guidelines list", abstract: "List the guideline rules in use.",
    options: [
      language,
      OptionSpec("category", valueName: "category", help: "Only this category.", allowedValues: [
        "empathy", "gratitude", "apology", "plain_language", "ownership", "resolution", "personalization", "closing", "tone",
      ]),
      OptionSpec("format", valueName: "format", help: "Output format.", allowedValues: ["text", "json"], defaultValue: "text"),
      guidelines, color,
    ])

  static let guidelinesExplain = CommandSpec(
    "coach guidelines explain", abstract: "Show one rule: what it matches, when, why, and its examples.",
    options: [guidelines, color],
    positionals: [PositionalSpec("rule", help: "A rule id such as ko.apology.non-apology.")])

  static let guidelinesTest = CommandSpec(
    "coach guidelines test", abstract: "Run every rule's own match/no-match examples.",
    discussion: """
      Loads the bundled packs plus DIR (a folder with ko/ and en/ .rules files) and runs the
      examples of DIR's rules (all rules when DIR is left out), each also behind an emoji line,
      in NFD, with CRLF line ends, and quoted as the customer's words. Failures print as
      file:line:column: error: … [example-failed]; exit status 1 when any example fails or a
      pack has errors.
      """,
    options: [
      OptionSpec("rule", valueName: "id", help: "Only this rule's examples."),
      OptionSpec("format", valueName: "format", help: "Output format.", allowedValues: ["text", "json"], defaultValue: "text"),
      color,
    ],
    positionals: [PositionalSpec("dir", help: "A guideline folder to test (default: the bundled packs).", optional: true)])

  static let guidelinesGroup = CommandSpec(
    "coach guidelines", abstract: "List, explain and test guideline rules.",
    subcommands: [guidelinesList, guidelinesExplain, guidelinesTest])

  static let extraCommands: [CommandSpec] = [PracticeCommand.spec, ProgressCommand.spec, ScenariosCommand.group]

  static var root: CommandSpec {
    CommandSpec(
      "coach", abstract: "ReplyCoach: practise, score and explain customer-service replies in Korean and English.",
      discussion: """
        START HERE:
          coach practice                 practise against a simulated customer
          coach check "reply text"       score one reply and see why

        """ + ExitStatus.table,
      flags: [FlagSpec("version", help: "Print the version.")],
      subcommands: [check, score, guidelinesGroup] + extraCommands)
  }
}
