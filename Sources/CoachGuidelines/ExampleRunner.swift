import CoachText
import Foundation

/// Runs a rule's own examples: `match` lines must produce its findings (at the marked spans),
/// `no-match` lines must not. Each example also runs in variants that must not change the
/// verdict: behind an emoji line (offsets shift), decomposed to NFD (offsets stay on the same
/// characters), with CRLF and trailing spaces, and — for phrase rules — quoted as the
/// customer's words, where an agent-behaviour rule must stay silent.
public struct ExampleRunner: Sendable {
  public enum Variant: String, Sendable, CaseIterable {
    case plain
    case emojiPrefix = "emoji-prefix"
    case decomposed = "nfd"
    case lineEndings = "crlf"
    case quoted
  }

  public let evaluator: Evaluator

  public init(library: GuidelineLibrary) {
    evaluator = Evaluator(library: library)
  }

  /// Problems found running one example in one variant (empty when it behaves as declared).
  public func problems(_ example: RuleExample, variant: Variant = .plain) -> [String] {
    guard let rule = evaluator.library.rule(example.ruleID) else { return ["rule '\(example.ruleID)' is not loaded"] }
    var text = example.text
    var expected = example.expectedSpans
    var expectation = example.expectation
    switch variant {
    case .plain: break
    case .emojiPrefix:
      let prefix = "👨‍👩‍👧\n"
      let shift = prefix.unicodeScalars.count
      text = prefix + text
      expected = expected.map { $0.isEmpty && $0.lowerBound == 0 ? $0 : ($0.lowerBound + shift)..<($0.upperBound + shift) }
    case .decomposed:
      let (decomposed, map) = ExampleRunner.decompose(text)
      text = decomposed
      expected = expected.map { map[$0.lowerBound]..<map[$0.upperBound] }
    case .lineEndings:
      text = text.replacingAll("\n", with: "\r\n") + "  \r\n"
    case .quoted:
      guard expectation == .match, rule.phrases != nil || !rule.regexes.isEmpty, rule.check == nil else { return [] }
      text = rule.language == .ko ? "\"\(text)\"라고 적어 주셨습니다." : "You wrote: \"\(text)\""
      expectation = .noMatch
      expected = []
    }
    let context = EvaluationContext(
      customerMessage: example.context.customer, customerName: example.context.customerName,
      companyAtFault: example.context.companyAtFault, isFinalReply: example.context.finalReply, language: rule.language)
    let evaluation = evaluator.evaluate(text, context: context)
    let found = evaluation.findings.filter { $0.rule == rule.id }
    let scalars = Array(text.unicodeScalars)
    func show(_ r: Range<Int>) -> String {
      let clamped = r.clamped(to: 0..<scalars.count)
      var s = String.UnicodeScalarView()
      s.append(contentsOf: scalars[clamped])
      return "\(r.lowerBound)..<\(r.upperBound) '\(String(s))'"
    }
    let label = variant == .plain ? "" : " (\(variant.rawValue) variant)"
    var problems: [String] = []
    switch expectation {
    case .noMatch:
      for f in found { problems.append("expected no finding\(label), found one at \(show(f.start..<f.end))") }
    case .match:
      if expected.isEmpty {
        if found.isEmpty { problems.append("expected a finding\(label), found none") }
      } else {
        let spans = found.map { $0.start..<$0.end }
        for span in expected where !spans.contains(span) {
          problems.append("expected a finding at \(show(span))\(label)" + (spans.isEmpty ? ", found none" : ", found \(spans.map(show).joined(separator: ", "))"))
        }
        for span in spans where !expected.contains(span) {
          problems.append("unexpected finding at \(show(span))\(label)")
        }
      }
    }
    return problems
  }

  /// Every problem of an example across all variants.
  public func allProblems(_ example: RuleExample) -> [String] {
    Variant.allCases.flatMap { problems(example, variant: $0) }
  }

  /// NFD text and, for every NFC scalar offset 0…count, the matching NFD offset.
  static func decompose(_ text: String) -> (String, [Int]) {
    var out = String.UnicodeScalarView()
    var map: [Int] = []
    for character in text {
      let nfcCount = String(character).precomposedStringWithCanonicalMapping.unicodeScalars.count
      let start = out.count
      let decomposed = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
      out.append(contentsOf: decomposed)
      for k in 0..<String(character).unicodeScalars.count { map.append(k == 0 ? start : out.count) }
      _ = nfcCount
    }
    map.append(out.count)
    return (String(out), map)
  }
}
