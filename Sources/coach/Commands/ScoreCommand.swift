import CoachDiagnostics
import CoachGuidelines
import CoachTerminal
import CoachText
import Foundation

/// `coach score`: score JSONL reply records as a streaming filter.
struct ScoreCommand {
  let cli: CoachCLI
  let arguments: ParsedArguments

  func run() throws -> ExitStatus {
    let library = try cli.loadGuidelines(extra: arguments.values("guidelines"))
    let evaluator = Evaluator(library: library)
    var files = arguments.positionals("file")
    if files.isEmpty { files = ["-"] }
    var bad = 0, total = 0, sum = 0
    for file in files {
      let (text, _) = try cli.readInput(file)
      var lineNumber = 0
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        lineNumber += 1
        if line.allSatisfy(\.isWhitespace) { continue }
        guard let data = line.data(using: .utf8),
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let reply = object["text"] as? String
        else {
          bad += 1
          cli.stdout.write("{\"error\":\(jsonString("malformed record: expected a JSON object with \"text\"")),\"file\":\(jsonString(file)),\"line\":\(lineNumber)}\n")
          continue
        }
        let id = (object["id"] as? String) ?? (object["id"].map { "\($0)" })
        let context = EvaluationContext(
          customerMessage: object["customer"] as? String, customerName: object["customer_name"] as? String,
          companyAtFault: object["company_at_fault"] as? Bool, isFinalReply: nil,
          language: (object["language"] as? String).flatMap(Language.init(rawValue:)))
        let evaluation = evaluator.evaluate(reply, context: context, id: id)
        total += 1
        sum += evaluation.overall
        cli.stdout.write(evaluation.jsonObject() + "\n")
      }
    }
    if bad > 0 { return .failure }
    if let gate = try arguments.int("fail-under"), total > 0, sum / total < gate { return .inputProblems }
    return .success
  }
}
