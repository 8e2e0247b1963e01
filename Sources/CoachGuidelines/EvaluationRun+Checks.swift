import CoachText

extension EvaluationRun {
  /// The evidence spans a built-in check produces (see `BuiltinCheck`).
  mutating func spans(of name: BuiltinCheck.Name, plan: RulePlan, index r: Int) -> [Range<Int>] {
    let sentences = analysis.sentences
    switch name {
    case .banmalSentence:
      guard analysis.language == .ko else { return [] }
      let allInformal = analysis.speechLevel == .informal
      return sentences.filter { $0.level == .informal || ($0.level == .weakInformal && allInformal) }.map(\.range)
    case .haoSentence:
      return sentences.filter { $0.level == .hao }.map { $0.levelEvidence ?? $0.range }
    case .honorificThroughout:
      guard analysis.speechLevel == .formal || analysis.speechLevel == .polite else { return [] }
      return sentences.first { $0.level?.isHonorific == true }.map { [$0.levelEvidence ?? $0.range] } ?? []
    case .allCaps:
      return allCapsRuns(minimumWords: plan.parameterWords ?? 2, allowList: pack.checkLists[r])
    case .longSentence:
      let limit = analysis.language == .ko ? (plan.parameterEojeol ?? 20) : (plan.parameterWords ?? 30)
      let view = analysis.text.view
      return sentences.filter {
        EvaluationRun.mayHaveMoreWords($0.range, than: limit) && !analysis.isQuoted($0.range)
          && EvaluationRun.wordCount($0.range, in: view) > limit
      }.map(\.range)
    case .onlySentences:
      guard let lists = pack.checkLists[r] else { return [] }
      return onlyStockSentences(lists).map { [$0] } ?? []
    case .usesName:
      return Array(nameSpans.prefix(1))
    case .otherName:
      return otherNameSpans()
    case .echoesCustomer:
      return echoedCustomerWords(minimum: plan.parameterMin ?? 2).map { [$0] } ?? []
    case .onlyEchoes:
      return onlyEchoesCustomer(maximumWords: plan.parameterWords ?? 8).map { [$0] } ?? []
    case .missing:
      return detectedMask & (1 << UInt16(plan.category.index)) != 0 ? [] : EvaluationRun.wholeReplyMarker
    case .repeatedSentence:
      return repeatedSentences()
    case .explainedAbbreviation:
      return explainedAbbreviations()
    case .emojiRun:
      return emojiRuns(minimum: plan.parameterCount ?? 2)
    case .wholeReply:
      guard let first = sentences.first, let last = sentences.last else { return [] }
      return [first.range.lowerBound..<last.range.upperBound]
    }
  }

  /// The evidence of a `missing` check, shared (not an array allocated per rule and reply).
  static let wholeReplyMarker: [Range<Int>] = [0..<0]

  /// Whether a range is long enough to hold more than `limit` words: a word takes a scalar,
  /// and a break comes between two words, so `n` scalars hold at most `(n + 1) / 2` of them.
  /// Most sentences are too short to be counted at all.
  static func mayHaveMoreWords(_ range: Range<Int>, than limit: Int) -> Bool {
    (range.count + 1) / 2 > limit
  }

  /// The words in a range of the view. Static: as a method called from the mutating `spans`,
  /// each call (one per sentence) first copied the whole run.
  static func wordCount(_ range: Range<Int>, in view: [UInt32]) -> Int {
    precondition(range.lowerBound >= 0 && range.upperBound <= view.count)
    // Over the buffer: the range is checked once above, not every scalar.
    return view.withUnsafeBufferPointer { v in
      var count = 0
      var inWord = false
      for i in range {
        let c = v[i]
        let word = PhraseMatcher.isWordScalar(c)
        if word && !inWord { count += 1 }
        inWord = word || (inWord && !Chars_isBreak(c))
      }
      return count
    }
  }

  /// Runs of `minimum` or more emoji with nothing but spaces between them. Variation selectors,
  /// zero-width joiners and skin-tone modifiers belong to the emoji before them, so 👍🏽 or ❤️ is one.
  func emojiRuns(minimum: Int) -> [Range<Int>] {
    func isBase(_ v: UInt32) -> Bool {
      ((v >= 0x1F000 && v <= 0x1FAFF) && !(v >= 0x1F3FB && v <= 0x1F3FF)) || (v >= 0x2600 && v <= 0x27BF) || v == 0x2B50
        || v == 0x2B55
    }
    func isJoiner(_ v: UInt32) -> Bool {
      v == 0xFE0F || v == 0x200D || (v >= 0x1F3FB && v <= 0x1F3FF) || v == NormalizedText.ignorable
    }
    // Quick exit: no scalar in the emoji blocks at all (noted as the view was built).
    guard analysis.text.hasEmojiBlockScalar else { return [] }
    var runs: [Range<Int>] = []
    var start = -1, end = -1, count = 0
    var afterZWJ = false
    func close() {
      if count >= minimum { runs.append(start..<end) }
      start = -1
      count = 0
    }
    for (i, v) in view.enumerated() {
      if isBase(v) {
        if start < 0 { start = i }
        if !afterZWJ { count += 1 }
        end = i + 1
        afterZWJ = false
      } else if isJoiner(v) && start >= 0 {
        end = i + 1
        afterZWJ = v == 0x200D || v == NormalizedText.ignorable  // the view folds the joiner to `ignorable`
      } else if v == 0x20 && start >= 0 {
        continue
      } else if start >= 0 {
        close()
      }
    }
    if start >= 0 { close() }
    return runs.filter { !analysis.isQuoted($0) }
  }

  /// Runs of ALL-CAPS words (3+ letters) in the text as written, skipping allowed acronyms.
  func allCapsRuns(minimumWords: Int, allowList: [Int32]?) -> [Range<Int>] {
    // Quick exit: no three upper-case ASCII letters in a row.
    guard analysis.text.longestCapitalRun >= 3 else { return [] }
    var nfc = analysis.text.nfc
    // An ASCII text (one byte per scalar; the view has one element per NFC scalar) is read off
    // its bytes, without decoding the string's scalars.
    let scalars =
      nfc.utf8.count == view.count ? nfc.withUTF8 { Array($0.lazy.map(Unicode.Scalar.init)) } : Array(nfc.unicodeScalars)
    var runs: [Range<Int>] = []
    var runStart = -1, runEnd = -1, runWords = 0
    var i = 0
    func closeRun() {
      if runWords >= minimumWords { runs.append(runStart..<runEnd) }
      runStart = -1
      runWords = 0
    }
    func isLetter(_ s: Unicode.Scalar) -> Bool {
      s.isASCII ? (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A : s.properties.isAlphabetic
    }
    while i < scalars.count {
      guard isLetter(scalars[i]) else {
        if !(scalars[i] == " " || scalars[i] == "," || scalars[i] == "!" || scalars[i] == "'") && runStart >= 0 { closeRun() }
        i += 1
        continue
      }
      let start = i
      var upper = 0, letters = 0
      while i < scalars.count && isLetter(scalars[i]) {
        letters += 1
        let v = scalars[i].value
        if (v >= 0x41 && v <= 0x5A) || (!scalars[i].isASCII && scalars[i].properties.isUppercase) { upper += 1 }
        i += 1
      }
      // Looked up only for a word in capitals.
      func isAllowed() -> Bool {
        allowList.map { lists in lists.contains { list in hits.hits(in: list).contains { $0.start == start && $0.end == i } } } ?? false
      }
      if letters >= 3 && upper == letters && !isAllowed() {
        if runStart < 0 { runStart = start }
        runEnd = i
        runWords += 1
      } else if runStart >= 0 {
        closeRun()
      }
    }
    if runStart >= 0 { closeRun() }
    return runs.filter { !analysis.isQuoted($0) }
  }

  /// `ABC (meaning)` or `meaning (ABC)`: an upper-case abbreviation next to a bracketed text.
  func explainedAbbreviations() -> [Range<Int>] {
    // Quick exit: no bracket (over the bytes in place; UTF8View.contains goes byte by byte through the view).
    let utf8 = analysis.text.nfc.utf8
    let paren = UInt8(ascii: "(")
    guard utf8.withContiguousStorageIfAvailable({ $0.contains(paren) }) ?? utf8.contains(paren) else { return [] }
    let s = Array(analysis.text.nfc.unicodeScalars.map(\.value))
    func isUpper(_ v: UInt32) -> Bool { (v >= 0x41 && v <= 0x5A) }
    func isUpperOrDigit(_ v: UInt32) -> Bool { isUpper(v) || (v >= 0x30 && v <= 0x39) }
    var out: [Range<Int>] = []
    var i = 0
    while i < s.count {
      guard s[i] == 0x28, let close = s[(i + 1)...].firstIndex(of: 0x29) else { i += 1; continue }
      let inside = s[(i + 1)..<close]
      // "(ABC)" after its meaning.
      if inside.count >= 2, let first = inside.first, isUpper(first), inside.allSatisfy(isUpperOrDigit) {
        out.append(i..<(close + 1))
      } else if inside.count >= 4, let first = inside.first, !isUpper(first) || (inside.count > 1 && !isUpperOrDigit(inside[inside.startIndex + 1])) {
        // "ABC (meaning)": an abbreviation right before the bracket.
        var b = i
        while b > 0 && s[b - 1] == 0x20 { b -= 1 }
        var a = b
        while a > 0 && isUpperOrDigit(s[a - 1]) { a -= 1 }
        if b - a >= 2, isUpper(s[a]), a == 0 || !PhraseMatcher.isWordScalar(NormalizedText.foldScalar(s[a - 1])) {
          out.append(a..<(close + 1))
        }
      }
      i = close + 1
    }
    return out.filter { !analysis.isQuoted($0) }
  }

  /// The whole reply, when every sentence is one of the set's stock lines.
  func onlyStockSentences(_ lists: [Int32]) -> Range<Int>? {
    var first: Int?, last = 0
    for sentence in analysis.sentences where !analysis.isQuoted(sentence.range) {
      // Sentences with no words (an emoji line) add no content.
      guard view[sentence.range].contains(where: PhraseMatcher.isWordScalar) else { continue }
      var end = sentence.range.upperBound
      while end > sentence.range.lowerBound && isTrailingPunctuation(view[end - 1]) { end -= 1 }
      var start = sentence.range.lowerBound
      while start < end && (Chars_isBreak(view[start]) || isTrailingPunctuation(view[start])) { start += 1 }
      let covered = lists.contains { list in hits.hits(in: list).contains { $0.start <= start && $0.end >= end } }
      if !covered { return nil }
      if first == nil { first = sentence.range.lowerBound }
      last = sentence.range.upperBound
    }
    return first.map { $0..<last }
  }

  func repeatedSentences() -> [Range<Int>] {
    let sentences = analysis.sentences
    var out: [Range<Int>] = []
    // Each sentence's text without trailing punctuation, or an empty range when it is quoted or
    // too short to count (in a temporary buffer: no slice per sentence is kept).
    withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: sentences.count) { texts in
      for k in sentences.indices {
        let sentence = sentences[k].range
        var end = sentence.upperBound
        while end > sentence.lowerBound && isTrailingPunctuation(view[end - 1]) { end -= 1 }
        let counts = !analysis.isQuoted(sentence) && end - sentence.lowerBound >= 4
        texts.initializeElement(at: k, to: counts ? sentence.lowerBound..<end : 0..<0)
      }
      // A sentence is repeated when an earlier counted sentence has the same text.
      for k in sentences.indices where !texts[k].isEmpty {
        let current = view[texts[k]]
        for j in 0..<k where texts[j].count == current.count && view[texts[j]].elementsEqual(current) {
          out.append(sentences[k].range)
          break
        }
      }
      _ = texts.deinitialize()
    }
    return out
  }

  // MARK: - The customer's name

  /// Where the reply addresses the customer by name (context `customerName`).
  static func nameSpans(in analysis: TextAnalysis, name: String?) -> [Range<Int>] {
    guard let name, name.hasNonSpace else { return [] }
    return NameFinder(view: analysis.text.view, language: analysis.language).spans(of: name).filter { !analysis.isQuoted($0) }
  }

  /// Someone else's name where the reply addresses the customer. An English name must be
  /// capitalised as written ('Hi Sarah,', not 'Thanks so much!'); the view is case-folded, so the
  /// first letter is read from the text as given.
  func otherNameSpans() -> [Range<Int>] {
    guard let name = customerName, name.hasNonSpace, nameSpans.isEmpty else { return [] }
    let found = NameFinder(view: view, language: analysis.language).otherNames(than: name).filter { !analysis.isQuoted($0) }
    guard analysis.language != .ko, !found.isEmpty else { return found }
    let scalars = Array(analysis.text.original.unicodeScalars)
    return found.filter { span in
      let first = analysis.text.originalRange(span).lowerBound
      return first < scalars.count && scalars[first].properties.isUppercase
    }
  }

  // MARK: - Restating the customer's words

  /// The whole reply, when it is short and says nothing the customer did not already say: every
  /// content word of it is one of the customer's ("It says delivered." to "It says delivered but
  /// it's not here"). A reply with no content word at all is left to the stock-reply rules.
  func onlyEchoesCustomer(maximumWords: Int) -> Range<Int>? {
    guard let customerView else { return nil }
    // From the first to the last sentence with words in it (an emoji line is not what it says).
    let hasWords = { (s: Sentence) in s.range.contains { PhraseMatcher.isWordScalar(view[$0]) } }
    guard let first = analysis.sentences.first(where: hasWords), let last = analysis.sentences.last(where: hasWords) else { return nil }
    let whole = first.range.lowerBound..<last.range.upperBound
    guard EvaluationRun.wordCount(whole, in: view) <= maximumWords else { return nil }
    let replyWords = ContentWords.of(view, language: analysis.language)
    guard !replyWords.isEmpty else { return nil }
    let customerWords = Set(ContentWords.of(customerView, language: analysis.language))
    return replyWords.allSatisfy(customerWords.contains) ? whole : nil
  }

  /// The first place the reply reuses a content word of the customer's message, when at least
  /// `minimum` distinct ones are reused.
  func echoedCustomerWords(minimum: Int) -> Range<Int>? {
    guard let customerView else { return nil }
    let words = ContentWords.of(customerView, language: analysis.language)
    // Sentences that blame, dismiss or talk down to the customer (an empathy, apology,
    // ownership or tone issue of warning or worse): repeating the customer's words there
    // ("you probably clicked twice") is not personalisation.
    var hostile: [Range<Int>] = []
    for i in findings.indices where findings[i].kind == .issue && findings[i].severity <= .warning && findings[i].end > findings[i].start {
      switch findings[i].category {
      case .empathy, .apology, .ownership, .tone: hostile.append(findings[i].start..<findings[i].end)
      default: break
      }
    }
    var found: [Range<Int>] = []
    for word in words {
      guard let range = ContentWords.find(word, in: view), !analysis.isQuoted(range) else { continue }
      if !hostile.isEmpty, let sentence = analysis.sentences.first(where: { $0.range.contains(range.lowerBound) }) {
        let original = analysis.text.originalRange(sentence.range)
        if hostile.contains(where: { $0.overlaps(original) }) { continue }
      }
      found.append(range)
    }
    guard found.count >= minimum else { return nil }
    return found.min { $0.lowerBound < $1.lowerBound }
  }
}
