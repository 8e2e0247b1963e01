import CoachGuidelines
import CoachText
import Foundation
import Testing

/// Regression floors on the labelled development data beside the project (../shared/data/dev).
/// The full figures come from `swift run -c release coach-bench accuracy` (docs/accuracy.md).
@Suite("Accuracy on the development data")
struct AccuracyTests {
  static let dataDirectory = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/dev")

  @Test("Korean 존댓말/반말 accuracy on StyleKQC stays at or above 0.98")
  func koreanSpeechLevel() throws {
    let text = try String(contentsOf: Self.dataDirectory.appendingPathComponent("ko-speech-level.stylekqc-train.tsv"), encoding: .utf8)
    var total = 0, correct = 0
    for line in text.split(separator: "\n").dropFirst() {
      let parts = line.split(separator: "\t", maxSplits: 1)
      guard parts.count == 2 else { continue }
      let level = TextAnalysis(String(parts[1]), language: .ko).speechLevel
      let predicted = level == .formal || level == .polite ? "honorific" : "informal"
      total += 1
      if predicted == parts[0] { correct += 1 }
    }
    #expect(total == 4000)
    #expect(Double(correct) / Double(total) >= 0.98, "accuracy \(Double(correct) / Double(total))")
  }

  @Test("English gratitude F1 on GoEmotions stays at or above 0.93 with precision above 0.95")
  func englishGratitude() throws {
    let text = try String(contentsOf: Self.dataDirectory.appendingPathComponent("en-emotions.goemotions-train.tsv"), encoding: .utf8)
    var tp = 0, fp = 0, fn = 0
    for line in text.split(separator: "\n").dropFirst() {
      let parts = line.split(separator: "\t", maxSplits: 6, omittingEmptySubsequences: false)
      guard parts.count == 7 else { continue }
      var comment = String(parts[6])
      if comment.count >= 2, comment.hasPrefix("\""), comment.hasSuffix("\"") {
        comment = String(comment.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
      }
      let detected = evaluator.evaluate(comment, context: EvaluationContext(language: .en))[.gratitude].detected
      switch (detected, parts[0] == "1") {
      case (true, true): tp += 1
      case (true, false): fp += 1
      case (false, true): fn += 1
      default: break
      }
    }
    let precision = Double(tp) / Double(tp + fp), recall = Double(tp) / Double(tp + fn)
    let f1 = 2 * precision * recall / (precision + recall)
    #expect(f1 >= 0.93, "F1 \(f1)")
    #expect(precision >= 0.95, "precision \(precision)")
  }
}
