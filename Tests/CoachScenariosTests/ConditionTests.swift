import CoachGuidelines
import CoachText
import Testing

@testable import CoachScenarios

struct ConditionTests {
  /// An evaluation with apology detected (90), empathy judged 40, gratitude not judged.
  static let evaluation: Evaluation = {
    var categories = Category.allCases.map { _ in CategoryResult(score: nil, detected: false) }
    categories[Category.apology.index] = CategoryResult(score: 90, detected: true)
    categories[Category.empathy.index] = CategoryResult(score: 40, detected: false)
    let finding = Finding(
      rule: "ko.apology.sincere", category: .apology, kind: .strength, severity: .info, start: 0, end: 3, excerpt: "죄송",
      message: "", suggestion: nil, points: 85)
    return Evaluation(id: nil, language: .ko, overall: 72, speechLevel: .mixed, categories: categories, findings: [finding])
  }()

  static func holds(_ text: String, mood: Int = 5, turn: Int = 1) -> Bool {
    let (condition, diagnostics) = Condition.parse(text)
    guard let condition else {
      Issue.record("'\(text)' did not parse: \(diagnostics.map(\.message))")
      return false
    }
    return condition.holds(in: ConditionFacts(evaluation: evaluation, mood: mood, turn: turn))
  }

  @Test(
    "Conditions hold as documented",
    arguments: [
      ("apology detected", true), ("empathy detected", false), ("apology >= 90", true), ("apology > 90", false),
      ("empathy < 50", true), ("gratitude < 50", false), ("not gratitude >= 50", true), ("overall = 72", true),
      ("overall == 72", true), ("overall != 72", false), ("mood >= 5", true), ("mood > 5", false), ("turn <= 1", true),
      ("speech-level is mixed", true), ("speech-level is polite", false), ("speech-level is not polite", true),
      ("ko.apology.sincere", true), ("ko.apology.non-apology", false), ("critical", false),
      ("empathy detected or apology detected and mood < 3", false),
      ("(empathy detected or apology detected) and mood < 9", true), ("not empathy detected and apology detected", true),
      ("not (empathy detected and apology detected)", true),
    ])
  func holds(_ text: String, _ expected: Bool) {
    #expect(Self.holds(text) == expected, "\(text)")
  }

  @Test(
    "A condition prints back as it parses, with only the parentheses it needs",
    arguments: [
      ("apology detected and (empathy >= 60 or mood < 5)", "apology detected and (empathy >= 60 or mood < 5)"),
      ("(apology detected and empathy detected) or mood > 8", "apology detected and empathy detected or mood > 8"),
      ("not (overall < 50)", "not overall < 50"), ("not (a.b.c or critical)", "not (a.b.c or critical)"),
      ("overall == 3", "overall = 3"), ("speech-level is not mixed", "not speech-level is mixed"),
    ])
  func roundTrip(_ text: String, _ printed: String) throws {
    let condition = try #require(Condition.parse(text).condition)
    #expect(condition.description == printed)
    #expect(Condition.parse(printed).condition == condition)
  }

  @Test("A bad token is reported at its column")
  func column() {
    let (condition, diagnostics) = Condition.parse("apology detected && mood > 3")
    #expect(condition == nil)
    #expect(diagnostics.first?.location?.column == 18)
    #expect(diagnostics.first?.message == "expected 'and', 'or' or '->' before '&&'")
  }
}
