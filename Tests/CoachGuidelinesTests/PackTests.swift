import CoachDiagnostics
import CoachGuidelines
import CoachText
import Foundation
import Testing

/// Every bundled `.rules` file.
let packFiles: [String] = {
  var files: [String] = []
  for language in ["ko", "en"] {
    let folder = repositoryRoot.appendingPathComponent("Guidelines/\(language)")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    files += names.filter { $0.hasSuffix(".rules") }.sorted().map { "\(language)/\($0)" }
  }
  return files
}()

@Suite("The bundled packs")
struct PackTests {
  @Test("every pack file loads without errors or warnings", arguments: packFiles)
  func fileLoads(_ file: String) {
    let problems = bundledLibrary.diagnostics.filter { $0.location?.path.hasSuffix("Guidelines/" + file) == true }
    #expect(problems.isEmpty, "\(DiagnosticPrinter().render(problems))")
  }

  @Test("the whole library has no diagnostics at all")
  func noDiagnostics() {
    #expect(bundledLibrary.diagnostics.isEmpty, "\(DiagnosticPrinter().render(bundledLibrary.diagnostics))")
  }

  @Test("every phrase of both packs finds its own words written as a reply (none silently never matches)", arguments: Language.allCases)
  func everyPhraseMatchesItself(_ language: Language) throws {
    let pack = try #require(bundledLibrary.pack(for: language))
    let dead = pack.phrasesThatNeverMatch()
    #expect(dead.isEmpty, "\(dead.prefix(10).map { "\($0.entry.location): '\($0.expansion)'" }.joined(separator: "\n"))")
  }

  @Test("no phrase of either pack contains its own rule's 'not-in-…' phrase (none is silenced by its own rule)", arguments: Language.allCases)
  func noPhraseSilencedByItsOwnRule(_ language: Language) throws {
    let pack = try #require(bundledLibrary.pack(for: language))
    let silenced = pack.phrasesSilencedByTheirOwnRule()
    #expect(silenced.isEmpty, "\(silenced.prefix(10).map { "\($0.entry.location): '\($0.expansion)' contains '\($0.silencer)'" }.joined(separator: "\n"))")
  }

  @Test("every rule has at least three lines it must match and three it must not")
  func threeAndThree() {
    for rule in bundledLibrary.rules {
      let matches = rule.examples.filter { $0.expectation == .match }.count
      let misses = rule.examples.filter { $0.expectation == .noMatch }.count
      #expect(matches >= 3 && misses >= 3, "\(rule.id) has \(matches) match and \(misses) no-match examples")
    }
  }

  @Test("every category has rules in both Korean and English")
  func categoriesInBothLanguages() {
    for language in Language.allCases {
      let categories = Set(bundledLibrary.rules.filter { $0.language == language }.map(\.category))
      for category in Category.allCases {
        #expect(categories.contains(category), "no \(language.rawValue) rule for \(category.rawValue)")
      }
    }
  }

  /// The principles design/principles.md marks as seen in one reply (R4 needs a conversation).
  static let oneReplyPrinciples = [
    "E1", "E2", "E3", "E4", "G1", "G2", "A1", "A2", "A3", "P1", "P2", "P3", "O1", "O2", "O3", "R1", "R2", "R3",
    "C1", "C2", "N1", "N2", "T1", "T2", "T3",
  ]

  @Test("every one-reply principle is implemented by a rule in each language", arguments: oneReplyPrinciples)
  func principleImplemented(_ principle: String) {
    for language in Language.allCases {
      let rules = bundledLibrary.rules.filter { $0.language == language && $0.principles.contains(principle) }
      #expect(!rules.isEmpty, "principle \(principle) has no \(language.rawValue) rule")
    }
  }

  @Test("principles.md lists exactly the principles the packs know")
  func principlesDocumentMatches() throws {
    let text = try String(contentsOf: repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/design/principles.md"), encoding: .utf8)
    let ids = Set(text.split(separator: "\n").compactMap { line -> String? in
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count > 2, cells[0].count == 2, cells[0].first!.isLetter, cells[0].last!.isNumber else { return nil }
      return cells[0]
    })
    #expect(Set(Self.oneReplyPrinciples).isSubset(of: ids))
  }

  /// Good examples that are also, by design, another rule's fault: (strength rule, issue rule).
  static let designedOverlaps: Set<[String]> = [
    // "My bad" is an apology, and slang: both are what a trainer should hear.
    ["en.apology.casual", "en.tone.slang"],
    // "We'd like to thank you for choosing us" thanks, in a template's words.
    ["en.gratitude.generic-thanks", "en.personalization.canned-template"],
    // "Please clear your cache and sign in again" is a step, in a term some customers don't know.
    ["en.resolution.guides-steps", "en.plain-language.unexplained-term"],
    // A bare "감사합니다." thanks, and is a one-liner that says nothing else.
    ["ko.gratitude.generic-thanks", "ko.tone.robotic-only"],
    // "… 내일 도착합니다. 조금만 기다려 주세요." — the wait is bounded by the sentence before, but
    // vague-wait looks for a time in its own sentence only.
    ["ko.tone.honorific", "ko.resolution.vague-wait"],
  ]

  /// A rule's example scored in the context the example declares.
  func evaluate(_ example: RuleExample, of rule: GuidelineRule) -> Evaluation {
    evaluator.evaluate(
      example.text,
      context: EvaluationContext(
        customerMessage: example.context.customer, customerName: example.context.customerName,
        companyAtFault: example.context.companyAtFault, isFinalReply: example.context.finalReply, language: rule.language))
  }

  @Test("a strength rule's good examples trip no other rule's fault, apart from the designed overlaps")
  func goodExamplesAreNotFaults() {
    for rule in bundledLibrary.rules where rule.kind == .strength {
      for example in rule.examples where example.expectation == .match {
        let result = evaluate(example, of: rule)
        // "Missing" rules and empathy-without-action judge the whole reply, not these words.
        let faults = result.findings.filter {
          $0.kind == .issue && !$0.rule.hasSuffix(".missing") && !$0.rule.hasSuffix(".empathy-without-action")
            && !Self.designedOverlaps.contains([rule.id, $0.rule])
        }
        #expect(faults.isEmpty, "\(rule.id): '\(example.text)' also trips \(faults.map { "\($0.rule) at '\($0.excerpt)'" })")
      }
    }
  }

  @Test("every match example of a strength rule sets 'detected' for its category")
  func strengthsSetDetected() {
    for rule in bundledLibrary.rules where rule.kind == .strength {
      for example in rule.examples where example.expectation == .match {
        let result = evaluate(example, of: rule)
        #expect(result[rule.category].detected, "\(rule.id): '\(example.text)' does not set \(rule.category.rawValue).detected")
      }
    }
  }
}
