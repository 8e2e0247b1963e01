/// Finds words that are someone else's even without quotation marks: Korean reported speech
/// (`환불이 안 된다고 하셨는데`), English `you said …`, e-mail quotes (`> …`, `On … wrote:`)
/// and pasted policy clauses (`제3조 …`).
struct QuoteFinder {
  let v: [UInt32]
  let language: Language

  static let koQuotativeEndings = SuffixList("다고 라고 냐고 자고 다는 라는 냐는 달라고 다며 라며 다면서 라면서 나고 는지")
  static let koSayVerbs = S.list("하셨 하신 하시 하셔 말씀하 말씀을 말씀이 말씀 적어 적으 문의 물어 물으 들으 요청 얘기 이야기 쓰셨 쓰신 남기 남겨 주셨 하였 하던 하며 해 말하")
  /// Words that end the agent's own framing before reported content (`제가 이해한 바로는 …`).
  static let koFramingEndings = SuffixList("바로는 기로는 보니 보니까 니까 는데 지만 컨대 건대 자면")
  static let enSay: [[[UInt32]]] = [
    "you said", "you wrote", "you mentioned", "you told us", "you told me", "you asked", "you stated", "you noted",
    "you say", "you write", "you've said", "you've written", "your message said", "your message says",
    "your email said", "your email says", "you're saying", "you are saying", "you were told",
  ].map { $0.split(separator: " ").map { $0.unicodeScalars.map(\.value) } }

  func addReportedSpeech(sentences: [Range<Int>], into quoted: inout [Range<Int>]) {
    // One word buffer for every sentence (refilled, keeping its capacity).
    var words: [Range<Int>] = []
    for (index, sentence) in sentences.enumerated() {
      let first = v[sentence.lowerBound]
      if first == 0x3E {  // "> quoted e-mail line"
        quoted.append(sentence)
        continue
      }
      if isPolicyClause(sentence) {
        quoted.append(sentence)
        continue
      }
      switch language {
      case .ko:
        guard mayReportSpeech(sentence) else { continue }
        Words.fill(&words, v, in: sentence)
        koreanReported(words, sentence: sentence, into: &quoted)
      case .en:
        guard mentionsYouOrOn(sentence) else { continue }
        Words.fill(&words, v, in: sentence)
        if englishReplyHeader(words) {
          if index + 1 < sentences.count { quoted.append(sentences[index + 1].lowerBound..<v.count) }
          return
        }
        englishReported(words, sentence: sentence, into: &quoted)
      }
    }
  }

  /// Quick filter: a Korean quotative ending (…고, …는, …며) somewhere before a space.
  func mayReportSpeech(_ r: Range<Int>) -> Bool {
    var i = r.lowerBound + 1
    while i < r.upperBound {
      if v[i] == Chars.space, QuoteFinder.isQuotativeLastSyllable(v[i - 1]) { return true }
      i += 1
    }
    return false
  }

  /// Quick filter: the English sentence has "you" or starts with "on" (reply headers).
  func mentionsYouOrOn(_ r: Range<Int>) -> Bool {
    if r.count >= 3, v[r.lowerBound] == 0x6F, v[r.lowerBound + 1] == 0x6E { return true }
    var i = r.lowerBound
    while i + 2 < r.upperBound {
      if v[i] == 0x79 && v[i + 1] == 0x6F && v[i + 2] == 0x75 { return true }
      i += 1
    }
    return false
  }

  static let je: UInt32 = 0xC81C /* 제 */, jo: UInt32 = 0xC870 /* 조 */
  static let malsseumDeu = S.w("말씀드"), deu = S.w("드"), butSpace = S.w("but "), on = S.w("on"), wrote = S.w("wrote:")

  /// 고, 는, 며 or 서: the last syllables of the quotative endings (a switch: no hashing per scalar).
  @inline(__always) static func isQuotativeLastSyllable(_ c: UInt32) -> Bool {
    switch c {
    case 0xACE0, 0xB294, 0xBA70, 0xC11C: return true
    default: return false
    }
  }

  /// `제3조 …`, `약관 제5조` at the start of a sentence.
  func isPolicyClause(_ r: Range<Int>) -> Bool {
    var i = r.lowerBound
    if v[i] != QuoteFinder.je { return false }
    i += 1
    var digits = 0
    while i < r.upperBound && Chars.isDigit(v[i]) { i += 1; digits += 1 }
    return digits > 0 && i < r.upperBound && v[i] == QuoteFinder.jo
  }

  func koreanReported(_ words: [Range<Int>], sentence: Range<Int>, into quoted: inout [Range<Int>]) {
    var clauseStart = sentence.lowerBound
    for (k, word) in words.enumerated() {
      var end = word.upperBound
      while end > word.lowerBound && Chars.isTrailingJunk(v[end - 1]) { end -= 1 }
      let text = v[word.lowerBound..<end]
      if v[word.upperBound - 1] == Chars.comma || QuoteFinder.koFramingEndings.matches(text) {
        clauseStart = word.upperBound
      }
      guard k + 1 < words.count, QuoteFinder.koQuotativeEndings.matches(text) else { continue }
      let next = v[words[k + 1]]
      guard QuoteFinder.koSayVerbs.contains(where: { next.starts(with: $0) }),
        !next.starts(with: QuoteFinder.malsseumDeu), !next.starts(with: QuoteFinder.deu)
      else { continue }
      if word.lowerBound > sentence.lowerBound, v[word.lowerBound - 1] == Chars.quote { continue }
      quoted.append(clauseStart..<word.upperBound)
      clauseStart = word.upperBound
    }
  }

  func englishReported(_ words: [Range<Int>], sentence: Range<Int>, into quoted: inout [Range<Int>]) {
    var k = 0
    while k < words.count {
      // Every reporting phrase starts with "you…" or "your"; skip other words at once. A word
      // opening with a word character other than `y` keeps it when bared: no need to bare it.
      let opening = v[words[k].lowerBound]
      if opening != 0x79 && Chars.isWordChar(opening) {
        k += 1
        continue
      }
      let first = Words.bare(v, words[k])
      guard first.count >= 3, first[first.startIndex] == 0x79, first[first.startIndex + 1] == 0x6F, first[first.startIndex + 2] == 0x75 else {
        k += 1
        continue
      }
      var matched = 0
      // The first word is already bared: compared first, and only then the rest of the phrase.
      for phrase in QuoteFinder.enSay where k + phrase.count <= words.count && first.elementsEqual(phrase[0]) {
        if (1..<phrase.count).allSatisfy({ Words.bare(v, words[k + $0]).elementsEqual(phrase[$0]) }) {
          matched = phrase.count
          break
        }
      }
      guard matched > 0 else { k += 1; continue }
      let lastSayWord = words[k + matched - 1]
      // "As you said, …" reports nothing; a quote mark after the verb is handled as a quotation.
      if v[lastSayWord.upperBound - 1] == Chars.comma { k += matched; continue }
      var start = lastSayWord.upperBound
      while start < sentence.upperBound && (Chars.isSpace(v[start]) || v[start] == 0x3A) { start += 1 }
      if start < sentence.upperBound && v[start] == Chars.quote { k += matched; continue }
      var end = start
      while end < sentence.upperBound && v[end] != Chars.comma && v[end] != 0x3B && !Chars.isTerminal(v[end]) {
        if v[end] == Chars.space, end + 4 < sentence.upperBound, v[(end + 1)..<(end + 5)].elementsEqual(QuoteFinder.butSpace) {
          break
        }
        end += 1
      }
      if end > start { quoted.append(start..<end) }
      k += matched
    }
  }

  /// `On Mon, 3 May 2024, Jane <jane@x.com> wrote:` — what follows is the earlier message.
  func englishReplyHeader(_ words: [Range<Int>]) -> Bool {
    guard let first = words.first, let last = words.last, words.count >= 3 else { return false }
    return Words.bare(v, first).elementsEqual(QuoteFinder.on) && v[last].starts(with: QuoteFinder.wrote)
  }
}

/// Whitespace-separated words of a view range.
enum Words {
  static func of(_ v: [UInt32], in r: Range<Int>) -> [Range<Int>] {
    var words: [Range<Int>] = []
    fill(&words, v, in: r)
    return words
  }

  /// Replaces the contents of `words` with the words of `v[r]` (what `of(v, in: r)` gives),
  /// reusing its storage.
  static func fill(_ words: inout [Range<Int>], _ v: [UInt32], in r: Range<Int>) {
    words.removeAll(keepingCapacity: true)
    // Most sentences have fewer words: one allocation for the buffer's whole life.
    words.reserveCapacity(16)
    var i = r.lowerBound
    while i < r.upperBound {
      while i < r.upperBound && Chars.isBreak(v[i]) { i += 1 }
      let start = i
      while i < r.upperBound && !Chars.isBreak(v[i]) { i += 1 }
      if i > start { words.append(start..<i) }
    }
  }

  /// The last word of `v[lower..<end]` (what `of(v, in: lower..<end).last` gives, without an array).
  static func last(_ v: [UInt32], before end: Int, from lower: Int) -> Range<Int>? {
    var b = end
    while b > lower && Chars.isBreak(v[b - 1]) { b -= 1 }
    guard b > lower else { return nil }
    var a = b
    while a > lower && !Chars.isBreak(v[a - 1]) { a -= 1 }
    return a..<b
  }

  /// The first word of `v[start..<upper]` (what `of(v, in: start..<upper).first` gives).
  static func first(_ v: [UInt32], from start: Int, to upper: Int) -> Range<Int>? {
    var a = start
    while a < upper && Chars.isBreak(v[a]) { a += 1 }
    guard a < upper else { return nil }
    var b = a
    while b < upper && !Chars.isBreak(v[b]) { b += 1 }
    return a..<b
  }

  /// A word without surrounding punctuation.
  static func bare(_ v: [UInt32], _ r: Range<Int>) -> ArraySlice<UInt32> {
    var a = r.lowerBound, b = r.upperBound
    while a < b && !Chars.isWordChar(v[a]) && v[a] != Chars.apostrophe { a += 1 }
    while b > a && !Chars.isWordChar(v[b - 1]) { b -= 1 }
    return v[a..<b]
  }
}

/// Endings tested as word suffixes, with a quick look at the word's last scalar first (most
/// words end in a syllable no ending of the list ends in).
struct SuffixList: Sendable {
  let entries: [[UInt32]]
  private let lastScalars: [UInt32]

  init(_ spaceSeparated: String) {
    entries = S.list(spaceSeparated)
    var lasts: [UInt32] = []
    for entry in entries { if let last = entry.last, !lasts.contains(last) { lasts.append(last) } }
    lastScalars = lasts
  }

  func matches(_ word: ArraySlice<UInt32>) -> Bool {
    guard let last = word.last, lastScalars.contains(last) else { return false }
    return entries.contains { word.hasSuffix($0) }
  }
}
