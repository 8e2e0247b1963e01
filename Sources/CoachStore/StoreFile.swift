import Foundation

/// File-level work done before SQLite opens the store: look at the header, check that the file
/// and its folder can be written, create a missing store with mode 0600.
///
/// Everything here only reads, except `create`, which runs only when there is no file yet; so a
/// file that turns out to be unusable is never changed.
enum StoreFile {
  /// What is at the store's path.
  enum State: Equatable {
    /// No file yet.
    case missing
    /// A file of zero bytes, which SQLite treats as an empty database.
    case empty
    /// A SQLite database, with the two header fields the store cares about.
    case database(userVersion: Int, applicationID: Int)
  }

  /// Reads the state of `path` from its 100-byte SQLite header, without opening it in SQLite.
  ///
  /// - Throws: `StoreError` when the path is a folder, cannot be read, or is not SQLite.
  static func inspect(_ path: String) throws -> State {
    var info = stat()
    if stat(path, &info) != 0 {
      let code = errno
      if code == ENOENT { return .missing }
      throw failure(.inaccessible, "open", path, "cannot look at the file", code)
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw StoreError(.notAProgressStore, action: "open", path: path, problem: "it is a folder, not a file")
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(.inaccessible, "open", path, "cannot read the file", errno) }
    defer { close(descriptor) }
    var header = [UInt8](repeating: 0, count: 100)
    let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 100) }
    guard count >= 0 else { throw failure(.inaccessible, "open", path, "cannot read the file", errno) }
    if count == 0 { return .empty }
    guard count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
      throw StoreError(.notAProgressStore, action: "open", path: path, problem: "the file is not a SQLite database")
    }
    return .database(userVersion: bigEndian(header[60..<64]), applicationID: bigEndian(header[68..<72]))
  }

  /// Throws unless the existing file at `path` and its folder can be written.
  ///
  /// SQLite needs the folder too: it creates the `-wal` and `-shm` files next to the store.
  static func checkWritable(_ path: String) throws {
    if access(path, W_OK) != 0 {
      throw failure(.readOnly, "open", path, "the file is read-only", errno)
    }
    let folder = parentFolder(of: path)
    if access(folder, W_OK) != 0 {
      throw failure(.readOnly, "open", path, "its folder '\(folder)' is read-only", errno)
    }
  }

  /// Creates the missing folders on the way to `path` (mode 0700) and an empty file (mode 0600).
  ///
  /// Another process creating the same file at the same moment is fine: the file is then used.
  static func create(_ path: String) throws {
    try createFolders(parentFolder(of: path), for: path)
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if descriptor < 0 {
      let code = errno
      if code == EEXIST { return }
      let reason: StoreError.Reason = isReadOnlyError(code) ? .readOnly : .inaccessible
      throw failure(reason, "create", path, "cannot create the file", code)
    }
    defer { close(descriptor) }
    // The umask may have taken bits away but never adds them; set 0600 exactly.
    fchmod(descriptor, 0o600)
  }

  /// The folder holding `path` ("." for a bare file name).
  static func parentFolder(of path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }

  private static func createFolders(_ folder: String, for path: String) throws {
    var missing: [String] = []
    var current = folder
    var info = stat()
    while stat(current, &info) != 0 {
      guard errno == ENOENT else { throw failure(.inaccessible, "create", path, "cannot look at folder '\(current)'", errno) }
      missing.append(current)
      let parent = parentFolder(of: current)
      if parent == current { break }
      current = parent
    }
    for folder in missing.reversed() where mkdir(folder, 0o700) != 0 && errno != EEXIST {
      let code = errno
      let reason: StoreError.Reason = isReadOnlyError(code) ? .readOnly : .inaccessible
      throw failure(reason, "create", path, "cannot create folder '\(folder)'", code)
    }
  }

  private static func isReadOnlyError(_ code: Int32) -> Bool {
    code == EACCES || code == EPERM || code == EROFS
  }

  private static func failure(_ reason: StoreError.Reason, _ action: String, _ path: String, _ what: String, _ code: Int32) -> StoreError {
    StoreError(reason, action: action, path: path, problem: "\(what) (\(String(cString: strerror(code))))")
  }

  /// A 4-byte big-endian signed integer, as SQLite writes header fields.
  private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
    Int(Int32(bitPattern: bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }))
  }
}
