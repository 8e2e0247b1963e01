/// One sentence of a reply, as a range of positions in the normalised view.
public struct Sentence: Sendable, Hashable {
  /// View range, without leading or trailing whitespace.
  public var range: Range<Int>
  /// The speech level of a Korean sentence; `nil` for English.
  public var level: SentenceLevel?
  /// The word whose ending decided `level` (view range), if any.
  public var levelEvidence: Range<Int>?

  public init(range: Range<Int>, level: SentenceLevel? = nil, levelEvidence: Range<Int>? = nil) {
    self.range = range
    self.level = level
    self.levelEvidence = levelEvidence
  }
}
