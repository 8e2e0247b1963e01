// swift-tools-version: 6.0
import PackageDescription

// ReplyCoach: one library module per job, a thin `coach` executable, a benchmark executable.
// Data flows reply → CoachText → CoachGuidelines → (CoachScenarios | CoachStore | CoachBatch) → coach.
// The text and guideline modules are optimised in debug builds too: unoptimised, compiling both
// packs (~120,000 phrases) took 18 s at every start of a debug `coach` (`swift run coach …`, and the
// CLI tests, which run the real executable dozens of times: `swift test` took ~8 minutes); optimised,
// 0.7 s and ~30 s. `-O` is an unsafe flag only for packages used as dependencies, which this is not.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
  name: "ReplyCoach",
  products: [
    .executable(name: "coach", targets: ["coach"]),
    .executable(name: "coach-bench", targets: ["coach-bench"]),
  ],
  targets: [
    .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
    .target(name: "CoachDiagnostics"),
    .target(name: "CoachText", swiftSettings: optimizedInDebug),
    .target(name: "CoachTerminal", dependencies: ["CoachDiagnostics"]),
    .target(name: "CoachGuidelines", dependencies: ["CoachText", "CoachDiagnostics"], swiftSettings: optimizedInDebug),
    .target(name: "CoachScenarios", dependencies: ["CoachGuidelines", "CoachText", "CoachDiagnostics"]),
    .target(name: "CoachStore", dependencies: ["CSQLite", "CoachDiagnostics"]),
    .target(name: "CoachBatch", dependencies: ["CoachGuidelines", "CoachText", "CoachDiagnostics"]),
    .executableTarget(
      name: "coach",
      dependencies: ["CoachTerminal", "CoachBatch", "CoachStore", "CoachScenarios", "CoachGuidelines", "CoachText", "CoachDiagnostics"]),
    .executableTarget(
      name: "coach-bench",
      dependencies: ["CoachBatch", "CoachGuidelines", "CoachText"]),
    .testTarget(name: "CoachTextTests", dependencies: ["CoachText"]),
    .testTarget(name: "CoachGuidelinesTests", dependencies: ["CoachGuidelines", "CoachText", "CoachDiagnostics"]),
    .testTarget(name: "CoachScenariosTests", dependencies: ["CoachScenarios", "CoachGuidelines"], exclude: ["Fixtures"]),
    .testTarget(name: "CoachStoreTests", dependencies: ["CoachStore"]),
    .testTarget(name: "CoachBatchTests", dependencies: ["CoachBatch", "CoachGuidelines"], exclude: ["Fixtures"]),
    .testTarget(name: "CoachTerminalTests", dependencies: ["CoachTerminal"]),
    .testTarget(name: "CoachCLITests", dependencies: ["coach"]),
  ]
)
