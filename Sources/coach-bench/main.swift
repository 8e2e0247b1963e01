import CoachText
import Foundation

let args = CommandLine.arguments
if args.count > 2 && args[1] == "levels" {
  // Print every sentence of a file whose level is informal/weak (precision check on honorific text).
  let data = try String(contentsOfFile: args[2], encoding: .utf8)
  var counts: [String: Int] = [:]
  for line in data.split(separator: "\n") {
    let a = TextAnalysis(String(line), language: .ko)
    for s in a.sentences {
      counts[s.level?.rawValue ?? "-", default: 0] += 1
      if s.level == .informal || s.level == .weakInformal || s.level == .hao {
        print(s.level!.rawValue, "|", a.text.viewText(s.range))
      }
    }
  }
  print(counts)
  exit(0)
}
let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "../shared/data/dev/ko-speech-level.stylekqc-train.tsv"
let data = try String(contentsOfFile: path, encoding: .utf8)
var total = 0, correct = 0
var confusion: [String: Int] = [:]
var wrong: [(String, String, String)] = []
for line in data.split(separator: "\n").dropFirst() {
  let parts = line.split(separator: "\t", maxSplits: 1)
  guard parts.count == 2 else { continue }
  let label = String(parts[0]), text = String(parts[1])
  let a = TextAnalysis(text, language: .ko)
  let level = a.speechLevel
  let predicted: String
  switch level {
  case .formal?, .polite?: predicted = "honorific"
  case .informal?, .mixed?: predicted = "informal"
  case nil: predicted = "none"
  }
  total += 1
  if predicted == label { correct += 1 } else {
    let detail = a.sentences.map { s in "[\(a.text.viewText(s.range))|\(s.level?.rawValue ?? "-")]" }.joined(separator: " ")
    wrong.append((label, level?.rawValue ?? "nil", detail))
  }
  confusion["\(label)->\(level?.rawValue ?? "nil")", default: 0] += 1
}
print("accuracy \(Double(correct) / Double(total)) (\(correct)/\(total))")
for (k, v) in confusion.sorted(by: { $0.key < $1.key }) { print(k, v) }
for w in wrong { print(w.0, w.1, w.2) }
