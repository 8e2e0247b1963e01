import CoachDiagnostics
import CoachGuidelines
import CoachText

/// A scripted customer: who they are, how upset they are, what they say, and how the
/// conversation branches on the trainee's replies.
///
/// Scenarios are read from `.scenario` files by ``ScenarioParser`` and checked by
/// ``ScenarioLinter``; a `Scenario` value that reaches the ``DialogueEngine`` is complete and
/// lint-clean (every target exists, every node has a default branch).
public struct Scenario: Sendable, Hashable, Identifiable {
  /// Lower-case kebab ASCII, unique across the library (`late-delivery-angry`).
  public var id: String
  /// Display title; may be Korean.
  public var title: String
  public var language: Language
  /// The customer's mood at the start: a name and a value 0 (calm) … 10 (at boiling point).
  public var mood: Mood
  public var difficulty: Difficulty
  public var channel: Channel
  /// The customer's name, passed to the evaluator (personalisation).
  public var customerName: String
  /// What happened, for the trainee's briefing.
  public var situation: String
  /// Whether the company caused the problem (an apology is then owed).
  public var companyAtFault: Bool
  /// The most replies the trainee gets, and the ending reached when they run out.
  public var turnLimit: TurnLimit
  /// The categories this scenario trains (used to recommend it for a weak category).
  public var trains: [Category]
  /// The nodes in file order; the first is where the conversation starts.
  public var nodes: [Node]
  public var endings: [Ending]
  /// The file it was read from, as given to the parser.
  public var path: String
  /// A hash of the file's bytes (FNV-1a 64, hex), so a stored session can tell which version it played.
  public var contentHash: String

  public init(
    id: String, title: String, language: Language, mood: Mood, difficulty: Difficulty, channel: Channel,
    customerName: String, situation: String, companyAtFault: Bool, turnLimit: TurnLimit, trains: [Category],
    nodes: [Node], endings: [Ending], path: String = "", contentHash: String = ""
  ) {
    self.id = id
    self.title = title
    self.language = language
    self.mood = mood
    self.difficulty = difficulty
    self.channel = channel
    self.customerName = customerName
    self.situation = situation
    self.companyAtFault = companyAtFault
    self.turnLimit = turnLimit
    self.trains = trains
    self.nodes = nodes
    self.endings = endings
    self.path = path
    self.contentHash = contentHash
  }

  /// The node the conversation starts at (the first in the file).
  public var startNode: Node { nodes[0] }

  public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }

  public func ending(_ id: String) -> Ending? { endings.first { $0.id == id } }

  /// The kinds of ending a conversation can reach from the start (by branches or the turn limit).
  public var reachableEndings: [Ending] {
    var seen: Set<String> = [startNode.id]
    var queue = [startNode.id]
    var endingIDs: Set<String> = [turnLimit.ending]
    while let id = queue.popLast() {
      guard let node = node(id) else { continue }
      for branch in node.branches {
        if ending(branch.target) != nil { endingIDs.insert(branch.target) } else if seen.insert(branch.target).inserted { queue.append(branch.target) }
      }
    }
    return endings.filter { endingIDs.contains($0.id) }
  }
}

/// The customer's mood: a name for people and a value for branches (0 calm … 10 at boiling point).
public struct Mood: Sendable, Hashable, Codable {
  public var name: MoodName
  public var start: Int

  public init(name: MoodName, start: Int) {
    self.name = name
    self.start = start
  }

  /// The range every mood value stays in.
  public static let range = 0...10
}

/// The named moods a scenario can start in.
public enum MoodName: String, Sendable, Hashable, Codable, CaseIterable {
  case angry, confused, anxious, frustrated, impatient, upset, suspicious, calm
}

public enum Difficulty: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case easy, medium, hard

  public static func < (lhs: Difficulty, rhs: Difficulty) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
  case chat, phone, email
}

/// The most replies a trainee gets, and the ending reached when they are used up.
public struct TurnLimit: Sendable, Hashable {
  public var turns: Int
  public var ending: String

  public init(turns: Int, ending: String) {
    self.turns = turns
    self.ending = ending
  }
}

/// One step of the conversation: what the customer says (one of several variants) and where
/// the conversation goes next, depending on the reply.
public struct Node: Sendable, Hashable {
  public var id: String
  /// Variants of the customer's line; the dialogue engine picks one with its seeded generator.
  public var lines: [String]
  /// Tips a trainee can ask for (`/hint`).
  public var hints: [String]
  /// Tried in order; the first whose condition holds is taken. The last is the default.
  public var branches: [Branch]
  /// Where `node <id>` is written.
  public var location: SourceLocation

  public init(id: String, lines: [String], hints: [String] = [], branches: [Branch], location: SourceLocation) {
    self.id = id
    self.lines = lines
    self.hints = hints
    self.branches = branches
    self.location = location
  }
}

/// `if <condition> -> <target> mood ±N`, or `otherwise -> <target> mood ±N`.
public struct Branch: Sendable, Hashable {
  /// `nil` for `otherwise` (always holds).
  public var condition: Condition?
  /// A node or ending id.
  public var target: String
  /// Added to the mood when this branch is taken (the result is clamped to 0…10).
  public var moodChange: Int
  public var location: SourceLocation

  public init(condition: Condition?, target: String, moodChange: Int = 0, location: SourceLocation) {
    self.condition = condition
    self.target = target
    self.moodChange = moodChange
    self.location = location
  }

  public var isDefault: Bool { condition == nil }

  /// The branch as a script line (`if apology detected -> explain mood -2`).
  public var scriptText: String {
    var text = condition.map { "if \($0) -> \(target)" } ?? "otherwise -> \(target)"
    if moodChange != 0 { text += " mood " + (moodChange > 0 ? "+" : "") + String(moodChange) }
    return text
  }
}

/// How a conversation ends, with the customer's last words and a debrief for the trainee.
public struct Ending: Sendable, Hashable {
  public var id: String
  public var kind: EndingKind
  /// Variants of the customer's last line (may be empty).
  public var lines: [String]
  /// Paragraphs the trainee reads at the end.
  public var debrief: [String]
  public var location: SourceLocation

  public init(id: String, kind: EndingKind, lines: [String] = [], debrief: [String], location: SourceLocation) {
    self.id = id
    self.kind = kind
    self.lines = lines
    self.debrief = debrief
    self.location = location
  }
}

/// What kind of ending: only `resolved` counts as a success.
public enum EndingKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// The customer's problem is solved or on a clear path, and they are satisfied.
  case resolved
  /// The customer demanded a supervisor, or the case had to be handed up.
  case escalated
  /// The customer gave up and left (closed the chat, hung up, took their business elsewhere).
  case customerLeft = "customer-left"
  /// The conversation ran out without a fix (often the turn limit).
  case unresolved

  public var isSuccess: Bool { self == .resolved }
}
