import CoachText

/// Finds where a reply addresses the customer by name (language notes §8).
///
/// Korean `김민수`: the full name; the given name with 님/씨/고객님 (`민수 님`, `민수 고객님`); the surname with
/// 고객님/회원님 (`김 고객님`); a name written with a space (`톰 베이커`, `김 민수`): either part with 님/씨/고객님. English `Sarah Lee`: the full name, the first name (names that are
/// also common words — Will, Joy, Grace — only after a greeting or before a comma), or a title
/// and surname (`Ms. Lee`). The agent introducing themself (`상담사 김민수입니다`, `my name is
/// Sarah`) is not personalisation.
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

  func spans(of name: String) -> [Range<Int>] {
    var folded: [UInt32] = []
    folded.reserveCapacity(name.utf8.count)
    for scalar in name.precomposedIfNeeded.unicodeScalars {
      let v = NormalizedText.foldScalar(scalar.value)
      if v != NormalizedText.ignorable { folded.append(v) }
    }
    let parts = folded.split(separator: 0x20).map(Array.init)
    guard let first = parts.first else { return [] }
    var found: [Range<Int>] = []
    if first.allSatisfy(Hangul.isHangul) && parts.count >= 2 {
      // Written with a space: '김 민수' (surname first) or '톰 베이커' (a foreign name, given name
      // first). Either part may be called with 님, 씨 or a title: '민수 님', '톰 님', '베이커 고객님'.
      found += occurrences(of: parts.joined().map { $0 })
      found += occurrences(of: Array(parts.joined(separator: [0x20])))
      for part in [first, parts[parts.count - 1]] {
        found += occurrences(of: part, followedBy: NameFinder.givenNameSuffixes)
      }
    } else if first.allSatisfy(Hangul.isHangul) {
      let full = parts.joined().map { $0 }
      found += occurrences(of: full)
      let surnameLength = full.count >= 3 && NameFinder.twoSyllableSurnameKeys.contains { full.starts(with: $0) } ? 2 : 1
      if full.count - surnameLength >= 2 {
        let given = Array(full[surnameLength...])
        found += occurrences(of: given, followedBy: NameFinder.givenNameSuffixes)
      }
      if full.count >= 2 {
        let surname = Array(full[..<surnameLength])
        found += occurrences(of: surname, followedBy: NameFinder.koreanTitles)
      }
    } else {
      let full = Array(parts.joined(separator: [0x20]))
      found += occurrences(of: full)
      let isCommonWord = NameFinder.commonWordNameKeys.contains(first)
      for r in occurrences(of: first) {
        if isCommonWord {
          let comma = r.upperBound < view.count && view[r.upperBound] == 0x2C
          if !comma && !precededByGreeting(r) { continue }
        }
        found.append(r)
      }
      if parts.count >= 2, let last = parts.last {
        for r in occurrences(of: last) where precededByTitle(r) { found.append(r) }
      }
    }
    var result: [Range<Int>] = []
    for r in found.sorted(by: { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }) {
      if let previous = result.last, r.lowerBound < previous.upperBound { continue }
      if !isSelfIntroduction(r) { result.append(r) }
    }
    return result
  }

  /// Occurrences at a word start (and, for Latin names, a word end).
  func occurrences(of needle: [UInt32], followedBy suffixes: [[UInt32]]? = nil) -> [Range<Int>] {
    guard !needle.isEmpty, needle.count <= view.count else { return [] }
    var out: [Range<Int>] = []
    let latin = !Hangul.isHangul(needle[0])
    var i = 0
    while i + needle.count <= view.count {
      if view[i] == needle[0] && view[i..<(i + needle.count)].elementsEqual(needle) {
        let end = i + needle.count
        let startOK = i == 0 || !PhraseMatcher.isWordScalar(view[i - 1])
        let endOK = !latin || end == view.count || !PhraseMatcher.isWordScalar(view[end])
        if startOK && endOK {
          if let suffixes {
            var j = end
            while j < view.count && view[j] == 0x20 { j += 1 }
            if let suffix = suffixes.first(where: { j + $0.count <= view.count && view[j..<(j + $0.count)].elementsEqual($0) }) {
              // 씨 stays outside the span: the name is used, but calling a customer '민수 씨' is a
              // tone issue of its own (ko.tone.ssi-address), which a name span would hide.
              out.append(i..<(suffix == NameFinder.ssi ? end : j + suffix.count))
            }
          } else {
            out.append(i..<end)
          }
        }
      }
      i += 1
    }
    return out
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
