import Foundation
import Testing

@testable import CoachStore

/// A fresh folder under the system's temporary directory, removed when released.
final class TemporaryFolder {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory
      .appendingPathComponent("coachstore-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// A path inside the folder.
  func file(_ name: String) -> String {
    path + "/" + name
  }
}

/// A file's bytes and modification time, to show an operation left it untouched.
struct FileSnapshot: Equatable {
  let bytes: Data
  let modifiedSeconds: Int
  let modifiedNanoseconds: Int

  init(_ path: String) throws {
    bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    var info = stat()
    guard stat(path, &info) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    modifiedSeconds = info.st_mtim.tv_sec
    modifiedNanoseconds = info.st_mtim.tv_nsec
  }
}

/// Makes a file or folder really unwritable for this process, and undoes it.
///
/// For an ordinary user `chmod a-w` is enough. Tests often run as root, who writes through any
/// mode bits, so there the path also gets the immutable attribute (`chattr +i`): the kernel then
/// refuses writes, new files and renames even to root. That exercises the real read-only path
/// (SQLite's read/write open really fails), where opening with `SQLITE_OPEN_READONLY` would only
/// pretend. A read-only bind mount would work too, but needs a private mount namespace, which a
/// multi-threaded test process cannot enter. `protect` then checks that writing really fails and
/// reports an issue if it does not, so a test using it cannot pass vacuously.
struct WriteProtection {
  let path: String
  private let isFolder: Bool
  private let isRoot = geteuid() == 0

  private init(path: String) {
    self.path = path
    var folder: ObjCBool = false
    isFolder = FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
  }

  /// Protects `path`; returns `nil` (after recording an issue) when this machine cannot.
  static func protect(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> WriteProtection? {
    let protection = WriteProtection(path: path)
    chmod(path, protection.isFolder ? 0o555 : 0o444)
    if protection.isRoot { protection.chattr("+i") }
    if protection.isStillWritable() {
      protection.remove()
      Issue.record("cannot make '\(path)' read-only on this machine (chattr +i failed?)", sourceLocation: sourceLocation)
      return nil
    }
    return protection
  }

  /// Makes the path writable again.
  func remove() {
    if isRoot { chattr("-i") }
    chmod(path, isFolder ? 0o755 : 0o644)
  }

  private func isStillWritable() -> Bool {
    if isFolder {
      let probe = path + "/.write-probe"
      let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
      guard descriptor >= 0 else { return false }
      close(descriptor)
      unlink(probe)
      return true
    }
    let descriptor = open(path, O_WRONLY)
    guard descriptor >= 0 else { return false }
    close(descriptor)
    return true
  }

  private func chattr(_ flag: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
    process.arguments = [flag, path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
      process.waitUntilExit()
    } catch {
      // No chattr: `protect` sees the path is still writable and records an issue.
    }
  }
}

/// Builders for test data.
enum Fixture {
  static let categories = [
    "empathy", "gratitude", "apology", "plain_language", "ownership", "resolution", "personalization", "closing",
    "tone",
  ]

  /// 2025-01-01 plus `day` days, at `hour`:00 UTC.
  static func date(day: Int, hour: Int = 9) -> Date {
    Date(timeIntervalSince1970: 1_735_689_600 + Double(day) * 86_400 + Double(hour) * 3_600)
  }

  /// A turn scoring the given categories (the others unjudged and not detected).
  static func turn(
    _ index: Int, scores: [String: Int] = [:], overall: Int = 70, findings: [FindingRecord] = [],
    reply: String = "불편을 드려 정말 죄송합니다.", at date: Date = Fixture.date(day: 0)
  ) -> TurnRecord {
    TurnRecord(
      index: index, nodeID: "node-\(index)", customerLine: "왜 아직도 배송이 안 되나요?", reply: reply, overall: overall,
      speechLevel: "formal",
      categories: categories.map { CategoryScore(name: $0, score: scores[$0], detected: scores[$0] != nil) },
      findings: findings, recordedAt: date)
  }

  /// Starts a session of `trainee` on `scenario`.
  static func start(
    _ store: ProgressStore, trainee: String = "김민지", scenario: String = "late-delivery-angry",
    title: String = "배송 지연에 화난 고객", at date: Date = Fixture.date(day: 0)
  ) throws -> Int64 {
    try store.startSession(
      trainee: trainee, scenarioID: scenario, scenarioHash: "sha256:\(scenario)", scenarioTitle: title,
      language: "ko", seed: 42, startedAt: date)
  }
}

extension ProgressStore {
  /// One integer from SQL run on the store's own connection.
  func integer(_ sql: String) throws -> Int64? {
    try withDatabase("test") { try $0.firstRow(sql) { $0.int64(0) } ?? nil }
  }

  /// One text value from SQL run on the store's own connection.
  func text(_ sql: String) throws -> String? {
    try withDatabase("test") { try $0.firstRow(sql) { $0.string(0) } ?? nil }
  }
}
