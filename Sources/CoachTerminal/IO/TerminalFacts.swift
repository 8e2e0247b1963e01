#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Facts about the terminal, kept in one file like argument-parser's `Platform`.

/// True when file descriptor `fd` is a terminal (`isatty`).
public func isTerminal(_ fd: Int32) -> Bool {
  isatty(fd) == 1
}

/// The terminal's width in columns: `COLUMNS` if it is a positive integer, else the window
/// size of `fd` (`ioctl(TIOCGWINSZ)`), else 80.
public func terminalColumns(environment: [String: String], fd: Int32 = STDOUT_FILENO) -> Int {
  if let value = environment["COLUMNS"].flatMap({ Int($0.trimmingSpaces()) }), value > 0 {
    return value
  }
  var size = winsize()
  #if canImport(Glibc)
  let status = ioctl(fd, UInt(TIOCGWINSZ), &size)
  #else
  let status = ioctl(fd, TIOCGWINSZ, &size)
  #endif
  if status == 0 && size.ws_col > 0 { return Int(size.ws_col) }
  return 80
}

/// The process environment, read with `getenv` for the variables the terminal code consults.
///
/// Callers that already hold `ProcessInfo.processInfo.environment` can pass it instead.
public func terminalEnvironment() -> [String: String] {
  var environment: [String: String] = [:]
  for name in ["COLUMNS", "NO_COLOR", "CLICOLOR_FORCE", "TERM"] {
    if let value = getenv(name) { environment[name] = String(cString: value) }
  }
  return environment
}

extension String {
  func trimmingSpaces() -> Substring {
    var slice = self[...]
    while slice.first == " " { slice.removeFirst() }
    while slice.last == " " { slice.removeLast() }
    return slice
  }
}
