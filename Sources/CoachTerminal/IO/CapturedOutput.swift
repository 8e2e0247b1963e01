import Synchronization

/// A ``TextOutput`` that keeps everything written to it, for tests. Safe to share between threads.
public final class CapturedOutput: TextOutput {
  private let buffer = Mutex("")

  /// Creates an empty buffer.
  public init() {}

  /// Appends `text` to the buffer.
  public func write(_ text: String) {
    buffer.withLock { $0 += text }
  }

  /// Everything written so far.
  public var text: String {
    buffer.withLock { $0 }
  }

  /// Forgets everything written so far.
  public func clear() {
    buffer.withLock { $0 = "" }
  }
}
