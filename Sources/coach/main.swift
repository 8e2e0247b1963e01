import CoachTerminal
import Foundation

// The `coach` executable: argument parsing and terminal rendering only; the work is in the libraries.
let status = CoachCLI(environment: ProcessInfo.processInfo.environment).run(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
