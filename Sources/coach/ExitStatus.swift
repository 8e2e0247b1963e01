/// The documented exit statuses of `coach` (README, `coach --help`).
enum ExitStatus: Int32 {
  /// Success; nothing at or above the gate.
  case success = 0
  /// The input has problems: lint errors, `--fail-under` not met, failed rule examples.
  case inputProblems = 1
  /// The tool could not do its job: unreadable file, bad pack, store error, bad records.
  case failure = 2
  /// Usage error: unknown option, missing argument.
  case usage = 64
  /// Interrupted by Ctrl-C, after saving what was complete.
  case interrupted = 130

  static let table = """
    EXIT STATUS:
      0    success; no finding at or above the gate
      1    the input has problems: lint errors, --fail-under not met, rule examples failed
      2    the tool could not do its job: unreadable file, bad guideline pack, store error,
           a malformed record (it is reported and the rest is still scored)
      64   usage error: unknown option, missing or invalid argument
      130  interrupted by Ctrl-C (what was complete is saved)
    """
}
