#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where batch output goes: standard output, a file, or memory (tests).
public protocol ByteSink: AnyObject {
  func write(_ bytes: [UInt8]) throws(OutputError)
  /// Writes out anything buffered.
  func flush() throws(OutputError)
}

/// Output could not be written (disk full, closed pipe, unwritable path).
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot write '\(path)': \(reason)" }
}

/// Buffered output to a file descriptor with `write(2)`.
public final class FileDescriptorSink: ByteSink {
  let fd: Int32
  let path: String
  let owned: Bool
  var buffer: [UInt8] = []
  let capacity: Int

  /// Standard output.
  public static func standardOutput() -> FileDescriptorSink {
    FileDescriptorSink(fd: STDOUT_FILENO, path: "<stdout>", owned: false)
  }

  /// Creates or truncates `path`.
  public convenience init(path: String) throws(OutputError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
    self.init(fd: fd, path: path, owned: true)
  }

  init(fd: Int32, path: String, owned: Bool, capacity: Int = 1 << 18) {
    self.fd = fd
    self.path = path
    self.owned = owned
    self.capacity = capacity
    buffer.reserveCapacity(capacity)
  }

  deinit {
    try? flush()
    if owned { close(fd) }
  }

  public func write(_ bytes: [UInt8]) throws(OutputError) {
    if buffer.count + bytes.count > capacity {
      try flush()
      if bytes.count >= capacity {
        try writeAll(bytes)
        return
      }
    }
    buffer.append(contentsOf: bytes)
  }

  public func flush() throws(OutputError) {
    guard !buffer.isEmpty else { return }
    defer { buffer.removeAll(keepingCapacity: true) }
    try writeAll(buffer)
  }

  private func writeAll(_ bytes: [UInt8]) throws(OutputError) {
    var offset = 0
    let failure: Int32? = bytes.withUnsafeBytes { p -> Int32? in
      while offset < p.count {
        let written = Glibc.write(fd, p.baseAddress! + offset, p.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
    if let failure { throw OutputError(path: path, reason: String(cString: strerror(failure))) }
  }
}

/// Output collected in memory.
public final class MemorySink: ByteSink {
  public private(set) var bytes: [UInt8] = []

  public init() {}

  public func write(_ bytes: [UInt8]) throws(OutputError) { self.bytes += bytes }
  public func flush() throws(OutputError) {}

  /// The output as text.
  public var text: String { String(decoding: bytes, as: UTF8.self) }
}
