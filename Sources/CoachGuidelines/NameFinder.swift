import CoachText

/// Finds where a reply addresses the customer by name (language notes §8).
///
/// Korean `김민수`: the full name; the given name with 님/씨/고객님 (`민수 님`, `민수 고객님`); the surname with
/// 고객님/회원님 (`김 고객님`); a name written with a space (`톰 베이커`, `김 민수`): either part with
/// 님/씨/고객님. English `Sarah Lee`: the full name, the first name (names that are also common
/// words — Will, Joy, Grace — only after a greeting or before a comma), or a title and surname
/// (`Ms. Lee`). The agent introducing themself (`상담사 김민수입니다`, `my name is Sarah`) is not
/// personalisation.
struct NameFinder {
  let view: [UInt32]
  let language: Language

  static let twoSyllableSurnames: Set<String> = ["남궁", "제갈", "선우", "황보", "독고", "사공", "서문", "동방", "어금", "망절"]
  static let commonWordNames: Set<String> = [
    "will", "joy", "hope", "may", "grace", "bill", "mark", "faith", "art", "rose", "sky", "summer", "june", "april",
    "august", "max", "jack", "frank", "sue", "pat", "ray", "dawn", "hunter", "chance", "rich", "ruby", "amber", "penny",
  ]
  static let greetings = ["hi", "hello", "dear", "hey", "thanks", "thank", "morning", "afternoon", "evening"]
  static let titles = ["mr", "ms", "mrs", "mx", "dr", "miss"]
  static let selfIntroduction = ["name is", "i'm", "i am", "this is", "상담사", "상담원", "저는", "이름은", "담당자"]
  static let commonWordNameKeys = commonWordNames.map(NameFinder.scalars)
  static let greetingKeys = greetings.map(NameFinder.scalars)
  static let titleKeys = titles.map(NameFinder.scalars)
  static let selfIntroductionKeys = selfIntroduction.map(NameFinder.scalars)
  static let twoSyllableSurnameKeys = twoSyllableSurnames.map(NameFinder.scalars)
  static let koreanTitles = [NameFinder.scalars("고객님"), NameFinder.scalars("회원님")]
  static let ssi: [UInt32] = [0xC528]  // 씨
  static let nimSsi: [[UInt32]] = [[0xB2D8], ssi]  // 님, 씨
  /// What may follow a given name: 님, 씨, or a title (`민수 고객님`).
  static let givenNameSuffixes = nimSsi + koreanTitles

  static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

  /// The words of a name, folded as the text view is (`Sarah Lee` → `sarah`, `lee`).
  static func foldedParts(of name: String) -> [[UInt32]] {
    var folded: [UInt32] = []
    folded.reserveCapacity(name.utf8.count)
    var spaces = 0
    // ASCII and precomposed Hangul (nearly every name) are already NFC: they are decoded from the
    // UTF-8 bytes in place (walking a short string's scalars costs several times more); any
    // other scalar sends the whole name through NFC.
    var bytesOfName = name
    let decoded = bytesOfName.withUTF8 { bytes in
      var i = 0
      while i < bytes.count {
        let b0 = UInt32(bytes[i])
        let scalar: UInt32
        if b0 < 0x80 {
          scalar = b0
          i += 1
        } else if b0 >= 0xE0 && b0 < 0xF0 {
          scalar = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
          guard scalar >= 0xAC00 && scalar <= 0xD7A3 else { return false }
          i += 3
        } else {
          return false
        }
        let v = NormalizedText.foldScalar(scalar)
        if v == 0x20 { spaces += 1 }
        if v != NormalizedText.ignorable { folded.append(v) }
      }
      return true
    }
    if !decoded {
      folded.removeAll(keepingCapacity: true)
      spaces = 0
      for scalar in NormalizedText(name).nfc.unicodeScalars {
        let v = NormalizedText.foldScalar(scalar.value)
        if v == 0x20 { spaces += 1 }
        if v != NormalizedText.ignorable { folded.append(v) }
      }
    }
    // The runs between spaces (what `split(separator: 0x20)` gives), one exact-size array each.
    var parts: [[UInt32]] = []
    parts.reserveCapacity(spaces + 1)
    var start = 0
    for i in 0...folded.count where i == folded.count || folded[i] == 0x20 {
      if i > start { parts.append(Array(folded[start..<i])) }
      start = i + 1
    }
    return parts
  }

  /// The parts one after another, with `separator` (if any) between them.
  static func joined(_ parts: [[UInt32]], separator: UInt32? = nil) -> [UInt32] {
    var out: [UInt32] = []
    out.reserveCapacity(parts.reduce(0) { $0 + $1.count } + (separator == nil ? 0 : max(0, parts.count - 1)))
    for (k, part) in parts.enumerated() {
      if k > 0, let separator { out.append(separator) }
      out.append(contentsOf: part)
    }
    return out
  }

  func spans(of name: String) -> [Range<Int>] {
    let parts = NameFinder.foldedParts(of: name)
    guard let first = parts.first else { return [] }
    var found: [Range<Int>] = []
    if first.allSatisfy(Hangul.isHangul) && parts.count >= 2 {
      // Written with a space: '김 민수' (surname first) or '톰 베이커' (a foreign name, given name
      // first). Either part may be called with 님, 씨 or a title: '민수 님', '톰 님', '베이커 고객님'.
      add(occurrences(of: NameFinder.joined(parts)[...]), to: &found)
      add(occurrences(of: NameFinder.joined(parts, separator: 0x20)[...]), to: &found)
      for part in [first, parts[parts.count - 1]] {
        add(occurrences(of: part[...], followedBy: NameFinder.givenNameSuffixes), to: &found)
      }
    } else if first.allSatisfy(Hangul.isHangul) {
      // One part: the full name is that part (no joined copy).
      let full = first[...]
      add(occurrences(of: full), to: &found)
      let surnameLength = full.count >= 3 && NameFinder.twoSyllableSurnameKeys.contains { full.starts(with: $0) } ? 2 : 1
      if full.count - surnameLength >= 2 {
        add(occurrences(of: full[(full.startIndex + surnameLength)...], followedBy: NameFinder.givenNameSuffixes), to: &found)
      }
      if full.count >= 2 {
        add(occurrences(of: full[..<(full.startIndex + surnameLength)], followedBy: NameFinder.koreanTitles), to: &found)
      }
    } else {
      let full = parts.count == 1 ? first : NameFinder.joined(parts, separator: 0x20)
      add(occurrences(of: full[...]), to: &found)
      let isCommonWord = NameFinder.commonWordNameKeys.contains(first)
      for r in occurrences(of: first[...]) {
        if isCommonWord {
          let comma = r.upperBound < view.count && view[r.upperBound] == 0x2C
          if !comma && !precededByGreeting(r) { continue }
        }
        found.append(r)
      }
      if parts.count >= 2, let last = parts.last {
        for r in occurrences(of: last[...]) where precededByTitle(r) { found.append(r) }
      }
    }
    var result: [Range<Int>] = []
    for r in found.sorted(by: { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }) {
      if let previous = result.last, r.lowerBound < previous.upperBound { continue }
      if !isSelfIntroduction(r) { result.append(r) }
    }
    return result
  }

  // MARK: - Someone else's name

  /// Common Korean surnames, one flag per Hangul syllable (U+AC00…U+D7A3, looked up for every
  /// scalar of a reply): a three-syllable word starting with one and followed by 님 or a title is
  /// read as a full name (`이영희 고객님`); role words are not (`담당자님`, `구매자님`).
  static let koreanSurnames: [Bool] = {
    var flags = [Bool](repeating: false, count: 0xD7A4 - 0xAC00)
    for s in "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부"
      .unicodeScalars
    {
      flags[Int(s.value) - 0xAC00] = true
    }
    return flags
  }()

  static func isSurname(_ v: UInt32) -> Bool { v >= 0xAC00 && v <= 0xD7A3 && koreanSurnames[Int(v) - 0xAC00] }
  static let koreanRoleWords = Set(
    ["담당자", "관리자", "판매자", "구매자", "운영자", "상담사", "상담원", "매니저", "신청자", "주문자", "수령인", "예약자", "가입자", "사용자",
      "이용자", "보호자", "대표자", "책임자", "기사님", "선생님", "작성자", "당첨자", "회원님", "고객님", "여러분", "이사장", "부사장", "구청장",
      "변호사", "정비사", "조리사", "전문가", "안내원", "배달원", "배송원", "설치자", "주최자", "발송인", "수취인", "기부자", "후원자"].map(NameFinder.scalars))
  /// Words after a greeting that are not a name: 'Hi there,', 'Hello all,', 'Dear customer,'.
  static let notNamesAfterGreeting = [
    "there", "all", "everyone", "everybody", "team", "folks", "guys", "again", "customer", "friend", "friends", "sir", "madam",
    "both", "you", "and", "buddy", "hun", "honey", "sweetie", "dear", "love", "mate", "pal", "darling", "babe", "member",
    "valued", "user", "neighbor", "neighbour", "partner", "colleague", "colleagues", "support", "agent", "mr", "ms", "mrs", "dr",
  ].map(NameFinder.scalars)

  /// Where the reply calls the customer by a name that is not theirs: 'Hi Sarah,' to Minsu Kim,
  /// '이영희 고객님' to 김민수. English: one or two words after a greeting, before a comma or `!`;
  /// Korean: a three-syllable name (a common surname first) with 님, 씨, 고객님 or 회원님, called out
  /// at the start of a sentence and not followed by a particle ('박철수 씨가 방문합니다' names a
  /// third person; '고객님의 주문은 고객님' has no name).
  func otherNames(than name: String) -> [Range<Int>] {
    // Names in address position are rare: the customer's own name is folded only when one is found.
    let found = language == .ko ? koreanNamesCalledOut() : latinNamesAfterGreetings()
    guard !found.isEmpty else { return [] }
    let parts = NameFinder.foldedParts(of: name)
    let own = parts + [NameFinder.joined(parts)]
    // A candidate of two words ('Sarah Lee') is someone else's only if neither word is the customer's.
    return found.filter { span in
      !view[span].split(separator: 0x20).contains { word in own.contains { NameFinder.same(word, $0) } }
    }
  }

  private func koreanNamesCalledOut() -> [Range<Int>] {
    var out: [Range<Int>] = []
    let surnames = NameFinder.koreanSurnames  // read once, not through the lazy global per scalar
    var i = 0
    while i + 3 < view.count {
      defer { i += 1 }
      let v = view[i]
      guard v >= 0xAC00 && v <= 0xD7A3 && surnames[Int(v) - 0xAC00], startsSentence(i),
        view[i..<(i + 3)].allSatisfy(Hangul.isSyllable)
      else {
        continue
      }
      let word = view[i..<(i + 3)]
      guard !NameFinder.koreanRoleWords.contains(Array(word)) else { continue }
      var j = i + 3
      while j < view.count && view[j] == 0x20 { j += 1 }
      guard let suffix = NameFinder.givenNameSuffixes.first(where: { j + $0.count <= view.count && view[j..<(j + $0.count)].elementsEqual($0) })
      else { continue }
      let after = j + suffix.count
      if after == view.count || !Hangul.isHangul(view[after]) { out.append(i..<(i + 3)) }
    }
    return out
  }

  /// True at the start of the text, a line or a sentence ('안녕하세요, 박지훈님.').
  private func startsSentence(_ i: Int) -> Bool {
    var b = i - 1
    while b >= 0 && (view[b] == 0x20 || view[b] == NormalizedText.ignorable) { b -= 1 }
    guard b >= 0 else { return true }
    switch view[b] {
    case 0x0A, 0x2E, 0x2C, 0x21, 0x3F, 0x7E, 0x3A: return true
    default: return false
    }
  }

  /// One pass over the words: a word one or two words after a greeting that opens a sentence
  /// ('Hi Emma,', 'Thank you Emma!', 'Good morning Emma,', 'Dear Mr. Park,'), then a comma or '!'
  /// after it or after the next word. The rest of a sentence without such a greeting is skipped.
  private func latinNamesAfterGreetings() -> [Range<Int>] {
    var out: [Range<Int>] = []
    let n = view.count
    var wordsSinceGreeting = 2
    var wordsInSentence = 0
    var lastWasTitle = false
    var i = 0
    while i < n {
      let v = view[i]
      guard PhraseMatcher.isWordScalar(v) else {
        // A sentence end stops the look-back, but not the period of a title ('Mr. Park').
        if v == 0x0A || v == 0x21 || v == 0x3F || (v == 0x2E && !lastWasTitle) {
          wordsSinceGreeting = 2
          wordsInSentence = 0
        }
        i += 1
        continue
      }
      if wordsInSentence >= 2 && wordsSinceGreeting == 2 {
        // No greeting opened this sentence: on to its end.
        while i < n && !(view[i] == 0x0A || view[i] == 0x21 || view[i] == 0x3F || view[i] == 0x2E) { i += 1 }
        continue
      }
      var end = i
      while end < n && PhraseMatcher.isWordScalar(view[end]) { end += 1 }
      let word = view[i..<end]
      i = end
      wordsInSentence += 1
      if wordsInSentence <= 2 && NameFinder.greetingKeys.contains(where: { NameFinder.same(word, $0) }) {
        wordsSinceGreeting = 0
        lastWasTitle = false
        continue
      }
      lastWasTitle = NameFinder.titleKeys.contains { NameFinder.same(word, $0) }
      let afterGreeting = wordsSinceGreeting < 2
      wordsSinceGreeting = min(wordsSinceGreeting + 1, 2)
      guard afterGreeting, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }),
        !NameFinder.notNamesAfterGreeting.contains(where: { NameFinder.same(word, $0) })
      else { continue }
      // One or two words, then a comma or '!' ('Hi Sarah,', 'Dear Sarah Jones,').
      var k = end
      var last = word.indices
      if k + 1 < n && view[k] == 0x20 && PhraseMatcher.isWordScalar(view[k + 1]) {
        var e = k + 1
        while e < n && PhraseMatcher.isWordScalar(view[e]) { e += 1 }
        if e < n && (view[e] == 0x2C || view[e] == 0x21) {
          last = (k + 1)..<e
          k = e
        }
      }
      guard k < n && (view[k] == 0x2C || view[k] == 0x21) else { continue }
      out.append(word.startIndex..<last.upperBound)
      i = last.upperBound
      wordsSinceGreeting = 2
    }
    return out
  }

  /// Equal scalars; the length and first scalar are compared first, as most words differ there.
  @inline(__always) static func same(_ word: ArraySlice<UInt32>, _ key: [UInt32]) -> Bool {
    word.count == key.count && word.first == key.first && word.elementsEqual(key)
  }

  /// Occurrences at a word start (and, for Latin names, a word end).
  func occurrences(of needle: ArraySlice<UInt32>, followedBy suffixes: [[UInt32]]? = nil) -> [Range<Int>] {
    guard !needle.isEmpty, needle.count <= view.count else { return [] }
    var out: [Range<Int>] = []
    let latin = !Hangul.isHangul(needle[needle.startIndex])
    let count = view.count, length = needle.count
    // Candidate starts by the first scalar, over the buffers (most positions fail that test).
    view.withUnsafeBufferPointer { v in
      needle.withUnsafeBufferPointer { n in
        let first = n[0]
        // Starts with room for the needle: `0..<limit`.
        let limit = count - length + 1
        var i = -1
        while true {
          i = firstIndex(of: first, in: v, from: i + 1, to: limit)
          guard i < limit else { break }
          var k = 1
          while k < length && v[i + k] == n[k] { k += 1 }
          guard k == length else { continue }
          let end = i + length
          let startOK = i == 0 || !PhraseMatcher.isWordScalar(v[i - 1])
          let endOK = !latin || end == count || !PhraseMatcher.isWordScalar(v[end])
          guard startOK && endOK else { continue }
          if let suffixes {
            var j = end
            while j < count && v[j] == 0x20 { j += 1 }
            if let suffix = suffixes.first(where: { j + $0.count <= count && view[j..<(j + $0.count)].elementsEqual($0) }) {
              // 씨 stays outside the span: the name is used, but calling a customer '민수 씨' is a
              // tone issue of its own (ko.tone.ssi-address), which a name span would hide.
              out.append(i..<(suffix == NameFinder.ssi ? end : j + suffix.count))
            }
          } else {
            out.append(i..<end)
          }
        }
      }
    }
    return out
  }

  /// Appends `ranges` to `found` (without a new array when `found` is still empty).
  private func add(_ ranges: [Range<Int>], to found: inout [Range<Int>]) {
    if found.isEmpty { found = ranges } else { found += ranges }
  }

  /// Up to two words before `r`, nearest last (view ranges; a sentence end stops the look-back,
  /// but not the period of a title, "Ms. Lee").
  func previousWords(_ r: Range<Int>, count: Int) -> (first: Range<Int>?, second: Range<Int>?) {
    var nearer: Range<Int>?, earlier: Range<Int>?
    var i = r.lowerBound
    search: while (nearer == nil || (count >= 2 && earlier == nil)) && i > 0 {
      while i > 0 && !PhraseMatcher.isWordScalar(view[i - 1]) && view[i - 1] != 0x27 {
        if view[i - 1] == 0x0A { break search }
        if view[i - 1] == 0x2E && !(nearer == nil && i >= 3 && endsWithTitle(i - 1)) { break search }
        i -= 1
      }
      let end = i
      while i > 0 && (PhraseMatcher.isWordScalar(view[i - 1]) || view[i - 1] == 0x27) { i -= 1 }
      if end > i {
        if nearer == nil { nearer = i..<end } else { earlier = i..<end }
      }
    }
    // In reading order: (earlier, nearer), or (nearer, nil) when only one word was found.
    if let earlier { return (earlier, nearer) }
    return (nearer, nil)
  }

  /// True when the letters before `dot` spell a title (mr, ms, mrs, mx, dr).
  func endsWithTitle(_ dot: Int) -> Bool {
    var a = dot
    while a > 0 && view[a - 1] >= 0x61 && view[a - 1] <= 0x7A { a -= 1 }
    return NameFinder.titleKeys.contains { view[a..<dot].elementsEqual($0) }
  }

  func precededByGreeting(_ r: Range<Int>) -> Bool {
    let words = previousWords(r, count: 2)
    return [words.first, words.second].contains { word in
      word.map { w in NameFinder.greetingKeys.contains { view[w].elementsEqual($0) } } ?? false
    }
  }

  func precededByTitle(_ r: Range<Int>) -> Bool {
    guard let word = previousWords(r, count: 1).first else { return false }
    return NameFinder.titleKeys.contains { view[word].elementsEqual($0) }
  }

  /// The two words before the name, joined by a space, end with a self-introduction
  /// ("my name is", "상담사").
  func isSelfIntroduction(_ r: Range<Int>) -> Bool {
    let words = previousWords(r, count: 2)
    guard let first = words.first else { return false }
    var joined: [UInt32] = Array(view[first])
    if let second = words.second {
      joined.append(0x20)
      joined.append(contentsOf: view[second])
    }
    return NameFinder.selfIntroductionKeys.contains { joined.reversed().starts(with: $0.reversed()) }
  }
}

extension String {
  /// The NFC form, computed only when the string may not already be NFC (ASCII and precomposed
  /// Hangul never need it).
  var precomposedIfNeeded: String {
    unicodeScalars.allSatisfy({ $0.isASCII || ($0.value >= 0xAC00 && $0.value <= 0xD7A3) }) ? self : NormalizedText(self).nfc
  }
}
