import CoachText

/// Content words of a customer's message, to see whether a reply restates their problem.
///
/// English: words of 4+ letters that are not function words, compared on the first five letters
/// of their stem (deliver-y/-ed, mov-e/-ing, ship/shipp-ed). Korean: the first two syllables of
/// each 어절 of 2+ syllables (the noun before its particle: 배송이 → 배송), minus filler and
/// question words.
enum ContentWords {
  /// Up to nine scalars packed into three words (21 bits each): a content word's key or a
  /// stopword, compared and hashed without an array per word.
  struct Key: Hashable {
    private var low: UInt64 = 0, middle: UInt64 = 0, high: UInt64 = 0
    private(set) var count = 0

    static let capacity = 9

    init<C: Collection>(_ scalars: C) where C.Element == UInt32 {
      for v in scalars.prefix(Key.capacity) { append(v) }
    }

    mutating func append(_ v: UInt32) {
      precondition(count < Key.capacity)
      let bits = UInt64(v) << UInt64((count % 3) * 21)
      switch count / 3 {
      case 0: low |= bits
      case 1: middle |= bits
      default: high |= bits
      }
      count += 1
    }

    /// A total order (for the sorted stopword tables; not the reading order of the words).
    static func precedes(_ a: Key, _ b: Key) -> Bool {
      (a.count, a.low, a.middle, a.high) < (b.count, b.low, b.middle, b.high)
    }

    subscript(k: Int) -> UInt32 {
      let word = k / 3 == 0 ? low : k / 3 == 1 ? middle : high
      return UInt32(truncatingIfNeeded: (word >> UInt64((k % 3) * 21)) & 0x1F_FFFF)
    }
  }

  /// The stopwords' keys, sorted by `Key.precedes` and looked up by binary search (cheaper than
  /// hashing three words per word of every message).
  static let englishStopwordKeys = SortedKeys(englishStopwords.map { Key($0.unicodeScalars.map(\.value)) })
  static let koreanStopwordKeys = SortedKeys(koreanStopwords.map { Key($0.unicodeScalars.map(\.value)) })

  struct SortedKeys: Sendable {
    private let keys: [Key]

    init(_ keys: [Key]) {
      var sorted: [Key] = []
      for key in keys.sorted(by: Key.precedes) where sorted.last != key { sorted.append(key) }
      self.keys = sorted
    }

    func contains(_ key: Key) -> Bool {
      var lo = 0, hi = keys.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if Key.precedes(keys[mid], key) { lo = mid + 1 } else { hi = mid }
      }
      return lo < keys.count && keys[lo] == key
    }
  }
  static let longestEnglishStopword = englishStopwords.map(\.unicodeScalars.count).max() ?? 0

  static let englishStopwords: Set<String> = [
    "this", "that", "with", "have", "from", "they", "them", "what", "when", "your", "just", "been", "were", "will",
    "would", "there", "their", "about", "which", "because", "really", "please", "thanks", "thank", "still", "again",
    "hello", "dear", "also", "then", "than", "very", "into", "some", "only", "even", "want", "need", "know", "does",
    "dont", "can't", "didn't", "don't", "it's", "i'm", "i've", "where", "while", "here", "over", "more", "could",
    "should", "make", "like", "time", "said", "today", "going", "being", "every", "other", "these", "those", "such",
    "how", "why", "you", "yours", "mine", "ours", "okay", "yeah", "sure", "help", "tell", "told", "ever", "never",
    "nothing", "anything", "something", "someone", "anyone", "already", "since", "after", "before", "until",
    // Verbs and fillers too common to show the reply heard this customer ("it says delivered", "part of").
    "says", "shows", "part", "went", "came", "gets", "getting", "keeps", "kept", "take", "took", "give", "gave",
    "come", "look", "looks", "made", "done", "back", "much", "many", "well", "whole", "thing", "things", "right",
    "good", "isn't", "wasn't", "doesn't", "won't", "there's", "that's", "what's",
  ]
  static let koreanStopwords: Set<String> = [
    "고객", "그리", "그런", "그래", "근데", "정말", "너무", "진짜", "지금", "어떻", "이거", "저는", "제가", "언제", "아니",
    "벌써", "계속", "도대체", "이번", "오늘", "어제", "내일", "그냥", "혹시", "다시", "아직", "이렇", "저렇", "여기",
    "거기", "뭐가", "무슨", "했는", "하는", "있는", "없는", "되는", "같은", "이게", "그게", "저희", "안녕", "감사",
    "죄송", "수고", "부탁", "문의", "몇번", "번째", "왜이", "어디", "얼마", "했어", "해요", "합니", "입니", "있어",
    "없어", "그리고", "하지", "이미", "빨리", "제발", "좀더", "많이", "조금",
    // Predicates that only carry the sentence ('떠 있네요', '나와 있습니다'): not the customer's situation.
    "있네", "있습", "있으", "없네", "없습", "됐네", "됐습", "되었", "됩니", "돼요", "같아", "같습", "보이", "보입",
    "나와", "나옵", "떠요", "뜨네", "떴네", "떠있",
  ]

  static func of(_ view: [UInt32], language: Language) -> [Key] {
    var out: [Key] = []
    // A message has a handful of content words: one allocation rather than growing 1, 2, 4, 8.
    out.reserveCapacity(16)
    var i = 0
    while i < view.count {
      while i < view.count && !PhraseMatcher.isWordScalar(view[i]) { i += 1 }
      let start = i
      while i < view.count && (PhraseMatcher.isWordScalar(view[i]) || view[i] == 0x27) { i += 1 }
      guard i > start else { continue }
      let word = view[start..<i]
      let key: Key
      if Hangul.isSyllable(word[start]) {
        guard word.count >= 2, Hangul.isSyllable(word[start + 1]) else { continue }
        key = Key(word.prefix(2))
        if koreanStopwordKeys.contains(key) { continue }
      } else {
        guard word.count >= 4, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 == 0x27 }) else { continue }
        if word.count <= longestEnglishStopword && englishStopwordKeys.contains(Key(word)) { continue }
        key = englishKey(word)
      }
      if !out.contains(key) { out.append(key) }
    }
    _ = language
    return out
  }

  /// An English word's key: the first five letters of its stem, so "moving", "moved" and "move",
  /// or "shipped" and "ship", meet. The stem drops one of -ing, -ed, -es, -s (not -ss), a
  /// consonant doubled before -ing/-ed, and a final -e, keeping at least three letters.
  /// Doubled letters that stay doubled in the stem (call-ed, pass-ing, buzz-ed) and vowels.
  static let keptDoubles: [UInt32] = "aeiouylsz".unicodeScalars.map(\.value)

  static func englishKey(_ word: ArraySlice<UInt32>) -> Key {
    let start = word.startIndex
    var end = word.endIndex
    func drop(_ suffix: StaticString) -> Bool {
      let n = suffix.utf8CodeUnitCount
      guard end - start - n >= 3 else { return false }
      let bytes = UnsafeBufferPointer(start: suffix.utf8Start, count: n)
      for k in 0..<n where word[end - n + k] != UInt32(bytes[k]) { return false }
      end -= n
      return true
    }
    let verbal = drop("ing") || drop("ed")
    if !verbal && !drop("es") && word[end - 1] == 0x73 && word[end - 2] != 0x73 && end - start - 1 >= 3 { end -= 1 }
    if verbal && end - start >= 4 && word[end - 1] == word[end - 2] && !keptDoubles.contains(word[end - 1]) {
      end -= 1
    }
    if end - start >= 4 && word[end - 1] == 0x65 { end -= 1 }
    return Key(word[start..<min(end, start + 5)])
  }

  /// The first place a content word occurs in the reply view: for Korean, a word starting with
  /// the key; for English, a word with the same key. A word is a run of word scalars and
  /// apostrophes that opens with a word scalar.
  static func find(_ key: Key, in view: [UInt32]) -> Range<Int>? {
    let n = key.count
    guard n > 0, n <= view.count else { return nil }
    let first = key[0]
    if !Hangul.isSyllable(first) {
      // Words opening with the key's first scalar, found eight scalars at a time.
      return view.withUnsafeBufferPointer { v in
        var i = -1
        while true {
          i = firstIndex(of: first, in: v, from: i + 1, to: v.count)
          guard i < v.count else { return nil }
          guard PhraseMatcher.isWordScalar(v[i]) else { continue }
          // Inside a word when a word scalar comes before it, apostrophes aside ("it's").
          var b = i - 1
          while b >= 0 && v[b] == 0x27 { b -= 1 }
          if b >= 0 && PhraseMatcher.isWordScalar(v[b]) { continue }
          var end = i + 1
          while end < v.count && (PhraseMatcher.isWordScalar(v[end]) || v[end] == 0x27) { end += 1 }
          if end - i >= n && englishKey(view[i..<end]) == key { return i..<end }
        }
      }
    }
    // Starts with room for the key, found by their first scalar eight at a time.
    let limit = view.count - n + 1
    return view.withUnsafeBufferPointer { v in
      var i = -1
      while true {
        i = firstIndex(of: first, in: v, from: i + 1, to: limit)
        guard i < limit else { return nil }
        if i == 0 || !PhraseMatcher.isWordScalar(v[i - 1]), (1..<n).allSatisfy({ v[i + $0] == key[$0] }) {
          var end = i + n
          while end < v.count && PhraseMatcher.isWordScalar(v[end]) { end += 1 }
          return i..<end
        }
      }
    }
  }
}
