/// Decides the speech level of one Korean sentence (language notes §2.2).
///
/// 1. A sentence inside quotes or reported speech is `.quoted`.
/// 2. Trailing punctuation, emoticons (`^^`, `ㅎㅎ`), emoji and jamo are stripped.
/// 3. A trailing vocative (`…, 김민수 고객님`) or sign-off (`상담사 이지은 드림`) is set aside.
/// 4. The last word's ending decides; when the sentence ends in a noun (scrambled chat order,
///    `…좋겠어요 색이 들어간 것은`) an ending earlier in the sentence is used instead, as weak
///    evidence for 반말.
struct KoreanSentenceClassifier {
  let v: [UInt32]
  let quoted: [Range<Int>]

  static let nim: UInt32 = 0xB2D8 /* 님 */, dream = S.w("드림"), olim = S.w("올림")
  static let addressNouns = S.list("님 고객님 회원님 손님 선생님 사장님 여러분")
  /// Bare 반말 closers after a clause: "늦어서 미안.", "그럼 안녕." (alone they are interjections).
  static let informalClosers = S.list("미안 미안미안 땡큐 안녕 쏘리")
  static let informalPronouns = S.list("나 나는 내가 나도 나한테 나랑 너 너는 네가 니가 너도 너한테 너랑 너희")
  static let slangOnly = S.list("ㅇㅇ ㅇㅋ ㄱㅅ ㅈㅅ")

  func isInsideQuote(_ r: Range<Int>) -> Bool {
    quoted.contains { $0.lowerBound <= r.lowerBound && r.upperBound <= $0.upperBound }
  }

  func classify(_ sentence: Range<Int>) -> (SentenceLevel, Range<Int>?) {
    if isInsideQuote(sentence) { return (.quoted, nil) }
    var words: [Range<Int>] = []
    words.reserveCapacity(sentence.count / 3 + 1)
    var from = sentence.lowerBound
    while let word = Words.first(v, from: from, to: sentence.upperBound) {
      let bare = stripped(word)
      if !bare.isEmpty { words.append(bare) }
      from = word.upperBound
    }
    if words.isEmpty {
      let compact = v[sentence].filter { !Chars.isSpace($0) }
      if KoreanSentenceClassifier.slangOnly.contains(where: { compact.elementsEqual($0) }) { return (.informal, sentence) }
      return (.fragment, nil)
    }
    // Sign-offs and vocatives after the predicate.
    if let last = words.last {
      let word = v[last]
      if word.elementsEqual(KoreanSentenceClassifier.dream) || word.elementsEqual(KoreanSentenceClassifier.olim) {
        return (.fragment, nil)
      }
    }
    // A title glued to an ending ('확인해 드릴게요회원님') is not a vocative of its own: the word is the predicate.
    if words.count >= 2, let last = words.last, v[last].last == KoreanSentenceClassifier.nim,
      KoreanEndings.classify(v[last], final: true) == .fragment
    {
      let isBareTitle = KoreanSentenceClassifier.addressNouns.contains { v[last].elementsEqual($0) }
      words.removeLast()
      if isBareTitle, let name = words.last, isNameLike(name) || mayBeName(name, before: v[last].count == 1) {
        // Only a vocative ("…감사합니다, 라지 님." split after the comma): no level of its own.
        if words.count == 1 { return (.fragment, nil) }
        words.removeLast()
      }
    }
    guard let last = words.last else { return (.fragment, nil) }
    if isInsideQuote(last) { return (.quoted, nil) }
    if words.count == 1, let level = KoreanEndings.interjectionLevel(v[last]) { return (level, last) }
    let level = KoreanEndings.classify(v[last], final: true)
    if level != .fragment { return (level, last) }
    if KoreanSentenceClassifier.informalClosers.contains(where: { v[last].elementsEqual($0) }) { return (.informal, last) }
    // Scrambled order: the predicate came earlier in the sentence. 반말 pronouns (나, 내가, 너)
    // also give a predicate-less sentence away.
    for word in words.reversed() where !isInsideQuote(word) {
      if KoreanSentenceClassifier.informalPronouns.contains(where: { v[word].elementsEqual($0) }) {
        return (.weakInformal, word)
      }
      if word == last { continue }
      let earlier = KoreanEndings.classify(v[word], final: false)
      if earlier.isHonorific { return (earlier, word) }
      if earlier == .informal || earlier == .weakInformal { return (.weakInformal, word) }
    }
    return (.fragment, nil)
  }

  /// The word without trailing punctuation, emoticons, jamo and emoji.
  func stripped(_ r: Range<Int>) -> Range<Int> {
    var b = r.upperBound
    while b > r.lowerBound && Chars.isTrailingJunk(v[b - 1]) { b -= 1 }
    return r.lowerBound..<b
  }

  /// A name whose last syllable looks like an ending (민지, 유나, 영자, 수아: -지, -나, -자 are 반말
  /// endings too). Before a bare `님` any short Hangul word is a name — no predicate takes `님`;
  /// before 고객님 and the like, two or three syllables without a tense marker (`알았지 고객님` is
  /// 반말 with a vocative, `수지 고객님` is a name).
  func mayBeName(_ r: Range<Int>, before nim: Bool) -> Bool {
    guard r.count >= 1 && r.count <= 4 && v[r].allSatisfy(Hangul.isSyllable) else { return false }
    if nim { return true }
    return r.count >= 2 && r.count <= 3 && !v[r].contains { Hangul.tail($0) == Hangul.Tail.ssangSiot }
  }

  /// Two to four Hangul syllables with no ending of their own: a name before 고객님/님.
  func isNameLike(_ r: Range<Int>) -> Bool {
    r.count >= 1 && r.count <= 4 && v[r].allSatisfy(Hangul.isSyllable)
      && KoreanEndings.classify(v[r], final: true) == .fragment
  }
}
