import Foundation
import Testing

@testable import CoachScenarios

/// `coach scenarios list | show | lint`, run as a real process from a directory outside the
/// checkout. The `coach` binary is built next to the test bundle (CoachCLITests depends on it);
/// when it is not there, these tests are skipped.
struct ScenariosCommandTests {
  static let coach: URL? = {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("coach")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return nil
  }()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs coach in a fresh temporary directory, without COACH_* variables, output to files (no pipe deadlock).
  static func run(_ arguments: [String]) throws -> Result {
    let fm = FileManager.default
    let work = fm.temporaryDirectory.appendingPathComponent("coach-scenarios-\(UUID().uuidString)")
    try fm.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: work) }
    let out = work.appendingPathComponent("stdout"), err = work.appendingPathComponent("stderr")
    fm.createFile(atPath: out.path, contents: nil)
    fm.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = try #require(coach)
    process.arguments = arguments
    process.currentDirectoryURL = work
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("COACH_") }
    environment["NO_COLOR"] = "1"
    environment["COLUMNS"] = "100"
    process.environment = environment
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
  }

  @Test("list works from any directory and aligns Hangul titles", .enabled(if: coach != nil))
  func list() throws {
    let result = try Self.run(["scenarios", "list"])
    #expect(result.status == 0, Comment(rawValue: result.stderr))
    for scenario in TestSupport.bundled.scenarios { #expect(result.stdout.contains(scenario.id)) }
    // Every table line has the same display width (the title column is padded).
    let lines = result.stdout.split(separator: "\n").dropLast().map(String.init)
    let widths = Set(lines.map { line in line.unicodeScalars.reduce(0) { $0 + (($1.value >= 0xAC00 && $1.value <= 0xD7A3) ? 2 : 1) } })
    #expect(widths.count == 1, "table lines differ in width: \(widths)")
  }

  @Test("show prints the header, nodes, branches and endings", .enabled(if: coach != nil))
  func show() throws {
    let result = try Self.run(["scenarios", "show", "late-delivery-angry"])
    #expect(result.status == 0, Comment(rawValue: result.stderr))
    #expect(result.stdout.contains("node start"))
    #expect(result.stdout.contains("if apology detected and empathy detected → when-arrive"))
    #expect(result.stdout.contains("ending resolved"))
    let unknown = try Self.run(["scenarios", "show", "late-delivery-angyr"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("Did you mean 'late-delivery-angry'?"))
  }

  @Test("lint passes the bundled scenarios and fails a broken file with file:line:column", .enabled(if: coach != nil))
  func lint() throws {
    let clean = try Self.run(["scenarios", "lint"])
    #expect(clean.status == 0, Comment(rawValue: clean.stdout + clean.stderr))
    let fixture = TestSupport.fixtures.appendingPathComponent("lint/Nodes-MustHaveUniqueIds.scenario").path
    let broken = try Self.run(["scenarios", "lint", fixture])
    #expect(broken.status == 1)
    #expect(broken.stdout.contains("\(fixture):18:6: error: duplicate node id 'start' [duplicate-node]"))
    #expect(broken.stdout.contains("\(fixture):13:6: note: first defined here"))
    let json = try Self.run(["scenarios", "lint", "--format", "json", fixture])
    #expect(json.status == 1)
    #expect(json.stdout.contains("\"line\":18,\"column\":6,\"endColumn\":11,\"severity\":\"error\",\"code\":\"duplicate-node\""))
    // The same file saved with Windows line endings: same positions, and the line is still quoted.
    let crlf = FileManager.default.temporaryDirectory.appendingPathComponent("crlf-\(UUID().uuidString).scenario")
    defer { try? FileManager.default.removeItem(at: crlf) }
    let text = try String(contentsOfFile: fixture, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")
    try text.write(to: crlf, atomically: true, encoding: .utf8)
    let windows = try Self.run(["scenarios", "lint", crlf.path])
    #expect(windows.status == 1)
    #expect(windows.stdout.contains("\(crlf.path):18:6: error: duplicate node id 'start' [duplicate-node]\n    node start\n"))
  }
}
