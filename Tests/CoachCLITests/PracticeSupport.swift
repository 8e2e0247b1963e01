import CSQLite
import CoachStore
import Foundation
import Testing

// Helpers for the practice and progress CLI tests: a practice process fed through a pipe, the
// store opened from the test, raw SQLite for locks and integrity checks, and display widths.

extension CLI {
  /// A running `coach` whose standard input is a pipe the test writes to, line by line.
  final class Interactive: @unchecked Sendable {
    let process: Process
    let input: Pipe
    let stdout: URL
    let stderr: URL

    init(_ arguments: [String], environment extra: [String: String] = [:], in workspace: Workspace, name: String = "live") throws {
      let fm = FileManager.default
      stdout = workspace.url.appendingPathComponent("\(name).stdout")
      stderr = workspace.url.appendingPathComponent("\(name).stderr")
      _ = fm.createFile(atPath: stdout.path, contents: nil)
      _ = fm.createFile(atPath: stderr.path, contents: nil)
      process = Process()
      process.executableURL = CLI.binary
      process.arguments = arguments
      process.currentDirectoryURL = workspace.url
      process.environment = CLI.environment(extra, home: workspace.url.path)
      process.standardOutput = try FileHandle(forWritingTo: stdout)
      process.standardError = try FileHandle(forWritingTo: stderr)
      input = Pipe()
      process.standardInput = input
      try process.run()
    }

    /// Writes lines (each followed by a newline) to the process's standard input.
    func send(_ lines: String...) {
      input.fileHandleForWriting.write(Data(lines.map { $0 + "\n" }.joined().utf8))
    }

    var output: String { String(decoding: (try? Data(contentsOf: stdout)) ?? Data(), as: UTF8.self) }
    var errors: String { String(decoding: (try? Data(contentsOf: stderr)) ?? Data(), as: UTF8.self) }

    /// Waits until standard output contains `text` (polling the file, not sleeping blindly);
    /// records an issue if the process ends first or nothing comes within a generous bound.
    func waitForOutput(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
      let deadline = Date().addingTimeInterval(120)  // a hang guard, not a timing assertion
      while Date() < deadline {
        if output.contains(text) { return true }
        if !process.isRunning {
          Issue.record("coach ended before printing '\(text)'; stdout:\n\(output)\nstderr:\n\(errors)", sourceLocation: sourceLocation)
          return false
        }
        usleep(20_000)
      }
      Issue.record("coach did not print '\(text)'; stdout:\n\(output)", sourceLocation: sourceLocation)
      return false
    }
  }
}

/// A raw SQLite connection, for what the store's API does not offer: holding a lock, reading a
/// pragma, checking integrity.
final class RawSQLite {
  private var handle: OpaquePointer?

  init(_ path: String) throws {
    guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
      defer { sqlite3_close_v2(handle) }
      throw RawSQLiteError(message: String(cString: sqlite3_errmsg(handle)))
    }
    sqlite3_busy_timeout(handle, 5000)
  }

  deinit { sqlite3_close_v2(handle) }

  func execute(_ sql: String) throws {
    var message: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, sql, nil, nil, &message)
    defer { sqlite3_free(message) }
    guard code == SQLITE_OK else { throw RawSQLiteError(message: message.map { String(cString: $0) } ?? "code \(code)") }
  }

  /// The first column of every row, as text.
  func column(_ sql: String) throws -> [String?] {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
      throw RawSQLiteError(message: String(cString: sqlite3_errmsg(handle)))
    }
    defer { sqlite3_finalize(statement) }
    var values: [String?] = []
    while true {
      let code = sqlite3_step(statement)
      if code == SQLITE_DONE { break }
      guard code == SQLITE_ROW else { throw RawSQLiteError(message: String(cString: sqlite3_errmsg(handle))) }
      values.append(sqlite3_column_text(statement, 0).map { String(cString: $0) })
    }
    return values
  }
}

struct RawSQLiteError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// A file's bytes, to show a command left it untouched.
func fileBytes(_ path: String) -> Data? {
  FileManager.default.contents(atPath: path)
}

/// Makes a file really unwritable (as root too: `chattr +i`), and undoes it.
struct WriteProtection {
  let path: String

  static func protect(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> WriteProtection? {
    let protection = WriteProtection(path: path)
    chmod(path, 0o444)
    if geteuid() == 0 { protection.chattr("+i") }
    let descriptor = open(path, O_WRONLY)
    if descriptor >= 0 {
      close(descriptor)
      protection.remove()
      Issue.record("cannot make '\(path)' read-only on this machine (chattr +i failed?)", sourceLocation: sourceLocation)
      return nil
    }
    return protection
  }

  func remove() {
    if geteuid() == 0 { chattr("-i") }
    chmod(path, 0o644)
  }

  private func chattr(_ flag: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
    process.arguments = [flag, path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try? process.run()
    process.waitUntilExit()
  }
}

/// Display width the way a terminal draws it: Hangul, CJK and fullwidth forms take two columns.
func columns(_ text: some StringProtocol) -> Int {
  text.unicodeScalars.reduce(0) { width, scalar in
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0xFFE0...0xFFE6: width + 2
    case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: width
    default: width + 1
    }
  }
}

/// The display column at which `needle` ends in `line` (nil when absent).
func endColumn(of needle: String, in line: String) -> Int? {
  guard let range = line.range(of: needle) else { return nil }
  return columns(line[..<range.upperBound])
}

/// The display column at which `needle` starts in `line` (nil when absent).
func startColumn(of needle: String, in line: String) -> Int? {
  guard let range = line.range(of: needle) else { return nil }
  return columns(line[..<range.lowerBound])
}

/// Replies that reach known endings (from the scenario tests' scripted trainees).
enum Replies {
  static let koreanGood = [
    "김민수 님, 주문하신 운동화가 일주일째 출고되지 않아 정말 죄송합니다. 주말에 신으시려고 기다리셨을 텐데 많이 답답하셨겠어요. 확인해 보니 저희 물류센터에서 출고가 누락되었습니다.",
    "오늘 오후 3시까지 가장 빠른 배송으로 다시 보내 드리고, 송장 번호를 문자로 보내 드리겠습니다. 내일 오전 중에 받으실 수 있습니다.",
    "네, 내일 오전까지 도착하도록 제가 직접 확인하겠습니다. 기다려 주셔서 감사합니다. 혹시 더 궁금하신 점이 있으시면 언제든 말씀해 주세요.",
  ]
  static let koreanEvasive = [
    "불편하셨다면 죄송합니다. 확인해 보겠습니다.",
    "고객님, 진정하시고 기다려 주세요. 확인 중입니다.",
  ]
  static let englishGood = [
    "Marcus, I'm so sorry — our payment system charged you twice for the same order. That's our error, not yours, and I can see why you're frustrated. I'm cancelling the second $89 charge right now, and I'll email you a confirmation by 5 pm today.",
    "The $89 will be back in your account within 3 business days, so by Thursday — before your rent goes out on Friday. If it isn't there by Thursday evening, I'll call you myself.",
    "Yes — I'll email you written confirmation by 5 pm today, and you'll see the refund in your bank app by Thursday. Thank you for your patience while we sorted this out. Is there anything else I can help with?",
  ]
  static let englishJargon = "I apologize for the inconvenience. I have submitted a request for the duplicate charge."
  static let blenderFirst = "Priya, I'm so sorry — a blender should never fail after two weeks, let alone smell of burning. I can only imagine how alarming that was, especially with the kids waiting for breakfast. Please keep it unplugged and don't use it again."

  /// Lines for piped input: each reply followed by the empty line that sends it.
  static func piped(_ replies: [String]) -> String {
    replies.map { $0 + "\n\n" }.joined()
  }
}

/// Reads what a store holds, opening it the way coach does.
func storedSessions(_ path: String, trainee: String) throws -> [SessionRecord] {
  try ProgressStore(path: path).sessions(trainee: trainee)
}
