import CoachGuidelines
import CoachText
import Foundation

/// `coach-bench accuracy [DATA_DIR]`: measures the evaluator on the labelled development data
/// (`../shared/data/dev/`): Korean 존댓말/반말 on StyleKQC; English gratitude and apology
/// against GoEmotions labels; the customer-mood sets against anger/annoyance/confusion.
func runAccuracy(_ arguments: [String]) throws {
  var dataDirectory = "../shared/data/dev"
  var verbose = false
  for argument in arguments {
    if argument == "--verbose" { verbose = true } else { dataDirectory = argument }
  }
  let library = try GuidelineLibrary.loadDefault()
  let evaluator = Evaluator(library: library)

  // Korean speech level.
  let ko = try String(contentsOfFile: dataDirectory + "/ko-speech-level.stylekqc-train.tsv", encoding: .utf8)
  var total = 0, correct = 0, undecided = 0
  var confusion: [String: Int] = [:]
  for line in ko.split(separator: "\n").dropFirst() {
    let parts = line.split(separator: "\t", maxSplits: 1)
    guard parts.count == 2 else { continue }
    let label = String(parts[0])
    let evaluation = evaluator.evaluate(String(parts[1]), context: EvaluationContext(language: .ko))
    let predicted: String
    switch evaluation.speechLevel {
    case .formal?, .polite?: predicted = "honorific"
    case .informal?, .mixed?: predicted = "informal"
    case nil: predicted = "none"; undecided += 1
    }
    total += 1
    if predicted == label { correct += 1 } else if verbose { print("ko miss: \(label) -> \(predicted): \(parts[1])") }
    confusion["\(label) → \(evaluation.speechLevel?.rawValue ?? "null")", default: 0] += 1
  }
  print("Korean speech level (StyleKQC, \(total) sentences)")
  print(String(format: "  accuracy %.4f  (%d/%d; %d with no level found)", Double(correct) / Double(total), correct, total, undecided))
  for (key, count) in confusion.sorted(by: { $0.key < $1.key }) { print("    \(key): \(count)") }

  // English: GoEmotions.
  let en = try String(contentsOfFile: dataDirectory + "/en-emotions.goemotions-train.tsv", encoding: .utf8)
  var counts = [String: (tp: Int, fp: Int, fn: Int, tn: Int)]()
  func tally(_ name: String, predicted: Bool, actual: Bool) {
    var c = counts[name] ?? (0, 0, 0, 0)
    switch (predicted, actual) {
    case (true, true): c.tp += 1
    case (true, false): c.fp += 1
    case (false, true): c.fn += 1
    case (false, false): c.tn += 1
    }
    counts[name] = c
  }
  var rows = 0
  for line in en.split(separator: "\n").dropFirst() {
    let parts = line.split(separator: "\t", maxSplits: 6, omittingEmptySubsequences: false)
    guard parts.count == 7 else { continue }
    rows += 1
    let labels = parts[0..<6].map { $0 == "1" }
    let text = unquoteTSVField(String(parts[6]))
    let evaluation = evaluator.evaluate(text, context: EvaluationContext(language: .en))
    let thanks = evaluation[.gratitude].detected
    let apology = evaluation[.apology].detected
    let empathy = evaluation[.empathy].detected
    tally("gratitude", predicted: thanks, actual: labels[0])
    tally("apology vs remorse", predicted: apology, actual: labels[1])
    tally("apology or sympathy vs remorse", predicted: apology || evaluation.findings.contains { $0.rule.hasPrefix("en.empathy.sympathy") }, actual: labels[1])
    tally("empathy vs caring", predicted: empathy, actual: labels[2])
    let signals = evaluator.customerSignals(text, language: .en)
    tally("customer-upset vs anger|annoyance", predicted: signals.upset, actual: labels[3] || labels[4])
    tally("customer-confused vs confusion", predicted: signals.confused, actual: labels[5])
    if verbose && thanks != labels[0] { print("gratitude \(labels[0] ? "missed" : "false alarm"): \(text)") }
    if verbose && apology != labels[1] { print("remorse \(labels[1] ? "missed" : "false alarm"): \(text)") }
    if verbose && signals.upset != (labels[3] || labels[4]) {
      print("upset \(signals.upset ? "false alarm" : "missed"): \(text)")
    }
    if verbose && empathy != labels[2] { print("caring \(labels[2] ? "missed" : "false alarm"): \(text)") }
    if verbose && signals.confused != labels[5] { print("confused \(labels[5] ? "missed" : "false alarm"): \(text)") }
  }
  print("\nEnglish (GoEmotions, \(rows) comments)")
  for (name, c) in counts.sorted(by: { $0.key < $1.key }) {
    let precision = c.tp + c.fp > 0 ? Double(c.tp) / Double(c.tp + c.fp) : 0
    let recall = c.tp + c.fn > 0 ? Double(c.tp) / Double(c.tp + c.fn) : 0
    let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    print(String(format: "  %-36@ P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)", name as NSString, precision, recall, f1, c.tp, c.fp, c.fn))
  }
}

/// The TSV quotes a field containing quotation marks CSV-style: `"…""…"""`.
func unquoteTSVField(_ field: String) -> String {
  guard field.count >= 2, field.hasPrefix("\""), field.hasSuffix("\"") else { return field }
  return String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
}
