import Testing
@testable import CoachTerminal

@Suite("Help text")
struct HelpTextTests {
  @Test("Help for a command: overview, usage, arguments, aligned options, discussion")
  func scoreHelp() {
    #expect(helpText(for: scoreSpec) == """
      OVERVIEW: Score transcripts of real conversations.

      USAGE: coach score [--format <format>] [--fail-under <n>] <file> ...

      ARGUMENTS:
        <file>                  Transcript files; '-' reads standard input.

      OPTIONS:
        --format <format>       Output format. (values: jsonl, csv, md, html; default:
                                jsonl)
        --fail-under <n>        Exit with status 1 when the average is below n.
        -h, --help              Show help information.

      """)
  }

  @Test("Help lists every option, flag and positional, and the discussion")
  func everything() {
    let text = helpText(for: checkSpec, width: 100)
    for option in checkSpec.options {
      #expect(text.contains(option.helpLabel), "\(option.long)")
      #expect(text.contains(option.help), "\(option.long)")
    }
    for flag in checkSpec.flags {
      #expect(text.contains("-\(flag.short!), \(flag.longName)"))
      #expect(text.contains(flag.help))
    }
    for positional in checkSpec.positionals { #expect(text.contains("  <\(positional.name)>")) }
    #expect(text.contains("-g, --guidelines <dir>"))
    #expect(text.contains("(values: text, json; default: text)"))
    #expect(text.hasSuffix("EXIT STATUS:\n  0   success\n  64  usage error\n"))
    #expect(text.contains("USAGE: " + checkSpec.usage + "\n"))
  }

  @Test("Help descriptions start in column 27 and lines fit the width", arguments: [40, 60, 80, 120])
  func layout(_ width: Int) {
    let text = helpText(for: checkSpec, width: width)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for line in lines where line.hasPrefix("  -") && displayWidth(line) > 26 {
      let label = line.prefix(26)
      #expect(label.last == " ", "\(line)")
      #expect(line.dropFirst(26).first != " ", "\(line)")
    }
    for line in lines where !line.hasPrefix("USAGE:") {
      #expect(displayWidth(line) <= width, "\(line)")
    }
  }

  @Test("A group lists its subcommands and how to get their help")
  func groupHelp() {
    let text = helpText(for: rootSpec)
    #expect(text.contains("USAGE: coach [--version] <subcommand>\n"))
    #expect(text.contains("SUBCOMMANDS:\n  score                   Score transcripts of real conversations.\n"))
    #expect(text.contains("  scenarios               Work with scenario files.\n"))
    #expect(text.hasSuffix("  See 'coach help <subcommand>' for detailed help.\n"))
    #expect(helpText(for: rootSpec.subcommand("scenarios")!).contains("See 'coach help scenarios <subcommand>'"))
  }

  @Test("A label longer than the gutter puts its help on the next line")
  func longLabel() {
    let spec = CommandSpec(
      "coach export", abstract: "Export.",
      options: [OptionSpec("include-conversation-text", valueName: "yes-or-no", help: "Whether to include text.")])
    let text = helpText(for: spec)
    #expect(text.contains("  --include-conversation-text <yes-or-no>\n                          Whether to include text.\n"))
  }
}
