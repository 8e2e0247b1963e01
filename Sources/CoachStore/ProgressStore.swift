import CSQLite
import Foundation
import Synchronization

/// The progress store: every practice session of every trainee, in one SQLite file.
///
/// One `ProgressStore` is one SQLite connection guarded by a lock, so it may be shared between
/// threads (a Ctrl-C handler can abandon the session the main thread is playing); calls are
/// served one at a time. Several processes may use the same file at once: the store runs in WAL
/// mode, writers take the lock up front (`BEGIN IMMEDIATE`) and wait up to the busy timeout.
///
/// Every write is one transaction: a session start, a whole turn with its scores and findings,
/// a session end. A crash therefore never leaves half a turn.
///
/// ```swift
/// let store = try ProgressStore(path: StoreLocation.resolve(explicit: nil, environment: env))
/// let session = try store.startSession(
///   trainee: "김민지", scenarioID: "late-delivery-angry", scenarioHash: hash,
///   scenarioTitle: "배송 지연", language: "ko", seed: 42, startedAt: Date())
/// try store.recordTurn(sessionID: session, turn: turn)
/// try store.finishSession(sessionID: session, endingID: "happy", endingKind: "resolved",
///                         overall: 84, endedAt: Date())
/// ```
public final class ProgressStore: Sendable {
  /// The store's path, as given.
  public let path: String
  /// The category names the store knows, in the fixed report order.
  public let categoryNames: [String]
  private let connection: Mutex<Database>

  /// Opens the store at `path`, creating it (and its folders) when missing and migrating it to
  /// the current schema.
  ///
  /// A file that cannot be used — written by a newer coach, not a progress store, damaged,
  /// read-only, or locked past the timeout — is left exactly as it was.
  /// - Parameter busyTimeoutMilliseconds: how long to wait for another coach's lock.
  /// - Throws: `StoreError` saying what failed, on which path, and what to do.
  public init(path: String, busyTimeoutMilliseconds: Int = 5000) throws {
    let database = try Self.openDatabase(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    do {
      categoryNames = try database.rows("SELECT name FROM category ORDER BY position") { try $0.requiredString(0) }
    } catch let error as SQLiteError {
      throw StoreError(error, action: "open", path: path)
    }
    self.path = path
    connection = Mutex(database)
  }

  /// Starts a session, creating the trainee on their first session.
  ///
  /// - Parameter trainee: the trainee's name; stored in NFC without surrounding spaces, so the
  ///   same name typed on another system finds the same trainee.
  /// - Returns: the new session's id.
  /// - Throws: `StoreError` (`.invalidRequest` for an empty name).
  public func startSession(
    trainee: String, scenarioID: String, scenarioHash: String, scenarioTitle: String,
    language: String, seed: UInt64, startedAt: Date
  ) throws -> Int64 {
    let name = try traineeName(trainee, action: "start a session in")
    let started = StoreTime.text(startedAt)
    return try withDatabase("start a session in") { database in
      try database.transaction(.immediate) {
        try database.execute(
          "INSERT INTO trainee (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", [name, started])
        guard let traineeID = try database.firstRow("SELECT id FROM trainee WHERE name = ?", [name], { try $0.requiredInt64(0) })
        else { throw invalid("start a session in", "trainee '\(name)' was not saved") }
        try database.execute(
          """
          INSERT INTO session (trainee_id, scenario_id, scenario_hash, scenario_title, language, seed, started_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
          [traineeID, scenarioID, scenarioHash, scenarioTitle, language, String(seed), started])
        return database.lastInsertRowID
      }
    }
  }

  /// Saves one turn with its category scores and findings, all in one transaction.
  ///
  /// - Throws: `StoreError`: `.invalidRequest` when the session does not exist or is no longer
  ///   active, the turn index is already saved, or a category is unknown or repeated;
  ///   `.locked` when another coach held the lock past the busy timeout.
  public func recordTurn(sessionID: Int64, turn: TurnRecord) throws {
    let action = "save turn \(turn.index) in"
    try checkCategories(of: turn, action: action)
    try withDatabase(action) { database in
      try database.transaction(.immediate) {
        try requireActiveSession(sessionID, in: database, action: action)
        let saved = try database.firstRow(
          "SELECT 1 FROM turn WHERE session_id = ? AND turn_index = ?", [sessionID, turn.index]) { _ in true }
        if saved != nil { throw invalid(action, "turn \(turn.index) of session \(sessionID) is already saved") }
        try insert(turn, sessionID: sessionID, in: database)
      }
    }
  }

  /// Replaces the session's latest saved turn with another attempt at it, in one transaction.
  ///
  /// Practice mode's `/retry` lets a trainee answer the same customer line again; the store then
  /// keeps only the reply the trainee finally sent. The old turn, its scores and its findings are
  /// deleted and the new one is inserted under the same index, so a crash leaves either attempt,
  /// never both and never neither.
  ///
  /// - Throws: `StoreError`: `.invalidRequest` when the session does not exist or is no longer
  ///   active, or `turn.index` is not the session's latest saved turn; `.locked` as for
  ///   ``recordTurn(sessionID:turn:)``.
  public func replaceTurn(sessionID: Int64, turn: TurnRecord) throws {
    let action = "replace turn \(turn.index) in"
    try checkCategories(of: turn, action: action)
    try withDatabase(action) { database in
      try database.transaction(.immediate) {
        try requireActiveSession(sessionID, in: database, action: action)
        let latest = try database.firstRow(
          "SELECT id, turn_index FROM turn WHERE session_id = ? ORDER BY turn_index DESC LIMIT 1", [sessionID]
        ) { (try $0.requiredInt64(0), try $0.requiredInt64(1)) }
        guard let latest, latest.1 == Int64(turn.index) else {
          throw invalid(action, "turn \(turn.index) is not the latest saved turn of session \(sessionID)")
        }
        try database.execute("DELETE FROM finding WHERE turn_id = ?", [latest.0])
        try database.execute("DELETE FROM turn_score WHERE turn_id = ?", [latest.0])
        try database.execute("DELETE FROM turn WHERE id = ?", [latest.0])
        try insert(turn, sessionID: sessionID, in: database)
      }
    }
  }

  /// Inserts a turn with its scores and findings; the caller holds the transaction.
  private func insert(_ turn: TurnRecord, sessionID: Int64, in database: Database) throws {
    try database.execute(
      """
      INSERT INTO turn (session_id, turn_index, node_id, customer_line, reply, overall, speech_level, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [sessionID, turn.index, turn.nodeID, turn.customerLine, turn.reply, turn.overall, turn.speechLevel,
       StoreTime.text(turn.recordedAt)])
    let turnID = database.lastInsertRowID
    let score = try database.prepare(
      "INSERT INTO turn_score (turn_id, category, score, detected) VALUES (?, ?, ?, ?)")
    for category in turn.categories {
      try score.run([turnID, category.name, category.score, category.detected])
    }
    let finding = try database.prepare(
      """
      INSERT INTO finding (turn_id, position, rule, category, kind, severity, start_offset, end_offset, excerpt, message)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    for (position, item) in turn.findings.enumerated() {
      try finding.run([turnID, position, item.rule, item.category, item.kind, item.severity, item.start, item.end,
                       item.excerpt, item.message])
    }
  }

  /// Marks an active session completed, with its ending and overall score.
  ///
  /// - Throws: `StoreError` (`.invalidRequest` when the session does not exist or is not active).
  public func finishSession(sessionID: Int64, endingID: String, endingKind: String, overall: Int, endedAt: Date) throws {
    let action = "finish session \(sessionID) in"
    try withDatabase(action) { database in
      try database.transaction(.immediate) {
        try requireActiveSession(sessionID, in: database, action: action)
        try database.execute(
          """
          UPDATE session SET status = 'completed', ending_id = ?, ending_kind = ?, overall = ?, ended_at = ?
          WHERE id = ?
          """,
          [endingID, endingKind, overall, StoreTime.text(endedAt), sessionID])
      }
    }
  }

  /// Marks a session abandoned if it is still active; its saved turns stay.
  ///
  /// Safe to call more than once and after the session ended (a Ctrl-C racing the ending).
  /// - Returns: `true` when the session was active and is now abandoned.
  /// - Throws: `StoreError` (`.invalidRequest` when there is no such session).
  @discardableResult
  public func abandonSession(sessionID: Int64, endedAt: Date) throws -> Bool {
    let action = "abandon session \(sessionID) in"
    return try withDatabase(action) { database in
      try database.transaction(.immediate) {
        guard let status = try sessionStatus(sessionID, in: database) else {
          throw invalid(action, "there is no session \(sessionID)")
        }
        guard status == .active else { return false }
        try database.execute(
          "UPDATE session SET status = 'abandoned', ended_at = ? WHERE id = ?", [StoreTime.text(endedAt), sessionID])
        return true
      }
    }
  }

  // MARK: - Helpers shared by the extensions

  /// Runs `body` with the connection, under the lock, turning SQLite errors into `StoreError`s.
  ///
  /// - Parameter action: what is being done, as in "cannot <action> progress store …".
  func withDatabase<Result: Sendable>(_ action: String, _ body: (Database) throws -> Result) throws -> Result {
    do {
      return try connection.withLock { database in try body(database) }
    } catch let error as SQLiteError {
      throw StoreError(error, action: action, path: path)
    }
  }

  /// A store error for a request that cannot be carried out.
  func invalid(_ action: String, _ problem: String) -> StoreError {
    StoreError(.invalidRequest, action: action, path: path, problem: problem)
  }

  /// The name as stored: NFC, without surrounding white space; an empty name is refused.
  func traineeName(_ name: String, action: String) throws -> String {
    let normalised = name.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !normalised.isEmpty else { throw invalid(action, "the trainee's name is empty") }
    return normalised
  }

  private func sessionStatus(_ sessionID: Int64, in database: Database) throws -> SessionStatus? {
    try database.firstRow("SELECT status FROM session WHERE id = ?", [sessionID]) {
      let text = try $0.requiredString(0)
      guard let status = SessionStatus(rawValue: text) else {
        throw SQLiteError(extendedCode: SQLITE_MISMATCH, message: "session \(sessionID) has unknown status '\(text)'")
      }
      return status
    }
  }

  private func requireActiveSession(_ sessionID: Int64, in database: Database, action: String) throws {
    guard let status = try sessionStatus(sessionID, in: database) else {
      throw invalid(action, "there is no session \(sessionID)")
    }
    guard status == .active else { throw invalid(action, "session \(sessionID) is already \(status.rawValue)") }
  }

  private func checkCategories(of turn: TurnRecord, action: String) throws {
    let known = Set(categoryNames)
    var seen: Set<String> = []
    for name in turn.categories.map(\.name) + turn.findings.map(\.category) where !known.contains(name) {
      throw invalid(action, "unknown category '\(name)'; expected one of \(categoryNames.joined(separator: ", "))")
    }
    for category in turn.categories where !seen.insert(category.name).inserted {
      throw invalid(action, "category '\(category.name)' is scored twice")
    }
  }
}
