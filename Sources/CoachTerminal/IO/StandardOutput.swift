#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output; flushes after any write that does not end in a newline, so prompts appear
/// even when stdout is a pipe (which C stdio buffers fully).
public struct StandardOutput: TextOutput {
  /// Creates a writer for the process's standard output.
  public init() {}

  /// Writes `text`, flushing unless it ends in a newline.
  public func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      _ = fwrite(bytes.baseAddress, 1, bytes.count, stdout)
      if bytes.last != UInt8(ascii: "\n") { fflush(stdout) }
    }
  }
}
