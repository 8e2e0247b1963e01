import CoachGuidelines
import Foundation
import Testing

extension RuleExample: CustomTestStringConvertible {
  public var testDescription: String { description }
}

/// Every example of every rule, narrowed by `COACH_FOCUS_RULE=<id>` when debugging one rule.
let focusedExamples: [RuleExample] = {
  let all = bundledLibrary.examples
  guard let focus = ProcessInfo.processInfo.environment["COACH_FOCUS_RULE"], !focus.isEmpty else { return all }
  return all.filter { $0.ruleID == focus }
}()

@Suite("Guideline rules carry their own examples")
struct GuidelineExampleTests {
  @Test("every example in every guideline file behaves as declared, in every variant", arguments: focusedExamples)
  func example(_ example: RuleExample) {
    let runner = ExampleRunner(library: bundledLibrary)
    for problem in runner.allProblems(example) {
      Issue.record(
        Comment(rawValue: "\(example.ruleID) \(example.expectation.rawValue) #\(example.ordinal): \(problem)"),
        sourceLocation: Testing.SourceLocation(
          fileID: "Guidelines/\(example.location.path.components(separatedBy: "/Guidelines/").last ?? example.location.path)",
          filePath: example.location.path, line: example.location.line, column: example.location.column))
    }
  }
}
