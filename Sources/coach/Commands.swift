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

      """ + "\n" + ExitStatus.table,
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
    "coach score", abstract: "Score transcripts and reply records in bulk, with reports.",
    discussion: """
      Reads each FILE (or standard input for '-' or no FILE), in input order, and writes one
      result per record. Input formats (from the extension, or --input-format; 'auto' also looks
      at the first bytes of standard input):
        jsonl  one JSON object per line: a reply {"id", "text", "language"?, "customer"?,
               "customer_name"?, "company_at_fault"?} or a conversation {"id", "agent"?,
               "customer_name"?, "company_at_fault"?, "turns": [{"role", "text", "time"?}]}
        csv    a header row naming the columns (conversation id, role or speaker, text;
               optional time, agent, customer name); one turn per row; consecutive rows with
               the same conversation id are one conversation; RFC 4180 quoting, BOM, CRLF
        text   '고객: …' / '상담원: …' or 'Customer: …' / 'Agent: …' lines; other lines continue
               the turn; a blank line or '---' ends a conversation
      Roles may be written 고객/손님/customer/user and 상담원/상담사/agent/staff.

      Every agent turn is scored with the customer's words before it; closing is judged on the
      last agent turn; the conversation gets category means and a weighted overall (capped at 40
      on a critical finding). Output formats:
        jsonl  the output contract per record; conversations add "turns"; a bad record gives
               {"error", "file", "line"} and the rest is still scored (a streaming filter)
        csv    one row per scored reply or agent turn (Excel: add --bom)
        md     a Markdown summary; html  a self-contained HTML report
      Records are scored on --jobs threads and written strictly in input order, with bounded
      memory. A progress bar is drawn on standard error when it is a terminal.

      EXAMPLES:
        coach score chats.jsonl > scores.jsonl
        coach score --format html --out report.html export.csv
        cat part-*.jsonl | coach score - --jobs 2 --fail-under 70

      EXIT STATUS:
        0    every record was read and scored (and --fail-under was met)
        1    the mean overall score is below --fail-under N
        2    a record or file was bad (malformed JSON, wrong CSV field count, unknown role,
             invalid UTF-8, unreadable file): its error entry names file and line, the rest
             was scored; or the output or guideline packs could not be used
        64   usage error: unknown option, missing or invalid argument
        130  interrupted by Ctrl-C (records read so far are written)
      """,
    options: [
      OptionSpec(
        "input-format", valueName: "format", help: "Input format (auto: from the extension, else the content).",
        allowedValues: ["auto", "jsonl", "csv", "text"], defaultValue: "auto"),
      OptionSpec("format", valueName: "format", help: "Output format.", allowedValues: ["jsonl", "csv", "md", "html"], defaultValue: "jsonl"),
      OptionSpec("out", valueName: "path", help: "Write the output to this file instead of standard output."),
      OptionSpec("jobs", short: "j", valueName: "n", help: "Threads that score (default: the active processor count).", kind: .integer(1...256)),
      OptionSpec("fail-under", valueName: "n", help: "Exit 1 when the mean overall score is below n.", kind: .integer(0...100)),
      guidelines,
    ],
    flags: [FlagSpec("bom", help: "Start CSV output with a UTF-8 byte-order mark (for Excel).")],
    positionals: [PositionalSpec("file", help: "Input files ('-' for standard input; default: standard input).", optional: true, variadic: true)])

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

        """ + "\n" + ExitStatus.table,
      flags: [FlagSpec("version", help: "Print the version.")],
      subcommands: [check, score, guidelinesGroup] + extraCommands)
  }
}
