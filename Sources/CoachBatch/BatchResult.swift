/// How far a batch has got, reported in input order as output is written.
public struct BatchProgress: Sendable, Hashable {
  /// Input bytes whose records have all been written.
  public var bytes: Int
  /// Records written (scored records and error entries).
  public var records: Int
  public var errors: Int
}

/// What a finished batch did.
public struct BatchResult: Sendable {
  public var summary: BatchSummary
  /// True when ``BatchScorer/cancel()`` stopped the batch early (what was read is written).
  public var interrupted: Bool
  /// Input bytes read.
  public var bytes: Int

  /// Mean overall score of the scored records (what `--fail-under` compares), or `nil`.
  public var meanOverall: Double? { summary.meanOverall }
  public var errors: Int { summary.errors }
}
