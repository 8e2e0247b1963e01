/// Splits a normalised text into sentences and finds the spans inside quotation marks.
///
/// Boundaries: newlines; runs of `. ? ! …` (with closing brackets and emoticons after them);
/// and, in Korean, a sentence-final ending followed by a new word when the writer left out the
/// punctuation. Dots inside numbers, dates (`2024. 3. 5.`), abbreviations, URLs and file
/// names do not split; nothing inside quotation marks splits.
struct SentenceSplitter {
  let v: [UInt32]
  let language: Language

  static let abbreviations: [[UInt32]] = ["mr", "mrs", "ms", "dr", "no", "vol", "p", "pp", "e.g", "i.e", "vs", "st",
    "jr", "sr", "inc", "ltd", "co", "approx", "dept", "est", "fig", "a.m", "p.m", "u.s", "cf", "ref", "tel", "ext"]
    .map { $0.unicodeScalars.map(\.value) }

  func split() -> (sentences: [Range<Int>], quoted: [Range<Int>]) {
    var sentences: [Range<Int>] = []
    // A reply has a few sentences: one allocation rather than growing 1, 2, 4, 8.
    sentences.reserveCapacity(min(v.count / 16 + 4, 64))
    var quoted: [Range<Int>] = []
    let n = v.count
    var start = 0
    var wordStart = 0
    var doubleQuoteOpen: Int?
    var singleQuoteOpen: Int?
    var cjkQuoteStack: [Int] = []
    // Set when a sentence end was not split because a title followed it ("죄송합니다 고객님 근데 …"):
    // the split then falls after the title.
    var titleEndsSentence = false

    func flush(_ end: Int) {
      var a = start, b = min(end, n)
      while a < b && Chars.isBreak(v[a]) || (a < b && v[a] == NormalizedText.ignorable) { a += 1 }
      while b > a && (Chars.isBreak(v[b - 1]) || v[b - 1] == NormalizedText.ignorable) { b -= 1 }
      a = skipListMarker(a, b)
      if a < b { sentences.append(a..<b) }
    }

    var i = 0
    while i < n {
      let c = v[i]
      // Letters, digits and Hangul syllables (most of a reply) neither end nor quote anything.
      if (c >= 0x61 && c <= 0x7A) || c == Chars.zero || (c >= 0xAC00 && c <= 0xD7A3) {
        i += 1
        continue
      }
      if c == Chars.newline {
        titleEndsSentence = false
        flush(i)
        start = i + 1
        wordStart = i + 1
        doubleQuoteOpen = nil
        singleQuoteOpen = nil
        cjkQuoteStack.removeAll()
        i += 1
        continue
      }
      if c == Chars.quote {
        if let open = doubleQuoteOpen { quoted.append(open..<(i + 1)); doubleQuoteOpen = nil } else { doubleQuoteOpen = i }
        i += 1
        continue
      }
      if c == Chars.apostrophe && language == .ko {
        if let open = singleQuoteOpen {
          quoted.append(open..<(i + 1))
          singleQuoteOpen = nil
        } else if i == 0 || !Chars.isWordChar(v[i - 1]) {
          singleQuoteOpen = i
        }
        i += 1
        continue
      }
      if Chars.isOpeningCJKQuote(c) { cjkQuoteStack.append(i); i += 1; continue }
      if Chars.isClosingCJKQuote(c), let open = cjkQuoteStack.popLast() {
        quoted.append(open..<(i + 1))
        i += 1
        continue
      }
      if doubleQuoteOpen != nil || singleQuoteOpen != nil || !cjkQuoteStack.isEmpty {
        i += 1
        continue
      }
      if Chars.isTerminal(c) {
        var j = i + 1
        while j < n && (Chars.isTerminal(v[j]) || Chars.isClosingBracket(v[j]) || v[j] == 0x7E) { j += 1 }
        if c == Chars.dot && j == i + 1 && !dotEndsSentence(i) {
          i += 1
          continue
        }
        let end = absorbEmoticons(after: j)
        titleEndsSentence = false
        flush(end)
        start = end
        wordStart = end
        i = end
        continue
      }
      if c == Chars.space {
        if language == .ko && i > wordStart {
          let word = strippedWord(wordStart..<i)
          let afterTitle = titleEndsSentence
          titleEndsSentence = false
          if !word.isEmpty && (afterTitle || KoreanEndings.endsSentenceWithoutPunctuation(v[word])) {
            let splitAt = absorbEmoticons(after: i)
            let next = nextWord(from: splitAt)
            if let next, !KoreanEndings.continuesPrevious(v[next]), afterTitle || !isPastThenVerb(word, next) {
              if !afterTitle && isTitle(next) {
                titleEndsSentence = true
              } else {
                flush(splitAt)
                start = splitAt
                wordStart = splitAt
                i = splitAt
                continue
              }
            }
          }
        }
        wordStart = i + 1
      }
      i += 1
    }
    flush(n)
    quoted.sort { $0.lowerBound < $1.lowerBound }
    return (sentences, quoted)
  }

  /// `-았다/-었다` before another verb is `-았다가` ("and then"), not a sentence end: "전원을 껐다
  /// 켜 보세요", "유심을 뺐다 다시 끼워 주세요", "앱을 지웠다 재설치해 보세요". The next word is 다시,
  /// an honorific predicate, a verb's -아/-어 form (켜, 와, 해, 끼워), or the quotative 보다
  /// ("취소됐다 보시면 됩니다").
  func isPastThenVerb(_ word: Range<Int>, _ next: Range<Int>) -> Bool {
    guard word.count >= 2, v[word.upperBound - 1] == S.da,
      Hangul.tail(v[word.upperBound - 2]) == Hangul.Tail.ssangSiot
    else { return false }
    let following = strippedWord(next)
    guard !following.isEmpty, following.count <= 8, let last = v[following].last, Hangul.isSyllable(last) else { return false }
    if v[following].elementsEqual(SentenceSplitter.dasi) { return true }
    // The quotative '-다 (고) 보다': "취소됐다 보시면 됩니다".
    if SentenceSplitter.quotativeBo.contains(where: { v[following].starts(with: $0) }) { return true }
    if KoreanEndings.classify(v[following], final: true).isHonorific { return true }
    return Hangul.tail(last) == Hangul.Tail.none && SentenceSplitter.infinitiveVowels.contains(Hangul.vowel(last))
      && next.upperBound < v.count && v[next.upperBound] == Chars.space
  }

  static let dasi = S.w("다시"), quotativeBo = S.list("보시 보셔 보면 보셨")
  /// The last vowel of a verb's -아/-어 form: 가, 켜, 꺼, 해, 와, 끼워.
  static let infinitiveVowels = [Hangul.Vowel.a, Hangul.Vowel.eo, Hangul.Vowel.yeo, Hangul.Vowel.ae, Hangul.Vowel.wa, Hangul.Vowel.wo]

  /// Skips a list marker at the start of a line: `1.`, `1)`, `가.`, `①`, `-`, `•`, `*`.
  func skipListMarker(_ a: Int, _ b: Int) -> Int {
    guard a < b, isLineStart(a) else { return a }
    var i = a
    let c = v[i]
    if (c >= 0x2460 && c <= 0x2473) || c == 0x2022 || c == 0x2D || c == 0x2A || c == 0x00B7 || c == 0x25AA || c == 0x25B6 {
      i += 1
    } else if Chars.isDigit(c) {
      while i < b && Chars.isDigit(v[i]) { i += 1 }
      guard i - a <= 2, i < b, v[i] == Chars.dot || v[i] == 0x29, i + 1 < b, Chars.isSpace(v[i + 1]) else { return a }
      i += 1
    } else if Hangul.isSyllable(c), i + 2 < b, v[i + 1] == Chars.dot || v[i + 1] == 0x29, Chars.isSpace(v[i + 2]) {
      i += 2
    } else {
      return a
    }
    while i < b && Chars.isSpace(v[i]) { i += 1 }
    return i < b ? i : a
  }

  /// True at the start of the text or of a line (leading spaces allowed).
  func isLineStart(_ a: Int) -> Bool {
    var p = a
    while p > 0 && Chars.isSpace(v[p - 1]) { p -= 1 }
    return p == 0 || v[p - 1] == Chars.newline
  }

  /// Whether a single `.` ends a sentence (not a decimal, date, list marker, abbreviation, URL
  /// or initial).
  func dotEndsSentence(_ i: Int) -> Bool {
    let n = v.count
    guard i + 1 < n else { return true }
    // "1. " or "12. " at the start of a line is a list marker.
    var d = i
    while d > 0 && Chars.isDigit(v[d - 1]) { d -= 1 }
    if d < i && i - d <= 2 && isLineStart(d) && Chars.isSpace(v[i + 1]) { return false }
    let next = v[i + 1]
    let prev: UInt32? = i > 0 ? v[i - 1] : nil
    if Chars.isLatinLetter(next) || Chars.isDigit(next) { return false }
    if next == 0x28 { return prev.map { !Chars.isDigit($0) } ?? true }
    if Hangul.isSyllable(next) { return true }
    guard Chars.isSpace(next) else { return true }
    var k = i + 1
    while k < n && Chars.isSpace(v[k]) { k += 1 }
    let following: UInt32? = k < n ? v[k] : nil
    if let prev, Chars.isDigit(prev) {
      if let following, Chars.isDigit(following) || following == 0x28 { return false }
      return true
    }
    // The word before the dot.
    var w = i
    while w > 0 && (Chars.isLatinLetter(v[w - 1]) || v[w - 1] == Chars.dot) { w -= 1 }
    let word = v[w..<i]  // compared in place: no array per dot
    guard !word.isEmpty, following != Chars.newline, following != nil else { return true }
    if word.count == 1 && Chars.isLatinLetter(word[w]) && language == .en { return false }
    if SentenceSplitter.abbreviations.contains(where: { $0.count == word.count && word.elementsEqual($0) }) {
      // "No." abbreviates "number" only before a digit; elsewhere it is the word "no".
      if word.count == 2 && word[w] == 0x6E && word[w + 1] == 0x6F { return !(following.map(Chars.isDigit) ?? false) }
      return false
    }
    return true
  }

  /// Extends a boundary over following emoticon-only words (`^^`, `ㅎㅎ`, `:)`, emoji).
  func absorbEmoticons(after j: Int) -> Int {
    var end = j
    var k = j
    let n = v.count
    while k < n {
      var m = k
      while m < n && v[m] == Chars.space { m += 1 }
      var e = m
      while e < n && !Chars.isBreak(v[e]) { e += 1 }
      guard e > m, (m..<e).allSatisfy({ isEmoticonChar(v[$0]) }) else { break }
      end = e
      k = e
    }
    return end
  }

  func isEmoticonChar(_ c: UInt32) -> Bool {
    if Hangul.isCompatibilityJamo(c) || Chars.isEmoji(c) { return true }
    switch c {
    case 0x5E, 0x5F, 0x3B, 0x3A, 0x29, 0x28, 0x7E, 0x2665, 0x2661, 0x2A, 0x3D, 0x2E, 0x21, 0x3F, 0x74, 0x2D, 0x2026:
      return true
    default: return false
    }
  }

  /// A title after a name ("프리야 님", "수지 고객님", "프리야 씨"): the name's last syllable may look like an
  /// ending (-야, -지, -나), but no sentence starts with a bare title.
  func isTitle(_ next: Range<Int>) -> Bool {
    let word = strippedWord(next)
    return SentenceSplitter.titles.contains { v[word].elementsEqual($0) }
  }

  static let titles = KoreanSentenceClassifier.addressNouns + [S.w("씨")]

  /// The word range without trailing punctuation, emoticons and jamo.
  func strippedWord(_ r: Range<Int>) -> Range<Int> {
    var b = r.upperBound
    while b > r.lowerBound && Chars.isTrailingJunk(v[b - 1]) { b -= 1 }
    return r.lowerBound..<b
  }

  func nextWord(from i: Int) -> Range<Int>? {
    var a = i
    while a < v.count && Chars.isSpace(v[a]) { a += 1 }
    guard a < v.count, v[a] != Chars.newline else { return nil }
    var b = a
    while b < v.count && !Chars.isBreak(v[b]) { b += 1 }
    return a..<b
  }
}
