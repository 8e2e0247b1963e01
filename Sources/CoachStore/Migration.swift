/// One named, ordered change to the store's schema; `PRAGMA user_version` records the last one run.
///
/// Migrations are append-only: a released migration is never edited, a change is a new one.
/// Each runs in its own `BEGIN IMMEDIATE` transaction together with the `user_version` bump, so a
/// crash leaves the store at one version or the next, never in between; two processes opening a
/// new store at once both check the version inside the transaction, and only one migrates.
struct Migration: Sendable {
  /// The `user_version` the store has after this migration.
  let version: Int
  /// A short name for messages and reviews.
  let name: String
  /// The SQL script, constant text without parameters.
  let sql: String

  /// Every migration, in order; versions are 1, 2, 3, …
  static let all: [Migration] = [createProgressSchema]

  /// The schema version this build writes and understands.
  static var latestVersion: Int { all.last?.version ?? 0 }

  /// `PRAGMA application_id` of a progress store: "RCST" (ReplyCoach STore).
  static let applicationID = 0x5243_5354

  /// Runs the migrations newer than `version`, each in its own immediate transaction.
  ///
  /// - Throws: `SQLiteError`, e.g. `SQLITE_BUSY` when another coach holds the write lock.
  static func migrate(_ database: Database, from version: Int) throws {
    for migration in all where migration.version > version {
      try database.transaction(.immediate) {
        // Another process may have migrated between our first look and taking the lock.
        let current = try database.firstRow("PRAGMA user_version") { try $0.requiredInt64(0) } ?? 0
        guard current < migration.version else { return }
        try database.executeScript(migration.sql)
        // PRAGMA takes no bound parameters; the value is our own constant, not user input.
        try database.execute("PRAGMA user_version = \(migration.version)")
      }
    }
  }

  /// Version 1: trainees, sessions, turns, per-turn category scores and findings.
  ///
  /// Categories live in their own table, in the fixed report order, so scores and findings
  /// point at a known category and per-category averages are one `GROUP BY`.
  static let createProgressSchema = Migration(version: 1, name: "create-progress-schema", sql: """
    PRAGMA application_id = \(applicationID);

    CREATE TABLE category (
      name     TEXT PRIMARY KEY,
      position INTEGER NOT NULL UNIQUE
    ) STRICT;
    INSERT INTO category (name, position) VALUES
      ('empathy', 1), ('gratitude', 2), ('apology', 3), ('plain_language', 4), ('ownership', 5),
      ('resolution', 6), ('personalization', 7), ('closing', 8), ('tone', 9);

    CREATE TABLE trainee (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE session (
      id             INTEGER PRIMARY KEY,
      trainee_id     INTEGER NOT NULL REFERENCES trainee (id),
      scenario_id    TEXT NOT NULL,
      scenario_hash  TEXT NOT NULL,
      scenario_title TEXT NOT NULL,
      language       TEXT NOT NULL,
      seed           TEXT NOT NULL,
      started_at     TEXT NOT NULL,
      ended_at       TEXT,
      status         TEXT NOT NULL DEFAULT 'active'
                     CHECK (status IN ('active', 'completed', 'abandoned')),
      ending_id      TEXT,
      ending_kind    TEXT,
      overall        INTEGER
    ) STRICT;
    CREATE INDEX session_by_trainee ON session (trainee_id, started_at);
    CREATE INDEX session_by_scenario ON session (trainee_id, scenario_id);

    CREATE TABLE turn (
      id            INTEGER PRIMARY KEY,
      session_id    INTEGER NOT NULL REFERENCES session (id),
      turn_index    INTEGER NOT NULL,
      node_id       TEXT NOT NULL,
      customer_line TEXT NOT NULL,
      reply         TEXT NOT NULL,
      overall       INTEGER NOT NULL,
      speech_level  TEXT,
      created_at    TEXT NOT NULL,
      UNIQUE (session_id, turn_index)
    ) STRICT;

    CREATE TABLE turn_score (
      turn_id  INTEGER NOT NULL REFERENCES turn (id),
      category TEXT NOT NULL REFERENCES category (name),
      score    INTEGER,
      detected INTEGER NOT NULL CHECK (detected IN (0, 1)),
      PRIMARY KEY (turn_id, category)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX turn_score_by_category ON turn_score (category);

    CREATE TABLE finding (
      id           INTEGER PRIMARY KEY,
      turn_id      INTEGER NOT NULL REFERENCES turn (id),
      position     INTEGER NOT NULL,
      rule         TEXT NOT NULL,
      category     TEXT NOT NULL REFERENCES category (name),
      kind         TEXT NOT NULL,
      severity     TEXT NOT NULL,
      start_offset INTEGER NOT NULL,
      end_offset   INTEGER NOT NULL,
      excerpt      TEXT NOT NULL,
      message      TEXT NOT NULL,
      UNIQUE (turn_id, position)
    ) STRICT;
    """)
}
