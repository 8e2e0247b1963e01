/// The `--help` text for a command, in argument-parser's layout, wrapped to `width` columns.
///
/// OVERVIEW (the abstract), USAGE, ARGUMENTS, OPTIONS (labels in a 26-column gutter, allowed
/// values and defaults appended, `-h, --help` last), SUBCOMMANDS for a group, then the
/// discussion exactly as written. (argument-parser puts the discussion under the overview; we put
/// it last because ours are reference material such as exit-status tables.)
public func helpText(for command: CommandSpec, width: Int = 80) -> String {
  let width = max(width, 40)
  var sections: [String] = []
  if !command.abstract.isEmpty {
    sections.append(wrap("OVERVIEW: " + command.abstract, width: width).joined(separator: "\n") + "\n")
  }
  sections.append("USAGE: " + command.usage + "\n")
  let arguments = command.positionals.map { HelpRow(label: $0.synopsis, text: $0.help) }
  if !arguments.isEmpty { sections.append(section("ARGUMENTS", arguments, width: width)) }
  let options =
    command.options.map { HelpRow(label: $0.helpLabel, text: $0.helpDescription) }
    + command.flags.map { HelpRow(label: $0.helpLabel, text: $0.help) }
    + [HelpRow(label: "-h, --help", text: "Show help information.")]
  sections.append(section("OPTIONS", options, width: width))
  if !command.subcommands.isEmpty {
    let rows = command.subcommands.map { HelpRow(label: $0.word, text: $0.abstract) }
    var path = command.path
    path.insert("help", at: 1)
    sections.append(
      section("SUBCOMMANDS", rows, width: width)
        + "\n  See '\(path.joined(separator: " ")) <subcommand>' for detailed help.\n")
  }
  if !command.discussion.isEmpty {
    sections.append(command.discussion.hasSuffix("\n") ? command.discussion : command.discussion + "\n")
  }
  return sections.joined(separator: "\n")
}

private struct HelpRow {
  var label: String
  var text: String
}

/// The column where help text starts, as in argument-parser.
private let labelColumn = 26

private func section(_ title: String, _ rows: [HelpRow], width: Int) -> String {
  var out = title + ":\n"
  for row in rows {
    let label = "  " + row.label
    let lines = row.text.isEmpty ? [] : wrap(row.text, width: width, indent: labelColumn)
    if lines.isEmpty {
      out += label + "\n"
    } else if displayWidth(label) < labelColumn {
      out += pad(label, to: labelColumn) + lines[0].dropFirst(labelColumn) + "\n"
      for line in lines.dropFirst() { out += line + "\n" }
    } else {
      out += label + "\n" + lines.map { $0 + "\n" }.joined()
    }
  }
  return out
}
