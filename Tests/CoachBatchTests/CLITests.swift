import Foundation
import Testing

@testable import CoachBatch

/// The built `coach` executable (next to the test bundle, or in this package's build folders).
let coachExecutable: String? = {
  var candidates = [
    Bundle.main.bundleURL.appendingPathComponent("coach").path,
    Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("coach").path,
  ]
  if let entries = try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot) {
    for entry in entries.sorted() where entry.hasPrefix(".build") {
      candidates.append("\(repositoryRoot)/\(entry)/debug/coach")
    }
  }
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

struct CommandResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs `coach` with stdout and stderr sent to temporary files (no pipe deadlock, pitfall 14).
func coach(_ arguments: [String], stdin: String? = nil) throws -> CommandResult {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coach-batch-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let out = directory.appendingPathComponent("out"), err = directory.appendingPathComponent("err"), input = directory.appendingPathComponent("in")
  _ = FileManager.default.createFile(atPath: out.path, contents: nil)
  _ = FileManager.default.createFile(atPath: err.path, contents: nil)
  _ = FileManager.default.createFile(atPath: input.path, contents: Data((stdin ?? "").utf8))
  let process = Process()
  process.executableURL = URL(fileURLWithPath: coachExecutable!)
  process.arguments = arguments
  process.environment = ["COACH_GUIDELINES": repositoryRoot + "/Guidelines", "PATH": "/usr/bin:/bin"]
  process.currentDirectoryURL = URL(fileURLWithPath: fixtures)
  process.standardOutput = try FileHandle(forWritingTo: out)
  process.standardError = try FileHandle(forWritingTo: err)
  process.standardInput = try FileHandle(forReadingFrom: input)
  try process.run()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
    stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
}

@Suite("coach score (end to end)", .enabled(if: coachExecutable != nil, "the coach executable is not built"))
struct CLITests {
  @Test("Exit 0 on clean input, 2 with bad records (reported on stderr, entries on stdout)")
  func exitStatus() throws {
    let clean = try coach(["score", "replies.jsonl"])
    #expect(clean.status == 0)
    #expect(try jsonLines(clean.stdout).count == 5)
    let bad = try coach(["score", "malformed.jsonl", "chats.csv"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("bad record"))
    #expect(bad.stdout.contains(#"{"error":"expected 5 fields as in the header, found 3","file":"chats.csv","line":10}"#))
  }

  @Test("--jobs 2 writes exactly what --jobs 1 writes, and no transcript escape character reaches the output raw")
  func jobs() throws {
    // Each run loads the packs (slow in debug builds), so two formats stand for all.
    let files = ["replies.jsonl", "malformed.jsonl", "chats.csv", "transcripts.txt", "escapes.jsonl"]
    for format in ["jsonl", "md"] {
      let one = try coach(["score", "--jobs", "1", "--format", format] + files)
      let two = try coach(["score", "--jobs", "2", "--format", format] + files)
      #expect(one.stdout == two.stdout, "\(format)")
      #expect(!one.stdout.isEmpty)
      #expect(!one.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 }, "\(format)")
      #expect(!one.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 }, "\(format)")
    }
  }

  @Test("--fail-under: exit 1 when the mean is below the gate, 0 when it is met")
  func failUnder() throws {
    let met = try coach(["score", "replies.jsonl", "--fail-under", "10"])
    #expect(met.status == 0)
    let missed = try coach(["score", "replies.jsonl", "--fail-under", "100"])
    #expect(missed.status == 1)
    #expect(missed.stderr.contains("below --fail-under 100"))
  }

  @Test("Usage errors exit 64; --help documents the exit statuses")
  func usage() throws {
    #expect(try coach(["score", "--fail-under", "101", "replies.jsonl"]).status == 64)
    #expect(try coach(["score", "--format", "pdf"]).status == 64)
    #expect(try coach(["score", "--bom", "--format", "md", "replies.jsonl"]).status == 64)
    #expect(try coach(["score", "--jobs", "0", "replies.jsonl"]).status == 64)
    let help = try coach(["score", "--help"])
    #expect(help.status == 0)
    for text in ["EXIT STATUS", "--fail-under", "--input-format", "--bom", "130"] { #expect(help.stdout.contains(text), "\(text)") }
  }

  @Test("Standard input is a streaming filter; the format is sniffed; --out writes a file")
  func stdinAndOut() throws {
    let csv = String(decoding: FileManager.default.contents(atPath: fixture("chats.csv"))!, as: UTF8.self)
    let piped = try coach(["score", "-"], stdin: csv)
    #expect(piped.stdout.contains(#""id":"A-1""#))
    #expect(piped.stdout.contains(#""file":"-","line":10"#))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("coach-batch-\(UUID().uuidString).html").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let written = try coach(["score", "transcripts.txt", "--format", "html", "--out", path])
    #expect(written.stdout.isEmpty)
    #expect(String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
  }
}
