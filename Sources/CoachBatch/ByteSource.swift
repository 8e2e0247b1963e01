#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Somewhere bytes are read from, a chunk at a time: a file, standard input, or memory (tests).
public protocol ByteSource: AnyObject {
  /// Reads up to `buffer.count` bytes; returns 0 at the end of the input.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
}

/// A file or standard input could not be opened or read.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot read '\(path)': \(reason)" }
}

/// Reads a file descriptor with `read(2)`; closes it on deinit when it opened it.
public final class FileDescriptorSource: ByteSource {
  let fd: Int32
  let path: String
  let owned: Bool

  /// Opens `path` for reading (`-` is standard input).
  public init(path: String) throws(InputError) {
    self.path = path
    if path == "-" {
      fd = STDIN_FILENO
      owned = false
      return
    }
    let opened = open(path, O_RDONLY | O_CLOEXEC)
    guard opened >= 0 else { throw InputError(path: path, reason: String(cString: strerror(errno))) }
    var info = stat()
    if fstat(opened, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      close(opened)
      throw InputError(path: path, reason: "it is a directory")
    }
    fd = opened
    owned = true
  }

  deinit {
    if owned { close(fd) }
  }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
    while true {
      let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
      if count >= 0 { return count }
      if errno == EINTR { continue }
      throw InputError(path: path, reason: String(cString: strerror(errno)))
    }
  }
}

/// Bytes held in memory (for tests and small inputs), handed out in small chunks so tests
/// exercise the chunk boundaries.
public final class MemorySource: ByteSource {
  let bytes: [UInt8]
  var offset = 0
  let chunk: Int

  public init(_ bytes: [UInt8], chunk: Int = 1 << 16) {
    self.bytes = bytes
    self.chunk = max(1, chunk)
  }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
    let count = min(buffer.count, chunk, bytes.count - offset)
    guard count > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
    }
    offset += count
    return count
  }
}

/// The size of a regular file in bytes (for progress), or `nil` for pipes, terminals and `-`.
public func regularFileSize(_ path: String) -> Int? {
  guard path != "-" else { return nil }
  var info = stat()
  guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
  return Int(info.st_size)
}
