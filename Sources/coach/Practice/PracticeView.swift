import CoachGuidelines
import CoachScenarios
import CoachTerminal
import CoachText

/// Everything the practice screen shows, as text: the scenario menu, the briefing, the
/// customer's lines with the mood meter, per-turn feedback and the debrief.
///
/// Rendering only — no input, no store. Every piece of scenario or trainee text goes through
/// `TerminalText.safe`, and every width is a display width (Hangul counts two columns).
struct PracticeView {
  var styler: Styler
  /// The width lines are wrapped to (the terminal's, at most 100 columns).
  var width: Int
  /// The terminal's width (tables may use all of it).
  var columns: Int

  init(styler: Styler, columns: Int) {
    self.styler = styler
    self.columns = max(40, columns)
    self.width = max(40, min(columns, 100))
  }

  // MARK: - Menu and briefing

  /// A heading rule: `── Title ─────…` across the width.
  func rule(_ title: String) -> String {
    let head = "── " + title + " "
    return styler(.emphasis, head) + styler(.muted, String(repeating: "─", count: max(3, width - displayWidth(head)))) + "\n"
  }

  /// The numbered scenario list, grouped by language, with the recommended one marked.
  ///
  /// Uses the terminal's full width (not the 100-column text width), so long titles fit.
  func menu(_ scenarios: [Scenario], recommended: String?, columns: Int) -> String {
    var table = TextTable(columns: [.init("#", alignment: .right), .init("id"), .init("mood"), .init("difficulty"), .init("title"), .init("")])
    let mark = "recommended"
    for (index, scenario) in scenarios.enumerated() {
      table.append([
        "\(index + 1)", scenario.id, "\(scenario.mood.name.rawValue) \(scenario.mood.start)", scenario.difficulty.rawValue,
        TerminalText.safe(scenario.title), scenario.id == recommended ? styler(.good, mark) : "",
      ])
    }
    // The title gets what the other columns leave of the line.
    let fixed = [0, 1, 2, 3].map { column in table.rows.map { displayWidth($0[column]) }.max() ?? 0 }
    let markWidth = recommended == nil ? 0 : displayWidth(mark) + 2
    table.columns[4].maxWidth = max(12, max(40, columns) - 2 - fixed.reduce(0, +) - 2 * 4 - markWidth)
    let lines = table.renderLines(styler: styler)
    var out = ""
    var language: Language?
    for (index, line) in lines.enumerated() {
      let row = index - 2  // after the header and its underline
      if row >= 0, scenarios[row].language != language {
        language = scenarios[row].language
        out += "  " + styler(.muted, language == .ko ? "Korean · 한국어" : "English") + "\n"
      }
      out += "  " + trimTrailingSpaces(line) + "\n"
    }
    return out
  }

  /// The briefing before the first customer line: title, facts, situation, how to answer.
  func briefing(_ scenario: Scenario, trainee: String, seed: UInt64) -> String {
    var out = "\n" + rule(TerminalText.safe(scenario.title))
    let facts = [
      scenario.id, scenario.language.name, scenario.channel.rawValue, scenario.difficulty.rawValue,
      "up to \(scenario.turnLimit.turns) replies", "seed \(seed)",
    ]
    out += "  " + styler(.muted, facts.joined(separator: " · ")) + "\n"
    out += paragraph(TerminalText.safe(scenario.situation), indent: 2)
    out += "  " + styler(.muted, "Trains: ") + scenario.trains.map(\.title).joined(separator: ", ")
      + styler(.muted, "   Trainee: ") + TerminalText.safe(trainee) + "\n"
    out += "  " + styler(.muted, Self.inputRule) + "\n"
    return out
  }

  /// How to answer, in one line (briefing) — the full rule is in `/help`.
  static let inputRule = "Type your reply; an empty line sends it. Commands: /hint /retry /quit /help"

  // MARK: - The conversation

  /// The customer's name, channel and mood meter, then their line, quoted and wrapped.
  func customer(_ scenario: Scenario, line: String, mood: Int) -> String {
    let who = styler(.customer, TerminalText.safe(scenario.customerName)) + styler(.muted, " · " + scenario.channel.rawValue)
    let moodText = moodMeter(mood)
    let gap = max(2, width - 2 - displayWidth(who) - displayWidth(moodText))
    var out = "\n  " + who + String(repeating: " ", count: gap) + moodText + "\n"
    for quoted in wrap("“" + TerminalText.safe(line) + "”", width: width, indent: 4) { out += styler(.customer, quoted) + "\n" }
    return out + "\n"
  }

  /// `mood ██████▊░░░ 7/10 angry`-style meter; red when heated, yellow in between, green when calm.
  func moodMeter(_ mood: Int) -> String {
    "mood " + meter(mood, max: 10, width: 10, styler: styler, role: Self.moodRole(mood)) + " "
      + styler(Self.moodRole(mood), pad("\(mood)/10", to: 5, align: .right)) + " " + styler(.muted, pad(Self.moodWord(mood), to: 7))
  }

  static func moodRole(_ mood: Int) -> StyleRole { mood >= 7 ? .bad : mood >= 4 ? .warning : .good }

  static func moodWord(_ mood: Int) -> String {
    switch mood {
    case 9...: "furious"
    case 7...8: "angry"
    case DialogueEngine.upsetMood...6: "upset"  // from here the engine expects empathy
    case 3...4: "uneasy"
    default: "calm"
    }
  }

  /// The reply prompt: `reply 2/5 › `.
  func prompt(turn: Int, of limit: Int) -> String {
    styler(.emphasis, "reply \(turn)/\(limit) ›") + " "
  }

  /// The prompt for a reply's later lines.
  var continuation: String { styler(.muted, "        ·") + " " }

  // MARK: - Feedback

  /// Feedback on one reply: overall, category bars, the evidence quoted, tips, the mood change.
  func feedback(_ outcome: TurnOutcome, retried: Bool) -> String {
    let evaluation = outcome.evaluation
    var out = "\n" + rule("Feedback on reply \(outcome.turn)" + (retried ? " (retried)" : ""))
    let view = EvaluationView(evaluation: evaluation, styler: styler, width: width, showUnjudged: false)
    out += "  " + pad("Overall", to: 16) + scoreBar(evaluation.overall, width: 12, styler: styler) + "  "
      + styler(StyleRole.forScore(evaluation.overall), pad("\(evaluation.overall)", to: 3, align: .right))
    if let level = evaluation.speechLevel {
      let role: StyleRole = level == .mixed || level == .informal ? .bad : .good
      out += "   " + styler(.muted, "speech level ") + styler(role, level.rawValue + " (" + level.koreanName + ")")
    }
    out += "\n" + columnsOf(view.categoryLines()).map { $0 + "\n" }.joined()
    let unjudged = Category.allCases.filter { evaluation[$0].score == nil }
    if !unjudged.isEmpty {
      out += paragraph(styler(.muted, "not judged this turn: " + unjudged.map { $0.title.lowercased() }.joined(separator: ", ")), indent: 2)
    }
    let strengths = evaluation.findings.filter { $0.kind == .strength }
    let issues = evaluation.findings.filter { $0.kind == .issue }.sorted { ($0.severity, $0.start) < ($1.severity, $1.start) }
    if !strengths.isEmpty {
      out += "\n  " + styler(.emphasis, "What worked") + "\n"
      for group in EvaluationView.grouped(strengths) { out += evidence(group) }
    }
    if !issues.isEmpty {
      out += "\n  " + styler(.emphasis, "To improve") + "\n"
      for group in EvaluationView.grouped(issues) { out += evidence(group) }
    }
    let tips = Self.tips(from: evaluation, count: 2)
    if !tips.isEmpty {
      out += "\n  " + styler(.emphasis, "Tips") + "\n"
      for (index, tip) in tips.enumerated() {
        let label = "  \(index + 1). " + tip.category.title.lowercased() + ": "
        let lines = wrap(TerminalText.safe("“" + tip.example + "”"), width: width - displayWidth(label), indent: 0)
        for (j, line) in lines.enumerated() {
          out += (j == 0 ? label : String(repeating: " ", count: displayWidth(label))) + styler(.coach, line) + "\n"
        }
      }
    }
    out += "\n  " + moodChange(from: outcome.moodBefore, to: outcome.moodAfter) + "\n"
    return out
  }

  /// Findings of one rule on one line when it fits: icon, category, the evidence quoted, the
  /// rule's message; longer ones wrap under the category.
  func evidence(_ findings: [Finding]) -> String {
    let finding = findings[0]
    let icon: String
    switch (finding.kind, finding.severity) {
    case (.strength, _): icon = styler(.good, "✓")
    case (.issue, .critical): icon = styler(.bad, "✗")
    case (.issue, .warning): icon = styler(.warning, "!")
    case (.issue, .info): icon = styler(.muted, "·")
    }
    let excerpts = findings.map { $0.excerpt.split(whereSeparator: \.isNewline).joined(separator: " ") }.filter { !$0.isEmpty }
    let quote = excerpts.isEmpty
      ? styler(.muted, "(missing)") : truncate(excerpts.map { "“" + TerminalText.safe($0) + "”" }.joined(separator: " "), toWidth: max(20, width / 2 - 10))
    let label = styler(.muted, pad(finding.category.title.lowercased(), to: 15))
    let lines = wrap(quote + " " + styler(.muted, "—") + " " + TerminalText.safe(finding.message), width: width - 22)
    var out = ""
    for (index, line) in lines.enumerated() {
      out += (index == 0 ? "   \(icon) " + label + " " : String(repeating: " ", count: 21)) + line + "\n"
    }
    return out
  }

  /// Category lines side by side in two columns when the screen is wide enough.
  func columnsOf(_ lines: [String]) -> [String] {
    let widest = lines.map(displayWidth).max() ?? 0
    guard lines.count > 3, 2 * widest + 4 <= width else { return lines.map(trimTrailingSpaces) }
    let half = (lines.count + 1) / 2
    return (0..<half).map { row in
      let left = lines[row]
      guard row + half < lines.count else { return trimTrailingSpaces(left) }
      return trimTrailingSpaces(pad(left, to: widest + 4) + lines[row + half].dropFirst(2))
    }
  }

  /// A suggestion with an example phrasing in the scenario's language.
  struct Tip {
    var category: Category
    var message: String
    var example: String
  }

  /// The most useful suggestions: critical issues first, then warnings, one per category.
  static func tips(from evaluation: Evaluation, count: Int) -> [Tip] {
    var seen = Set<Category>()
    var tips: [Tip] = []
    let issues = evaluation.findings.filter { $0.kind == .issue && $0.suggestion != nil }
    for finding in issues.sorted(by: { ($0.severity, $0.start) < ($1.severity, $1.start) }) {
      guard seen.insert(finding.category).inserted, let suggestion = finding.suggestion else { continue }
      tips.append(Tip(category: finding.category, message: finding.message, example: suggestion))
      if tips.count == count { break }
    }
    return tips
  }

  /// `Mood 7 → 5  calmer`.
  func moodChange(from before: Int, to after: Int) -> String {
    let word: String, role: StyleRole
    if after < before {
      (word, role) = ("calmer", .good)
    } else if after > before {
      (word, role) = ("more upset", .bad)
    } else {
      (word, role) = ("no change", .muted)
    }
    return styler(.emphasis, "Mood") + " \(before) → \(after)  " + styler(role, word)
  }

  // MARK: - Commands

  /// `/hint`: the node's hints, or the last turn's tips when the node has none.
  func hints(_ node: Node, fallback: [Tip]) -> String {
    var out = "\n  " + styler(.emphasis, "Hint") + "\n"
    if !node.hints.isEmpty {
      for hint in node.hints { out += wrap(TerminalText.safe(hint), width: width, indent: 4).map { styler(.coach, $0) + "\n" }.joined() }
    } else if !fallback.isEmpty {
      for tip in fallback { out += wrap(TerminalText.safe("Try: “" + tip.example + "”"), width: width, indent: 4).map { styler(.coach, $0) + "\n" }.joined() }
    } else {
      out += paragraph("Acknowledge how the customer feels, say what you will do, and when.", indent: 4)
    }
    return out + "\n"
  }

  /// `/help`: the input rule and the commands.
  var help: String {
    """

      \(styler(.emphasis, "How to answer"))
        Type your reply. It may span several lines; an empty line sends it.
        (A pasted text with paragraphs stays one reply in a terminal.)
      \(styler(.emphasis, "Commands")) (on a line of their own, at the start of a reply)
        /hint    a hint for this customer line
        /retry   answer the last customer line again; only the new reply is kept
        /quit    stop here; the replies so far are saved (the session counts as abandoned)
        /help    this help


    """
  }

  // MARK: - Debrief

  /// The ending, its debrief, per-category scores over the session, and the comparison with the
  /// trainee's previous sessions of this scenario.
  func debrief(
    ending: Ending, line: String?, byTurnLimit: Bool, scenario: Scenario, outcomes: [TurnOutcome], overall: Int,
    previousBest: Int?, lastTime: Int?
  ) -> String {
    let role: StyleRole = ending.kind.isSuccess ? .good : .bad
    var out = ""
    if let line {
      out += "\n  " + styler(.customer, TerminalText.safe(scenario.customerName)) + "\n"
      for quoted in wrap("“" + TerminalText.safe(line) + "”", width: width, indent: 4) { out += styler(.customer, quoted) + "\n" }
    }
    out += "\n" + rule("Debrief")
    out += "  " + styler(.emphasis, "Ending: ") + styler(role, Self.endingWord(ending.kind))
    if ending.id != ending.kind.rawValue { out += styler(.muted, "  (\(ending.id))") }
    if byTurnLimit { out += styler(.muted, " — the replies ran out") }
    out += "\n"
    for paragraph in ending.debrief { out += self.paragraph(TerminalText.safe(paragraph), indent: 2) }

    out += "\n  " + styler(.emphasis, "Your session") + styler(.muted, "  (\(outcomes.count) repl\(outcomes.count == 1 ? "y" : "ies"); mean per category)") + "\n"
    for category in Category.allCases {
      let scores = outcomes.compactMap { $0.evaluation[category].score }
      let label = pad(category.title, to: 16)
      guard !scores.isEmpty else {
        out += "  " + label + scoreBar(nil, width: 12, styler: styler) + "  " + styler(.muted, "n/a") + "\n"
        continue
      }
      let mean = Self.roundedMean(scores)
      out += "  " + label + scoreBar(mean, width: 12, styler: styler) + "  "
        + styler(StyleRole.forScore(mean), pad("\(mean)", to: 3, align: .right)) + "\n"
    }
    out += "  " + pad("Overall", to: 16) + scoreBar(overall, width: 12, styler: styler) + "  "
      + styler(.emphasis, styler(StyleRole.forScore(overall), pad("\(overall)", to: 3, align: .right))) + "\n\n"

    if let previousBest {
      if overall > previousBest {
        out += "  " + styler(.good, "New personal best on this scenario: \(overall)") + styler(.muted, " (was \(previousBest))") + "\n"
      } else {
        out += "  Personal best on this scenario: \(previousBest)" + styler(.muted, overall == previousBest ? " (matched)" : "") + "\n"
      }
    } else {
      out += "  " + styler(.good, "Personal best on this scenario: \(overall)") + styler(.muted, " (your first completed session of it)") + "\n"
    }
    if let lastTime {
      let change = overall - lastTime
      let sign = change > 0 ? "+" : ""
      let changeRole: StyleRole = change > 0 ? .good : change < 0 ? .bad : .muted
      out += "  Since last time: \(lastTime) → \(overall) " + styler(changeRole, "(\(sign)\(change))") + "\n"
    }
    return out
  }

  static func endingWord(_ kind: EndingKind) -> String {
    switch kind {
    case .resolved: "resolved"
    case .escalated: "escalated to a supervisor"
    case .customerLeft: "the customer left"
    case .unresolved: "unresolved"
    }
  }

  static func roundedMean(_ values: [Int]) -> Int {
    values.isEmpty ? 0 : Int((Double(values.reduce(0, +)) / Double(values.count)).rounded())
  }

  // MARK: - Helpers

  func paragraph(_ text: String, indent: Int) -> String {
    wrap(text, width: width, indent: indent).map { $0 + "\n" }.joined()
  }

  func trimTrailingSpaces(_ line: String) -> String {
    var line = line
    while line.hasSuffix(" ") { line.removeLast() }
    return line
  }
}
