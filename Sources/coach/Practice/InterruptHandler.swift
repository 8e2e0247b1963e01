#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Turns Ctrl-C (SIGINT), SIGTERM and SIGHUP into an orderly stop: the handler runs on a Dispatch
/// queue — not inside a C signal handler — so it may use the store and write output, and then
/// ends the process with 128 + the signal number (130 for Ctrl-C).
///
/// The signals are ignored at the C level (`SIG_IGN`), which also means a blocked `read` of
/// standard input is not interrupted; the handler therefore finishes the process itself with
/// `_exit` after flushing standard output, instead of returning to the main thread.
enum InterruptHandler {
  private static let sources = Mutex<[any DispatchSourceSignal]>([])
  /// Set by the first signal; later ones (a second Ctrl-C) are ignored while it is handled.
  private static let handling = Atomic(false)

  /// Installs `handler` for SIGINT, SIGTERM and SIGHUP; it receives the signal number and must
  /// not return control to the interrupted code (``finish(status:)`` ends the process).
  static func install(_ handler: @escaping @Sendable (Int32) -> Void) {
    sources.withLock { sources in
      for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global(qos: .userInitiated))
        source.setEventHandler {
          guard handling.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged
          else { return }
          handler(signalNumber)
        }
        source.resume()
        sources.append(source)
      }
    }
  }

  /// Flushes standard output and ends the process at once with `status`.
  static func finish(status: Int32) -> Never {
    fflush(stdout)
    fflush(stderr)
    _exit(status)
  }
}
