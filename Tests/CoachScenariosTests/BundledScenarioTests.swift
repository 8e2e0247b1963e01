import CoachDiagnostics
import CoachGuidelines
import CoachText
import Foundation
import Testing

@testable import CoachScenarios

/// The scenarios shipped in `Scenarios/`: they lint clean, the library covers what the product
/// promises, and each one plays to the endings its scripted trainees expect.
struct BundledScenarioTests {
  static var catalog: ScenarioCatalog { TestSupport.bundled }
  static let ids: [String] = TestSupport.bundled.scenarios.map(\.id)

  @Test("Every bundled scenario lints clean: no errors, no warnings")
  func lintClean() {
    let rendered = DiagnosticPrinter().render(Self.catalog.diagnostics)
    #expect(Self.catalog.diagnostics.isEmpty, Comment(rawValue: rendered))
    #expect(Self.catalog.files.count == Self.catalog.scenarios.count)
    #expect(!TestSupport.library.hasErrors, Comment(rawValue: DiagnosticPrinter().render(TestSupport.library.diagnostics)))
  }

  @Test("The library has at least 8 Korean and 8 English scenarios, with angry and confused customers, on three channels")
  func libraryCoverage() {
    let scenarios = Self.catalog.scenarios
    #expect(scenarios.count >= 16)
    for language in Language.allCases {
      let own = scenarios.filter { $0.language == language }
      #expect(own.count >= 8, "\(language): \(own.count) scenarios")
      #expect(own.filter { $0.mood.name == .angry }.count >= 3, "\(language): angry customers")
      #expect(own.filter { $0.mood.name == .confused }.count >= 3, "\(language): confused customers")
    }
    #expect(Set(scenarios.map(\.channel)) == Set(Channel.allCases))
  }

  @Test("File names are ASCII kebab-case and match the scenario id and language folder", arguments: ids)
  func fileNames(_ id: String) throws {
    let scenario = try #require(Self.catalog.scenario(id))
    let url = URL(fileURLWithPath: scenario.path)
    #expect(url.lastPathComponent == id + ".scenario")
    #expect(url.deletingLastPathComponent().lastPathComponent == scenario.language.rawValue)
  }

  @Test("Each scenario has 3+ customer turns on its best path, 2+ branching points and 2+ reachable endings", arguments: ids)
  func shape(_ id: String) throws {
    let scenario = try #require(Self.catalog.scenario(id))
    let endings = scenario.reachableEndings
    #expect(endings.count >= 2)
    #expect(endings.contains { $0.kind == .resolved })
    #expect(endings.contains { !$0.kind.isSuccess })
    // Branching points: reachable nodes whose branches lead to two or more different places.
    let branching = scenario.nodes.filter { Set($0.branches.map(\.target)).count >= 2 }
    #expect(branching.count >= 2)
    // Best path: the fewest customer lines (nodes) before a resolved ending.
    var distance: [String: Int] = [scenario.startNode.id: 1]
    var queue = [scenario.startNode.id]
    var best: Int?
    while !queue.isEmpty {
      let id = queue.removeFirst()
      for branch in scenario.node(id)?.branches ?? [] {
        if let ending = scenario.ending(branch.target) {
          if ending.kind == .resolved { best = min(best ?? .max, distance[id]!) }
        } else if distance[branch.target] == nil {
          distance[branch.target] = distance[id]! + 1
          queue.append(branch.target)
        }
      }
    }
    let turns = try #require(best, "no resolved ending is reachable")
    #expect(turns >= 3, "the best path has only \(turns) customer turns")
    #expect(turns <= scenario.turnLimit.turns, "the turn limit cuts off the best path")
  }

  @Test("A good trainee reaches a resolved ending and a poor one a bad ending, through the real evaluator", arguments: ids)
  func play(_ id: String) throws {
    let scenario = try #require(Self.catalog.scenario(id))
    let path = TestSupport.fixtures.appendingPathComponent("plays").appendingPathComponent(id + ".play").path
    let script = TraineeScript(path: path)
    #expect(script.problems.isEmpty, Comment(rawValue: script.problems.joined(separator: "\n")))
    let engine = DialogueEngine(scenario: scenario, evaluator: Evaluator(library: TestSupport.library))
    let kinds = script.trainees.compactMap { scenario.ending($0.ending)?.kind }
    #expect(kinds.contains(.resolved), "\(id): no scripted trainee aims at a resolved ending")
    #expect(kinds.contains { !$0.isSuccess }, "\(id): no scripted trainee aims at a bad ending")
    for trainee in script.trainees {
      let expected = try #require(scenario.ending(trainee.ending), "\(path):\(trainee.line): unknown ending '\(trainee.ending)'")
      // Every seed picks other customer lines; the course must not depend on them.
      for seed: UInt64 in [0, 1, 2, 3] {
        let outcomes = try engine.play(trainee.replies, seed: seed)
        let reached = outcomes.last?.state.ending
        let transcript = Self.transcript(outcomes)
        if seed == 0, ProcessInfo.processInfo.environment["COACH_PRINT_PLAYS"] != nil {
          print("== \(id) trainee \(trainee.name) -> \(trainee.ending)\n\(transcript)")
        }
        let location = SourceLocation(fileID: "CoachScenariosTests/\(id).play", filePath: path, line: trainee.line, column: 1)
        #expect(
          reached == expected.id, "\(id) trainee \(trainee.name), seed \(seed): reached \(reached ?? "no ending")\n\(transcript)",
          sourceLocation: location)
        #expect(
          outcomes.count == trainee.replies.count,
          "\(id) trainee \(trainee.name), seed \(seed): used \(outcomes.count) of \(trainee.replies.count) replies\n\(transcript)",
          sourceLocation: location)
      }
    }
  }

  /// Every turn: the customer's line, the reply, what the evaluator saw, and the branch taken.
  static func transcript(_ outcomes: [TurnOutcome]) -> String {
    var out = ""
    for o in outcomes {
      let e = o.evaluation
      let detected = Category.allCases.filter { e[$0].detected }.map(\.name).joined(separator: ",")
      let scores = Category.allCases.compactMap { c in e[c].score.map { "\(c.name)=\($0)" } }.joined(separator: " ")
      out += "  [\(o.turn)] customer: \(o.customerLine)\n"
      out += "      reply: \(o.reply)\n"
      out += "      overall \(e.overall), speech \(e.speechLevel?.rawValue ?? "-"), detected [\(detected)], \(scores)\n"
      out += "      rules: \(Array(Set(e.findings.map(\.rule))).sorted().joined(separator: " "))\n"
      out += "      node \(o.node.id) branch \(o.branchIndex): \(o.branch.scriptText)  (mood \(o.moodBefore)→\(o.moodAfter))\n"
    }
    if let last = outcomes.last, let ending = last.ending { out += "  => ending \(ending.id) (\(ending.kind.rawValue))\n" }
    return out
  }
}

struct RecommendationTests {
  @Test("A weak category gets a scenario that trains it, easiest first, skipping ones just played")
  func recommend() throws {
    let catalog = TestSupport.bundled
    for language in [Language.ko] {
      let picks = catalog.recommended(for: .plainLanguage, language: language)
      #expect(!picks.isEmpty)
      #expect(picks.allSatisfy { $0.trains.contains(.plainLanguage) && $0.language == language })
      #expect(picks.map(\.difficulty) == picks.map(\.difficulty).sorted())
      let first = try #require(picks.first)
      let next = catalog.recommended(for: .plainLanguage, language: language, excluding: [first.id])
      #expect(next.first?.id != first.id || picks.count == 1)
    }
    // Every category the library trains can be recommended in both languages once both are written.
    let trained = Set(catalog.scenarios.flatMap(\.trains))
    #expect(trained.isSuperset(of: [.apology, .empathy, .resolution, .plainLanguage, .ownership, .closing]))
  }
}
