/// Decides whether a matched phrase is negated within its clause (language notes §1.5).
///
/// Korean negation follows the predicate: `죄송할 일은 아니지만`, `잘못이 아닙니다`,
/// `사과할 이유는 없습니다`, `죄송하지 않습니다`; `안`/`못` may precede it. English negation
/// precedes: `it's not your fault`, `no need to apologise`, `I don't think`.
struct NegationScope {
  let v: [UInt32]
  let language: Language

  static let koNegators = S.list("아니 아닙 아닌 아녜 않 없 못 안 말")
  /// The negators looked for inside a word (all but 안 and 말, which are words of their own), and
  /// their first syllables.
  static let koInnerNegators = Array(koNegators.dropLast(2))
  static let koInnerNegatorFirsts: [UInt32] = koInnerNegators.compactMap(\.first).reduce(into: []) { firsts, c in
    if !firsts.contains(c) { firsts.append(c) }
  }
  static let koConnectiveEnders = SuffixList("만 고 서 며 면 데 니까")
  static let enNegators = ["not", "no", "never", "nothing", "without", "nobody", "none", "neither", "nor", "hardly",
    "cannot",
    // Typed without the apostrophe, as chat often is ("i dont know", "it didnt arrive").
    "dont", "didnt", "doesnt", "cant", "wont", "isnt", "wasnt", "arent", "werent", "havent", "hasnt", "hadnt",
    "shouldnt", "couldnt", "wouldnt", "aint"].map { S.w($0) }
  static let enStops = ["but", "however", "although", "though", "and", "so", "because"].map { S.w($0) }
  /// A phrase that opens with its own subject ("I'll send", "we've refunded") starts a new clause:
  /// a negator before it belongs to the clause before ("if it doesn't work I'll arrange a visit") —
  /// unless the word before carries the negation into it ("I don't think we'll", "can't promise I'll").
  static let enSubjects = ["i", "i'll", "i've", "i'm", "i'd", "we", "we'll", "we've", "we're", "we'd", "you'll", "they'll"]
    .map { S.w($0) }
  static let enCarriers = ["think", "believe", "sure", "promise", "guarantee", "say", "said", "know", "expect", "suppose",
    "imagine", "mean", "that", "if", "whether", "certain", "confirm"].map { S.w($0) }

  static let an = S.w("안"), mot = S.w("못"), nt = S.w("n't"), without = S.w("without")

  func isNegated(_ r: Range<Int>, in sentence: Range<Int>) -> Bool {
    switch language {
    case .ko: korean(r, in: sentence)
    case .en: english(r, in: sentence)
    }
  }

  func korean(_ r: Range<Int>, in sentence: Range<Int>) -> Bool {
    // 안/못 as a separate word right before the phrase's word.
    var wordStart = r.lowerBound
    while wordStart > sentence.lowerBound && !Chars.isBreak(v[wordStart - 1]) { wordStart -= 1 }
    if wordStart > sentence.lowerBound {
      var p = wordStart - 1
      while p > sentence.lowerBound && Chars.isBreak(v[p]) { p -= 1 }
      var q = p
      while q > sentence.lowerBound && !Chars.isBreak(v[q - 1]) { q -= 1 }
      let before = v[q...p]
      if before.elementsEqual(NegationScope.an) || before.elementsEqual(NegationScope.mot) { return true }
    }
    var end = r.upperBound
    while end < sentence.upperBound && !Chars.isBreak(v[end]) { end += 1 }
    let rest = v[r.upperBound..<end]
    if containsNegator(rest, anywhere: true) { return true }
    if closesClause(v[wordStart..<end]) { return false }
    // The next two words.
    var from = end
    for _ in 0..<2 {
      guard let word = Words.first(v, from: from, to: sentence.upperBound) else { break }
      if containsNegator(v[word], anywhere: false) { return true }
      if closesClause(v[word]) { return false }
      from = word.upperBound
    }
    return false
  }

  private func containsNegator(_ word: ArraySlice<UInt32>, anywhere: Bool) -> Bool {
    if anywhere {
      guard word.count >= 1 else { return false }
      let negators = NegationScope.koInnerNegators, firsts = NegationScope.koInnerNegatorFirsts
      // Only where a negator's first syllable is (most words have none).
      for start in word.indices where firsts.contains(word[start]) {
        let tail = word[start...]
        // "지 않", "지 못" fused without the space, or "아니/없" inside the remainder.
        if negators.contains(where: { tail.starts(with: $0) }) { return true }
      }
      return false
    }
    return NegationScope.koNegators.contains { word.starts(with: $0) }
  }

  private func closesClause(_ word: ArraySlice<UInt32>) -> Bool {
    var b = word.endIndex
    while b > word.startIndex && Chars.isTrailingJunk(word[b - 1]) { b -= 1 }
    let w = word[word.startIndex..<b]
    guard !w.isEmpty else { return false }
    switch KoreanEndings.classify(w, final: true) {
    case .formal, .polite, .hao, .informal: return true
    default: return NegationScope.koConnectiveEnders.matches(w)
    }
  }

  func english(_ r: Range<Int>, in sentence: Range<Int>) -> Bool {
    if let first = Words.first(v, from: r.lowerBound, to: r.upperBound),
      let previous = Words.last(v, before: r.lowerBound, from: sentence.lowerBound)
    {
      let subject = Words.bare(v, first), before = Words.bare(v, previous)
      // Lengths first: most words differ there.
      if NegationScope.enSubjects.contains(where: { $0.count == subject.count && subject.elementsEqual($0) }),
        !NegationScope.enCarriers.contains(where: { $0.count == before.count && before.elementsEqual($0) })
      {
        return false
      }
    }
    // The four words before the phrase, nearest first.
    var end = r.lowerBound
    for distance in 0..<4 {
      guard let word = Words.last(v, before: end, from: sentence.lowerBound) else { break }
      end = word.lowerBound
      // A comma or semicolon after a word closes the clause: "No, thanks for asking".
      let lastChar = v[word.upperBound - 1]
      if lastChar == Chars.comma || lastChar == 0x3B || lastChar == 0x3A || lastChar == 0x2D || Chars.isEmoji(lastChar) { return false }
      let bare = Words.bare(v, word)
      if NegationScope.enStops.contains(where: { $0.count == bare.count && bare.elementsEqual($0) }) { return false }
      // "without" governs the words right after it: "without delay" — but in "being without your
      // medication is worrying" the phrase comes after its object, outside its scope.
      if distance >= 2 && bare.elementsEqual(NegationScope.without) { continue }
      if NegationScope.enNegators.contains(where: { $0.count == bare.count && bare.elementsEqual($0) }) { return true }
      if bare.hasSuffix(NegationScope.nt) { return true }
    }
    return false
  }
}
