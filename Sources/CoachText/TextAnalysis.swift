/// Everything the evaluator needs to know about a reply's text, computed once.
///
/// Knows nothing of guidelines: normalisation, language, sentences, quoted spans, the speech
/// level of every Korean sentence and of the whole reply, and negation scope.
///
/// ```swift
/// let analysis = TextAnalysis("환불은 안 돼. 죄송합니다.")
/// analysis.speechLevel  // .mixed
/// ```
public struct TextAnalysis: Sendable {
  public let text: NormalizedText
  public let language: Language
  public let sentences: [Sentence]
  /// Spans inside quotation marks, reported customer speech, e-mail quotes and pasted policy text.
  public let quoted: [Range<Int>]
  /// For Korean replies; `nil` for English or when no sentence shows a level.
  public let speechLevel: SpeechLevel?

  public init(_ text: String, language: Language? = nil) {
    self.init(normalized: NormalizedText(text), language: language)
  }

  public init(normalized: NormalizedText, language: Language? = nil) {
    text = normalized
    let language = language ?? normalized.detectedLanguage ?? .en
    self.language = language
    let v = normalized.view
    let (ranges, paired) = SentenceSplitter(v: v, language: language).split()
    var quoted = paired
    QuoteFinder(v: v, language: language).addReportedSpeech(sentences: ranges, into: &quoted)
    quoted.sort { $0.lowerBound < $1.lowerBound }
    self.quoted = quoted
    if language == .ko {
      let classifier = KoreanSentenceClassifier(v: v, quoted: quoted)
      var sentences: [Sentence] = []
      sentences.reserveCapacity(ranges.count)
      for range in ranges {
        let (level, evidence) = classifier.classify(range)
        sentences.append(Sentence(range: range, level: level, levelEvidence: evidence))
      }
      self.sentences = sentences
      speechLevel = SpeechLevel.combine(sentences.lazy.compactMap(\.level))
    } else {
      sentences = ranges.map { Sentence(range: $0) }
      speechLevel = nil
    }
  }

  /// True when the range starts inside a quoted span.
  public func isQuoted(_ range: Range<Int>) -> Bool {
    guard !quoted.isEmpty else { return false }
    // Quoted spans are sorted by start; look at those starting at or before the range.
    var lo = 0, hi = quoted.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if quoted[mid].lowerBound <= range.lowerBound { lo = mid + 1 } else { hi = mid }
    }
    var i = lo - 1
    while i >= 0 {
      let q = quoted[i]
      if range.lowerBound < q.upperBound && range.upperBound <= q.upperBound { return true }
      if lo - i > 8 { break }  // spans rarely nest deeper
      i -= 1
    }
    return false
  }

  /// The index of the sentence containing a view position (or the nearest one before it).
  public func sentenceIndex(at position: Int) -> Int? {
    guard !sentences.isEmpty else { return nil }
    var lo = 0, hi = sentences.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if sentences[mid].range.lowerBound <= position { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }

  /// True when a matched phrase is negated in its clause (`죄송할 일은 아니지만`, `it's not your fault`).
  public func isNegated(_ range: Range<Int>) -> Bool {
    let sentence = sentenceIndex(at: range.lowerBound).map { sentences[$0].range } ?? 0..<text.view.count
    return NegationScope(v: text.view, language: language).isNegated(range, in: sentence)
  }

  /// Sentences the agent wrote (not entirely quoted).
  public var agentSentences: [Sentence] { sentences.filter { !isQuoted($0.range) } }
}
