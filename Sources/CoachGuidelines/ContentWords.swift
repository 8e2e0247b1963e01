import CoachText

/// Content words of a customer's message, to see whether a reply restates their problem.
///
/// English: words of 4+ letters that are not function words, compared on their first five
/// letters (deliver-y/-ed). Korean: the first two syllables of each 어절 of 2+ syllables (the
/// noun before its particle: 배송이 → 배송), minus filler and question words.
enum ContentWords {
  static let englishStopwordKeys: Set<[UInt32]> = Set(englishStopwords.map { Array($0.unicodeScalars.map(\.value)) })
  static let koreanStopwordKeys: Set<[UInt32]> = Set(koreanStopwords.map { Array($0.unicodeScalars.map(\.value)) })

  static let englishStopwords: Set<String> = [
    "this", "that", "with", "have", "from", "they", "them", "what", "when", "your", "just", "been", "were", "will",
    "would", "there", "their", "about", "which", "because", "really", "please", "thanks", "thank", "still", "again",
    "hello", "dear", "also", "then", "than", "very", "into", "some", "only", "even", "want", "need", "know", "does",
    "dont", "can't", "didn't", "don't", "it's", "i'm", "i've", "where", "while", "here", "over", "more", "could",
    "should", "make", "like", "time", "said", "today", "going", "being", "every", "other", "these", "those", "such",
    "how", "why", "you", "yours", "mine", "ours", "okay", "yeah", "sure", "help", "tell", "told", "ever", "never",
    "nothing", "anything", "something", "someone", "anyone", "already", "since", "after", "before", "until",
  ]
  static let koreanStopwords: Set<String> = [
    "고객", "그리", "그런", "그래", "근데", "정말", "너무", "진짜", "지금", "어떻", "이거", "저는", "제가", "언제", "아니",
    "벌써", "계속", "도대체", "이번", "오늘", "어제", "내일", "그냥", "혹시", "다시", "아직", "이렇", "저렇", "여기",
    "거기", "뭐가", "무슨", "했는", "하는", "있는", "없는", "되는", "같은", "이게", "그게", "저희", "안녕", "감사",
    "죄송", "수고", "부탁", "문의", "몇번", "번째", "왜이", "어디", "얼마", "했어", "해요", "합니", "입니", "있어",
    "없어", "그리고", "하지", "이미", "빨리", "제발", "좀더", "많이", "조금",
  ]

  static func of(_ view: [UInt32], language: Language) -> [[UInt32]] {
    var out: [[UInt32]] = []
    var seen = Set<[UInt32]>()
    var i = 0
    while i < view.count {
      while i < view.count && !PhraseMatcher.isWordScalar(view[i]) { i += 1 }
      let start = i
      while i < view.count && (PhraseMatcher.isWordScalar(view[i]) || view[i] == 0x27) { i += 1 }
      guard i > start else { continue }
      let word = Array(view[start..<i])
      var key: [UInt32]
      if Hangul.isSyllable(word[0]) {
        let syllables = word.prefix { Hangul.isSyllable($0) }
        guard syllables.count >= 2 else { continue }
        key = Array(syllables.prefix(2))
        if koreanStopwordKeys.contains(key) { continue }
      } else {
        guard word.count >= 4, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 == 0x27 }) else { continue }
        if englishStopwordKeys.contains(word) { continue }
        key = Array(word.prefix(5))
      }
      if seen.insert(key).inserted { out.append(key) }
    }
    _ = language
    return out
  }

  /// The first occurrence of a content word (as a word start) in the reply view.
  static func find(_ key: [UInt32], in view: [UInt32], language: Language) -> Range<Int>? {
    guard key.count <= view.count else { return nil }
    var i = 0
    while i + key.count <= view.count {
      if view[i] == key[0], view[i..<(i + key.count)].elementsEqual(key), i == 0 || !PhraseMatcher.isWordScalar(view[i - 1]) {
        var end = i + key.count
        while end < view.count && PhraseMatcher.isWordScalar(view[end]) { end += 1 }
        return i..<end
      }
      i += 1
    }
    return nil
  }

  static func string(_ scalars: [UInt32]) -> String {
    var s = String.UnicodeScalarView()
    for v in scalars { if let u = Unicode.Scalar(v) { s.append(u) } }
    return String(s)
  }
}
