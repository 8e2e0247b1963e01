import CoachText

/// Finds where a reply addresses the customer by name (language notes §8).
///
/// Korean `김민수`: the full name; the given name with 님/씨 (`민수 님`); the surname with
/// 고객님/회원님 (`김 고객님`). English `Sarah Lee`: the full name, the first name (names that are
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
    if first.allSatisfy(Hangul.isHangul) {
      let full = parts.joined().map { $0 }
      found += occurrences(of: full)
      let fullString = string(full)
      let surnameLength = full.count >= 3 && NameFinder.twoSyllableSurnames.contains(String(fullString.prefix(2))) ? 2 : 1
      if full.count - surnameLength >= 2 {
        let given = Array(full[surnameLength...])
        found += occurrences(of: given, followedBy: [[0xB2D8], [0xC528]])  // 님, 씨
      }
      if full.count >= 2 {
        let surname = Array(full[..<surnameLength])
        found += occurrences(of: surname, followedBy: [Array("고객님".unicodeScalars.map(\.value)), Array("회원님".unicodeScalars.map(\.value))])
      }
    } else {
      let full = Array(parts.joined(separator: [0x20]))
      found += occurrences(of: full)
      let firstName = string(first)
      for r in occurrences(of: first) {
        if NameFinder.commonWordNames.contains(firstName) {
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
              out.append(i..<(j + suffix.count))
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

  func previousWords(_ r: Range<Int>, count: Int) -> [String] {
    var words: [String] = []
    var i = r.lowerBound
    while words.count < count && i > 0 {
      while i > 0 && !PhraseMatcher.isWordScalar(view[i - 1]) && view[i - 1] != 0x27 {
        // A sentence end stops the look-back, but not the period of a title ("Ms. Lee").
        if view[i - 1] == 0x0A { return words }
        if view[i - 1] == 0x2E && !(words.isEmpty && i >= 3 && endsWithTitle(i - 1)) { return words }
        i -= 1
      }
      let end = i
      while i > 0 && (PhraseMatcher.isWordScalar(view[i - 1]) || view[i - 1] == 0x27) { i -= 1 }
      if end > i { words.insert(string(Array(view[i..<end])), at: 0) }
    }
    return words
  }

  /// True when the letters before `dot` spell a title (mr, ms, mrs, mx, dr).
  func endsWithTitle(_ dot: Int) -> Bool {
    var a = dot
    while a > 0 && view[a - 1] >= 0x61 && view[a - 1] <= 0x7A { a -= 1 }
    return NameFinder.titles.contains(string(Array(view[a..<dot])))
  }

  func precededByGreeting(_ r: Range<Int>) -> Bool {
    previousWords(r, count: 2).contains { NameFinder.greetings.contains($0) }
  }

  func precededByTitle(_ r: Range<Int>) -> Bool {
    previousWords(r, count: 1).first.map { NameFinder.titles.contains($0) } ?? false
  }

  func isSelfIntroduction(_ r: Range<Int>) -> Bool {
    let before = previousWords(r, count: 2).joined(separator: " ")
    return NameFinder.selfIntroduction.contains { before.hasSuffix($0) }
  }

  func string(_ scalars: [UInt32]) -> String {
    var s = String.UnicodeScalarView()
    for v in scalars { if let u = Unicode.Scalar(v) { s.append(u) } }
    return String(s)
  }
}

extension String {
  /// The NFC form, computed only when the string may not already be NFC (ASCII and precomposed
  /// Hangul never need it).
  var precomposedIfNeeded: String {
    unicodeScalars.allSatisfy({ $0.isASCII || ($0.value >= 0xAC00 && $0.value <= 0xD7A3) }) ? self : NormalizedText(self).nfc
  }
}
