import Foundation
import Testing

/// Runs the real `coach` executable the way a user does: arguments, piped stdin, environment,
/// a fresh working directory outside the checkout; stdout and stderr go to files (no pipe
/// deadlock, pitfall 14).
enum CLI {
  /// The `coach` binary built next to this test bundle (CoachCLITests depends on it).
  static let binary: URL = {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<5 {
      let candidate = dir.appendingPathComponent("coach")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    // Fall back to the package's debug build folder.
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent(".build/debug/coach")
  }()

  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// A scratch directory removed when released.
  final class Workspace: @unchecked Sendable {
    let url: URL
    init() throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("coach-cli-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
      let file = url.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: file, atomically: true, encoding: .utf8)
      return file.path
    }
  }

  /// The environment a test run gets: no COACH_* from the developer's shell, no colour, fixed width.
  static func environment(_ extra: [String: String] = [:], home: String? = nil) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("COACH_") && $0.key != "CLICOLOR_FORCE" }
    environment["NO_COLOR"] = "1"
    environment["COLUMNS"] = "100"
    if let home {
      environment["HOME"] = home
      environment["XDG_DATA_HOME"] = home + "/.local/share"
    }
    for (k, v) in extra { environment[k] = v }
    return environment
  }

  /// Starts coach; the caller waits or signals. Output files live in `workspace`.
  static func start(
    _ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:], in workspace: Workspace,
    name: String = "run"
  ) throws -> (Process, URL, URL) {
    let fm = FileManager.default
    let out = workspace.url.appendingPathComponent("\(name).stdout"), err = workspace.url.appendingPathComponent("\(name).stderr")
    _ = fm.createFile(atPath: out.path, contents: nil)
    _ = fm.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = workspace.url
    process.environment = environment(extra, home: workspace.url.path)
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    if let stdin {
      let input = workspace.url.appendingPathComponent("\(name).stdin")
      try Data(stdin.utf8).write(to: input)
      process.standardInput = try FileHandle(forReadingFrom: input)
    } else {
      process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    return (process, out, err)
  }

  /// Runs coach to completion.
  static func run(
    _ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:], in workspace: Workspace? = nil
  ) throws -> Result {
    let space = try workspace ?? Workspace()
    let (process, out, err) = try start(arguments, stdin: stdin, environment: extra, in: space)
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
  }
}
