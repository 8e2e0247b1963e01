import CoachDiagnostics
import CoachGuidelines
import CoachText

/// A scenario file as written, before its parts are checked against each other: every value is
/// optional (it may be missing or malformed) and keeps where it was written.
struct ParsedScenario: Sendable {
  struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    var value: Value
    var location: SourceLocation
  }

  struct ParsedBranch: Sendable {
    var isDefault: Bool
    /// `nil` for `otherwise`, or when the condition could not be parsed.
    var condition: Condition?
    var conditionIsValid: Bool
    var target: Located<String>?
    var moodChange: Int
    var location: SourceLocation
    var ruleReferences: [RuleReference]
  }

  struct ParsedNode: Sendable {
    var id: Located<String>
    var lines: [Located<String>] = []
    var hints: [String] = []
    var branches: [ParsedBranch] = []
  }

  struct ParsedEnding: Sendable {
    var id: Located<String>
    var kind: Located<EndingKind>?
    var kindWasGiven = false
    var lines: [Located<String>] = []
    var debrief: [String] = []
  }

  var path: String
  var contentHash: String
  var diagnostics: [Diagnostic] = []

  var id: Located<String>?
  var title: Located<String>?
  var language: Located<Language>?
  var mood: Located<Mood>?
  var difficulty: Located<Difficulty>?
  var channel: Located<Channel>?
  var customerName: Located<String>?
  var situation: Located<String>?
  var companyAtFault: Located<Bool>?
  var turnLimit: Located<Int>?
  var turnLimitTarget: Located<String>?
  var trains: [Located<Category>] = []
  /// Header keys seen (valid or not), so a malformed value is not also reported as missing.
  var headerKeysSeen: Set<String> = []

  /// Where `---` was written (missing fields are reported there).
  var separator: SourceLocation?
  var endMarker: SourceLocation?

  var nodes: [ParsedNode] = []
  var endings: [ParsedEnding] = []

  init(path: String, contentHash: String) {
    self.path = path
    self.contentHash = contentHash
  }

  /// The complete scenario, when the file has no errors.
  func scenario() -> Scenario? {
    guard !diagnostics.hasErrors, let id, let title, let language, let mood, let difficulty, let channel,
      let customerName, let situation, let companyAtFault, let turnLimit, let turnLimitTarget, !nodes.isEmpty
    else { return nil }
    var builtNodes: [Node] = []
    for node in nodes {
      var branches: [Branch] = []
      for branch in node.branches {
        guard let target = branch.target, branch.conditionIsValid else { return nil }
        branches.append(Branch(condition: branch.condition, target: target.value, moodChange: branch.moodChange, location: branch.location))
      }
      builtNodes.append(Node(id: node.id.value, lines: node.lines.map(\.value), hints: node.hints, branches: branches, location: node.id.location))
    }
    var builtEndings: [Ending] = []
    for ending in endings {
      guard let kind = ending.kind else { return nil }
      builtEndings.append(
        Ending(id: ending.id.value, kind: kind.value, lines: ending.lines.map(\.value), debrief: ending.debrief, location: ending.id.location))
    }
    return Scenario(
      id: id.value, title: title.value, language: language.value, mood: mood.value, difficulty: difficulty.value,
      channel: channel.value, customerName: customerName.value, situation: situation.value, companyAtFault: companyAtFault.value,
      turnLimit: TurnLimit(turns: turnLimit.value, ending: turnLimitTarget.value), trains: trains.map(\.value),
      nodes: builtNodes, endings: builtEndings, path: path, contentHash: contentHash)
  }
}
