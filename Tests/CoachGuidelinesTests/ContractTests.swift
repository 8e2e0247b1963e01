import CoachGuidelines
import CoachText
import Foundation
import Testing

@Suite("Output contract")
struct ContractTests {
  func object(_ evaluation: Evaluation) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(evaluation.jsonObject().utf8)) as? [String: Any])
  }

  @Test("Each category's index is its position in contract order")
  func categoryIndex() {
    #expect(Category.allCases.map(\.index) == Array(0..<9))
    #expect(Category.allCases.map(\.rawValue) == [
      "empathy", "gratitude", "apology", "plain_language", "ownership", "resolution", "personalization", "closing", "tone",
    ])
  }

  @Test("JSON has the contract's keys, in order, and all nine categories")
  func keys() throws {
    let e = evaluator.evaluate("불편을 드려 죄송합니다.", context: EvaluationContext(companyAtFault: true), id: "r1")
    let json = e.jsonObject()
    #expect(json.hasPrefix("{\"id\":\"r1\",\"language\":\"ko\",\"overall\":"))
    let order = ["\"id\"", "\"language\"", "\"overall\"", "\"speech_level\"", "\"categories\"", "\"findings\""].map {
      json.range(of: $0)!.lowerBound
    }
    #expect(order == order.sorted())
    let categories = try #require(try object(e)["categories"] as? [String: [String: Any]])
    #expect(Set(categories.keys) == Set(Category.allCases.map(\.rawValue)))
    for (_, value) in categories {
      #expect(Set(value.keys) == ["score", "detected"])
    }
    let findings = try #require(try object(e)["findings"] as? [[String: Any]])
    for finding in findings {
      #expect(Set(finding.keys) == ["rule", "category", "kind", "severity", "start", "end", "excerpt", "message", "suggestion"])
    }
  }

  @Test(
    "start/end are Unicode-scalar offsets that slice the excerpt back out of the input",
    arguments: [
      "👨‍👩‍👧 고객님, 불편을 드려 죄송합니다. 환불은 안 돼.",
      "I’m SO sorry 😊 — you should have read the TERMS AND CONDITIONS!!!",
      "고객님, 죄송합니다.".decomposedStringWithCanonicalMapping + " 익일 발송됩니다.",
    ])
  func offsets(_ text: String) {
    let e = evaluator.evaluate(text, context: EvaluationContext(companyAtFault: true))
    let scalars = Array(text.unicodeScalars)
    #expect(!e.findings.isEmpty)
    for finding in e.findings {
      var slice = String.UnicodeScalarView()
      slice.append(contentsOf: scalars[finding.start..<finding.end])
      #expect(String(slice) == finding.excerpt, "\(finding.rule)")
    }
  }

  @Test("speech_level is null for English and a contract value for Korean")
  func speechLevel() throws {
    #expect(try object(evaluator.evaluate("Thanks!", context: .init(language: .en)))["speech_level"] is NSNull)
    #expect(try object(evaluator.evaluate("감사합니다. 내일 보내 줄게.")) ["speech_level"] as? String == "mixed")
  }

  @Test("the same reply and context always give the same JSON")
  func deterministic() {
    let text = "김민수 고객님, 기다리시게 해서 죄송합니다. 오늘 오후 6시까지 보내 드릴게요. 다른 궁금한 점 있으시면 말씀해 주세요."
    let context = EvaluationContext(customerMessage: "왜 안 와요?!", customerName: "김민수", companyAtFault: true, isFinalReply: true)
    let first = evaluator.evaluate(text, context: context).jsonObject()
    for _ in 0..<5 { #expect(evaluator.evaluate(text, context: context).jsonObject() == first) }
  }
}
