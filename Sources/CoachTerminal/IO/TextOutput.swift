#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Somewhere text goes: standard output, standard error, or a buffer in tests.
public protocol TextOutput: Sendable {
  /// Writes `text` as is (no newline is added).
  func write(_ text: String)
}

/// Standard output; flushes after any write that does not end in a newline, so prompts appear
/// even when stdout is a pipe (which C stdio buffers fully).
public struct StandardOutput: TextOutput {
  public init() {}

  public func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      _ = fwrite(bytes.baseAddress, 1, bytes.count, stdout)
      if bytes.last != UInt8(ascii: "\n") { fflush(stdout) }
    }
  }
}

/// Standard error (unbuffered).
public struct StandardError: TextOutput {
  public init() {}

  public func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      _ = fwrite(bytes.baseAddress, 1, bytes.count, stderr)
    }
  }
}
