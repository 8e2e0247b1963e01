import CoachDiagnostics
import CoachGuidelines
import CoachScenarios
import CoachStore
import CoachText
import CoachTerminal
import Foundation

/// One conversation with a scripted customer: reads replies, scores them with the dialogue
/// engine, shows feedback, saves each turn, and ends with a debrief.
struct PracticeSession {
  var engine: DialogueEngine
  var recorder: SessionRecorder
  var reader: ReplyReader
  var output: any TextOutput
  var view: PracticeView
  var trainee: String
  var seed: UInt64

  /// Replies longer than this are refused (a reply is a chat message or an email, not a file).
  static let maximumReplyLength = 5000

  /// How the session ended, for the exit status and the closing line.
  enum Result: Equatable {
    case completed
    case quit
    case endOfInput
  }

  func run() throws -> Result {
    let scenario = engine.scenario
    var state = engine.start(seed: seed)
    try recorder.start(trainee: trainee, scenario: scenario, seed: seed)
    output.write(view.briefing(scenario, trainee: trainee, seed: seed))
    output.write(view.customer(scenario, line: state.customerLine, mood: state.mood))

    /// The replies kept so far, one per turn (a retry replaces the last).
    var outcomes: [TurnOutcome] = []
    /// The turn being answered again after `/retry`.
    var retrying: TurnOutcome?

    while true {
      let input = reader.reply(prompt: view.prompt(turn: state.turn + 1, of: scenario.turnLimit.turns), continuation: view.continuation)
      switch input {
      case .endOfInput:
        try stop(reason: "end of input")
        return .endOfInput
      case .command(.quit):
        try stop(reason: "you quit")
        return .quit
      case .command(.help):
        output.write(view.help)
      case .command(.hint):
        let node = try engine.currentNode(state)
        output.write(view.hints(node, fallback: outcomes.last.map { PracticeView.tips(from: $0.evaluation, count: 2) } ?? []))
      case .command(.retry):
        guard let last = outcomes.last else {
          output.write(view.styler(.muted, "  Nothing to retry yet: answer the customer first.") + "\n")
          continue
        }
        guard retrying == nil else {
          output.write(view.styler(.muted, "  You are already answering reply \(last.turn) again; type your new reply.") + "\n")
          continue
        }
        retrying = last
        state = last.previousState
        output.write("\n  " + view.styler(.emphasis, "Answer again.") + " " + view.styler(.muted, "Your new reply replaces reply \(last.turn).") + "\n")
        output.write(view.customer(scenario, line: state.customerLine, mood: state.mood))
      case .unknownCommand(let word):
        let words = PracticeCommandWord.allCases.map { "/" + $0.rawValue }
        let hint = closestCommand(word, among: words).map { " Did you mean '\($0)'?" } ?? ""
        output.write("  " + view.styler(.warning, "Unknown command '\(TerminalText.safe(word))'.") + hint + " Commands: " + words.joined(separator: " ") + "\n")
      case .reply(let text):
        guard text.unicodeScalars.count <= Self.maximumReplyLength else {
          output.write("  " + view.styler(.warning, "That reply is \(text.unicodeScalars.count) characters long; keep it under \(Self.maximumReplyLength) and send it again.") + "\n")
          continue
        }
        // Scored all the same (nothing typed is lost), but say why the feedback may look odd.
        if let written = Language.detect(text), written != scenario.language {
          output.write(
            "  " + view.styler(.warning, "This customer speaks \(scenario.language.name); your reply reads as \(written.name).")
              + " " + view.styler(.muted, "It is scored with the \(scenario.language.name) guidelines.") + "\n")
        }
        let outcome = try engine.respond(text, to: state)
        try recorder.record(outcome, replacing: retrying != nil)
        if retrying != nil { outcomes.removeLast() }
        outcomes.append(outcome)
        output.write(view.feedback(outcome, retried: retrying != nil))
        retrying = nil
        state = outcome.state
        switch outcome.next {
        case .customer(_, let line):
          output.write(view.customer(scenario, line: line, mood: state.mood))
        case .ending(let ending, let line, let byTurnLimit):
          try finish(ending: ending, line: line, byTurnLimit: byTurnLimit, outcomes: outcomes)
          return .completed
        }
      }
    }
  }

  /// The session's overall score: the mean of the kept replies' overall scores.
  static func overall(of outcomes: [TurnOutcome]) -> Int {
    PracticeView.roundedMean(outcomes.map(\.evaluation.overall))
  }

  private func finish(ending: Ending, line: String?, byTurnLimit: Bool, outcomes: [TurnOutcome]) throws {
    let overall = Self.overall(of: outcomes)
    let scenario = engine.scenario
    // Read the history before this session is completed, so "best" and "last time" are earlier ones.
    let previousBest = try recorder.store.personalBest(trainee: trainee, scenarioID: scenario.id, excluding: recorder.sessionID)
    let lastTime = try recorder.store.lastOverall(trainee: trainee, scenarioID: scenario.id, excluding: recorder.sessionID)
    try recorder.finish(ending: ending, overall: overall)
    output.write(view.debrief(
      ending: ending, line: line, byTurnLimit: byTurnLimit, scenario: scenario, outcomes: outcomes, overall: overall,
      previousBest: previousBest, lastTime: lastTime))
    output.write("\n  " + view.styler(.muted, "Saved as session \(recorder.sessionID.map(String.init) ?? "?") in \(recorder.store.path).") + "\n")
    output.write("  " + view.styler(.muted, "Your progress: coach progress --trainee \(shellQuoted(trainee))") + "\n")
  }

  private func stop(reason: String) throws {
    let saved = try recorder.abandon() ?? 0
    output.write("\n  " + view.styler(.warning, "Stopped (\(reason)).") + " "
      + "The session is saved as abandoned with \(saved) repl\(saved == 1 ? "y" : "ies").\n")
  }

  private func closestCommand(_ word: String, among words: [String]) -> String? {
    words.min { editDistance(word, $0) < editDistance(word, $1) }.flatMap { editDistance(word, $0) <= 2 ? $0 : nil }
  }
}

/// `name` quoted for a POSIX shell when it needs it (spaces, quotes, Hangul is fine as is).
func shellQuoted(_ name: String) -> String {
  let safe = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.@".unicodeScalars.contains($0) }
  if safe && !name.isEmpty { return name }
  return "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
