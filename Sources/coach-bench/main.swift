import Foundation

// coach-bench: measurements kept apart from the tests.
//   coach-bench accuracy [DATA_DIR] [--verbose]   accuracy on ../shared/data/dev
//   coach-bench evaluator [MB]                    evaluator throughput and memory
//   coach-bench batch [--mb N] …                  coach score throughput, scaling and peak RSS
let arguments = Array(CommandLine.arguments.dropFirst())
do {
  switch arguments.first {
  case "accuracy": try runAccuracy(Array(arguments.dropFirst()))
  case "evaluator": try runEvaluatorBenchmark(Array(arguments.dropFirst()))
  case "stages": try runStageBenchmark(Array(arguments.dropFirst()))
  case "profile-evaluate": try runProfileEvaluate(Array(arguments.dropFirst()))
  case "profile-json": try runProfileJSON(Array(arguments.dropFirst()))
  case "big": try runBigReply(Array(arguments.dropFirst()))
  case "count": try runCount(Array(arguments.dropFirst()))
  case "batch": try runBatchBenchmark(Array(arguments.dropFirst()))
  default:
    print("usage: coach-bench accuracy [DATA_DIR] [--verbose] | evaluator [MB] | batch [--mb N]")
    exit(64)
  }
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(2)
}
