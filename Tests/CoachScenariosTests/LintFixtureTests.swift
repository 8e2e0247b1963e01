import CoachDiagnostics
import Foundation
import Testing

@testable import CoachScenarios

/// Yarn Spinner's layout: one fixture per mistake in `Fixtures/lint/`, each listing the
/// diagnostics it must produce as `// expect: line:column: severity: message [code]` comments
/// (notes follow their diagnostic; a note without a location is `// expect: note: …`).
struct LintFixtureTests {
  /// All fixtures are linted together, so the duplicate-scenario check across files is covered.
  static let catalog = ScenarioCatalog.load(
    files: TestSupport.fixtureFiles("lint", ext: "scenario").map(\.path), guidelines: TestSupport.fixtureLibrary)

  static let fixtureNames = TestSupport.fixtureFiles("lint", ext: "scenario").map(\.lastPathComponent)

  @Test("Each lint fixture produces exactly the diagnostics it expects, in order", arguments: fixtureNames)
  func fixture(_ name: String) throws {
    let url = TestSupport.fixtures.appendingPathComponent("lint").appendingPathComponent(name)
    let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    let expected = text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
      let trimmed = line.drop(while: { $0 == " " })
      guard trimmed.hasPrefix("// expect: ") else { return nil }
      return String(trimmed.dropFirst("// expect: ".count)).trimmingCharacters(in: .whitespaces)
    }
    let actual = Self.catalog.diagnostics.filter { $0.location?.path == url.path }.flatMap { $0.fixtureLines(file: url.path) }
    if ProcessInfo.processInfo.environment["COACH_PRINT_LINT"] != nil {
      print("== \(name)\n" + actual.map { "// expect: " + $0 }.joined(separator: "\n"))
    }
    #expect(actual == expected, Comment(rawValue: "\(name): actual diagnostics:\n" + actual.joined(separator: "\n")))
  }

  @Test("Every mistake the linter knows has a fixture")
  func everyCodeIsCovered() {
    let codes = Set(Self.catalog.diagnostics.map(\.code))
    let required: Set<String> = [
      "syntax", "invalid-utf8", "missing-field", "duplicate-field", "unknown-field", "invalid-value", "invalid-id",
      "mood-out-of-range", "duplicate-scenario", "duplicate-node", "unknown-target", "missing-default-branch",
      "unreachable-branch", "no-customer-line", "no-nodes", "unreachable-node", "unreachable-ending", "no-reachable-ending",
      "bad-condition", "out-of-range", "unknown-category", "unknown-rule", "rule-language", "wrong-language",
    ]
    #expect(required.subtracting(codes).isEmpty, "no fixture covers: \(required.subtracting(codes).sorted())")
  }

  @Test("A broken file does not stop the others loading")
  func brokenFilesDoNotStopOthers() {
    #expect(Self.catalog.scenario("valid-fixture") != nil)
    #expect(Self.catalog.scenario("mood-range") == nil)
  }
}
