#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error (unbuffered), for diagnostics, usage errors and progress.
public struct StandardError: TextOutput {
  /// Creates a writer for the process's standard error.
  public init() {}

  /// Writes `text` immediately.
  public func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      _ = fwrite(bytes.baseAddress, 1, bytes.count, stderr)
    }
  }
}
