import CoachDiagnostics
import CoachGuidelines
import CoachTerminal
import CoachText
import Foundation

/// `coach check`: score one reply, as text a trainee enjoys reading or as contract JSON.
struct CheckCommand {
  let cli: CoachCLI
  let arguments: ParsedArguments

  func run() throws -> ExitStatus {
    let library = try cli.loadGuidelines(extra: arguments.values("guidelines"))
    var text: String
    var repaired = 0
    if let given = arguments.positional("text"), given != "-" {
      text = given
    } else {
      (text, repaired) = try cli.readInput("-")
      if text.hasSuffix("\n") { text.removeLast() }
      if text.hasSuffix("\r") { text.removeLast() }
    }
    if repaired > 0 {
      cli.stderr.write("warning: \(repaired) invalid UTF-8 byte sequence(s) in the input were replaced with U+FFFD\n")
    }
    guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
      throw CLIError("nothing to score: the reply is empty", status: .failure)
    }
    let context = EvaluationContext(
      customerMessage: arguments.value("customer"), customerName: arguments.value("name"),
      companyAtFault: arguments.flag("company-at-fault") ? true : nil, isFinalReply: arguments.flag("final") ? true : nil,
      language: arguments.value("language").flatMap(Language.init(rawValue:)))
    let evaluation = Evaluator(library: library).evaluate(text, context: context)
    if arguments.value("format") == "json" {
      cli.stdout.write(evaluation.jsonObject() + "\n")
    } else {
      let styler = cli.styler(for: STDOUT_FILENO, mode: arguments.value("color"))
      let width = terminalColumns(environment: cli.environment)
      cli.stdout.write(EvaluationView(evaluation: evaluation, styler: styler, width: width).render())
    }
    return .success
  }
}
