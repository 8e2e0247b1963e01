import CoachText

/// Expands one line of a `phrases:` block into the literal phrases the matcher looks for.
///
/// Syntax (documented in Guidelines/README.md):
/// - `a | b` — alternatives; `(so |very |)sorry` — inline choices, the empty one optional;
///   `(정말 )?죄송` — a group followed by `?` is optional;
/// - `죄송하다~` — a Korean dictionary form ending in 다: every conjugation of its last word;
/// - `{n}` or `#` — any number (a run of digits); `\#`, `\|`, `\(` — the literal character;
/// - `*` at the start — may begin inside a word; `*` at the end — may end inside a word;
/// - `$` at the end — must end where the word ends (Korean phrases otherwise run on into endings
///   and particles, so a bare `헐` would match inside `헐값`);
/// - `=> replacement` — the plain word to suggest instead (plain-language lists);
/// - `@name` — the whole entry is a named set.
///
/// Everything works on Unicode scalars (no Foundation string searching), because a pack has
/// tens of thousands of expanded phrases and loading must stay fast.
enum PhraseSyntax {
  static let maximumExpansions = 4096
  /// Stands for "a number" until folding turns it into the folded digit `0`.
  static let digitMarker: UInt32 = 0xE001
  /// An escaped `\~` until conjugation has been decided; then a plain `~`.
  static let literalTilde: UInt32 = 0xE002

  struct Expanded: Sendable {
    /// Folded scalars, ready for the matcher (numbers as `0`).
    var scalars: [UInt32]
    var openStart: Bool
    var openEnd: Bool
    /// `$`: the phrase must end at the end of a word, even in Korean.
    var closedEnd = false
  }

  enum Problem: Error, Equatable {
    case empty
    case unbalancedParenthesis
    case nestedGroup
    case tooManyExpansions(Int)
    case conjugationNeedsDictionaryForm(String)
  }

  /// Splits on `|` outside parentheses (escapes are kept for the next step).
  static func topLevelAlternatives(_ line: String) -> [String] {
    var parts: [String] = []
    var current = String.UnicodeScalarView()
    var depth = 0
    var escaped = false
    for ch in line.unicodeScalars {
      if escaped {
        current.append("\\")
        current.append(ch)
        escaped = false
        continue
      }
      if ch == "\\" { escaped = true; continue }
      if ch == "(" { depth += 1 }
      if ch == ")" { depth -= 1 }
      if ch == "|" && depth == 0 {
        parts.append(String(current))
        current = String.UnicodeScalarView()
      } else {
        current.append(ch)
      }
    }
    if escaped { current.append("\\") }
    parts.append(String(current))
    return parts.map { $0.trimmingSpaces() }
  }

  /// Expands `(a|b|)` and `(a|b)?` groups into raw scalar sequences; escapes become literals,
  /// `{n}` and an unescaped `#` become `digitMarker`.
  static func expandGroups(_ text: String) throws(Problem) -> [[UInt32]] {
    let s = Array(text.unicodeScalars.map(\.value))
    var results: [[UInt32]] = [[]]
    var i = 0
    func appendToAll(_ v: UInt32) { for k in results.indices { results[k].append(v) } }
    while i < s.count {
      let c = s[i]
      if let (v, length) = marker(in: s, at: i, before: s.count) {
        appendToAll(v)
        i += length
        continue
      }
      if c == 0x28 {  // (
        // The first `)` not escaped closes the group.
        var scan = i + 1
        while scan < s.count && s[scan] != 0x29 { scan += s[scan] == 0x5C ? 2 : 1 }
        guard scan < s.count else { throw .unbalancedParenthesis }
        let close = scan
        var options: [[UInt32]] = [[]]
        var j = i + 1
        while j < close {
          // Escapes, `{n}` and `#` mean the same inside a choice: "(예요\?|아니에요\?)", "({n}|two) days".
          if let (v, length) = marker(in: s, at: j, before: close) {
            options[options.count - 1].append(v)
            j += length
            continue
          }
          if s[j] == 0x7C {
            options.append([])
          } else if s[j] == 0x28 {
            throw .nestedGroup
          } else {
            options[options.count - 1].append(s[j])
          }
          j += 1
        }
        var after = close + 1
        if after < s.count && s[after] == 0x3F {  // (x|y)? — the whole group is optional
          options.append([])
          after += 1
        }
        var next: [[UInt32]] = []
        next.reserveCapacity(results.count * options.count)
        for r in results { for o in options { next.append(r + o) } }
        guard next.count <= maximumExpansions else { throw .tooManyExpansions(next.count) }
        results = next
        i = after
        continue
      }
      if c == 0x29 { throw .unbalancedParenthesis }
      appendToAll(c)
      i += 1
    }
    return results
  }

  /// All literal phrases of one alternative: groups, conjugation, spacing variants, folding.
  static func expand(_ alternative: String, language: Language) throws(Problem) -> [Expanded] {
    var text = Substring(alternative)
    var openStart = false, openEnd = false, closedEnd = false
    if text.hasPrefix("*") { openStart = true; text.removeFirst() }
    if text.hasSuffix("*") && !text.hasSuffix("\\*") { openEnd = true; text.removeLast() }
    if text.hasSuffix("$") && !text.hasSuffix("\\$") { closedEnd = true; text.removeLast() }
    var out: [Expanded] = []
    // Forms the author wrote; the apostrophe-less variants below do not count against the limit.
    var written = 0
    let tilde: UInt32 = 0x7E, da: UInt32 = 0xB2E4
    for grouped in try expandGroups(String(text)) {
      var form = grouped
      // `~` conjugates: on the whole alternative or on a choice inside a group.
      var conjugate = false
      if form.last == tilde {
        conjugate = true
        form.removeLast()
      } else if zip(form, form.dropFirst()).contains(where: { $0 == da && $1 == tilde }) {
        throw .conjugationNeedsDictionaryForm(string(form))  // `다~` must end the phrase
      }
      // An escaped `\~` is a literal tilde ("어머님\~"), not conjugation.
      let collapsed = joinContractions(collapseSpaces(form)).map { $0 == literalTilde ? tilde : $0 }
      guard !collapsed.isEmpty else { continue }
      var forms = [collapsed]
      if conjugate {
        guard collapsed.last == da && collapsed.count >= 2 else { throw .conjugationNeedsDictionaryForm(string(collapsed)) }
        forms = KoreanConjugator.surfacePrefixes(of: collapsed)
      }
      for f in forms {
        let variants = language == .ko ? KoreanConjugator.spacingVariants(of: f) : [f]
        for v in variants {
          // Folded as text is, stretched letters included ("www" reads as the text "www" does).
          var folded = v.map { $0 == digitMarker ? 0x30 : NormalizedText.foldScalar($0) }
          NormalizedText.collapseStretchedLetters(&folded)
          folded.removeAll { $0 == NormalizedText.ignorable }
          out.append(
            Expanded(scalars: folded, openStart: openStart, openEnd: openEnd || conjugate, closedEnd: closedEnd && !conjugate))
          written += 1
          // Chat drops apostrophes ("didnt arrive", "youre welcome"): the same phrase without them
          // matches too, for the contractions whose bare form is not another word.
          if language == .en, let bare = withoutApostrophes(folded) {
            out.append(Expanded(scalars: bare, openStart: openStart, openEnd: openEnd || conjugate, closedEnd: closedEnd && !conjugate))
          }
        }
      }
      guard written <= maximumExpansions else { throw .tooManyExpansions(written) }
    }
    if out.isEmpty { throw .empty }
    return out
  }

  /// Contractions chat often types without the apostrophe ("youre welcome", "im sorry", "thats
  /// fine"), besides every "n't" ("didnt", "dont"). Left out on purpose: the ones whose bare form
  /// is another word — we're/were, we'll/well, i'll/ill, she'll/shell, he'll/hell, let's/lets,
  /// i'd/id, we'd/wed, she'd/shed.
  static let bareContractions: Set<[UInt32]> = Set(
    ["i'm", "i've", "you're", "you've", "you'll", "you'd", "they're", "they've", "they'll", "they'd", "we've", "that's",
      "what's", "there's", "here's", "it's", "who's", "where's", "how's", "that'll", "it'll", "there'll", "it'd", "that'd"]
      .map { Array($0.unicodeScalars.map(\.value)) })

  /// The phrase with the apostrophe of its contractions removed (see `bareContractions`), or nil
  /// when it has none.
  static func withoutApostrophes(_ s: [UInt32]) -> [UInt32]? {
    let n: UInt32 = 0x6E, apostrophe: UInt32 = 0x27, t: UInt32 = 0x74
    guard s.contains(apostrophe) else { return nil }
    func isLetter(_ c: UInt32) -> Bool { c >= 0x61 && c <= 0x7A }
    var out: [UInt32] = []
    out.reserveCapacity(s.count)
    var changed = false
    for (i, c) in s.enumerated() {
      if c == apostrophe, i > 0, isLetter(s[i - 1]), i + 1 < s.count, isLetter(s[i + 1]) {
        var wordStart = i - 1, wordEnd = i + 1
        while wordStart > 0 && isLetter(s[wordStart - 1]) { wordStart -= 1 }
        while wordEnd + 1 < s.count && isLetter(s[wordEnd + 1]) { wordEnd += 1 }
        let word = Array(s[wordStart...wordEnd])
        let isNot = s[i - 1] == n && s[i + 1] == t && wordEnd == i + 1
        if isNot || bareContractions.contains(word) {
          changed = true
          continue
        }
      }
      out.append(c)
    }
    return changed ? out : nil
  }

  static func collapseSpaces(_ s: [UInt32]) -> [UInt32] {
    // Most phrases have nothing to collapse: no tab, no space at either end, no double space.
    if s.first != 0x20 && s.last != 0x20 && !s.contains(0x09) && !zip(s, s.dropFirst()).contains(where: { $0 == 0x20 && $1 == 0x20 }) {
      return s
    }
    var out: [UInt32] = []
    out.reserveCapacity(s.count)
    for v in s {
      let isSpace = v == 0x20 || v == 0x09
      if isSpace {
        if out.isEmpty || out.last == 0x20 { continue }
        out.append(0x20)
      } else {
        out.append(v)
      }
    }
    while out.last == 0x20 { out.removeLast() }
    return out
  }

  /// An escape (`\#`: the literal character), `{n}` or `#` (a number) at `i`, read no further than
  /// `end`: the scalar it stands for and how many characters it takes.
  static func marker(in s: [UInt32], at i: Int, before end: Int) -> (UInt32, Int)? {
    switch s[i] {
    case 0x5C where i + 1 < end: (s[i + 1] == 0x7E ? literalTilde : s[i + 1], 2)
    case 0x7B where i + 2 < end && s[i + 1] == 0x6E && s[i + 2] == 0x7D: (digitMarker, 3)
    case 0x23: (digitMarker, 1)
    default: nil
    }
  }

  /// A choice that is a contraction joins the word before it: `(we|i) (will|'ll)` is "we'll",
  /// not "we 'll". A quote opening after a space (`tap 'Save'`) keeps its space.
  static let contractions: [[UInt32]] = ["ll", "ve", "re", "s", "d", "m", "t"].map { $0.unicodeScalars.map(\.value) }

  static func joinContractions(_ s: [UInt32]) -> [UInt32] {
    guard s.contains(where: { $0 == 0x27 || $0 == 0x2019 }) else { return s }
    func isLetter(_ v: UInt32) -> Bool { (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
    var out: [UInt32] = []
    out.reserveCapacity(s.count)
    var i = 0
    while i < s.count {
      if s[i] == 0x20, i > 0, isLetter(s[i - 1]), i + 1 < s.count, s[i + 1] == 0x27 || s[i + 1] == 0x2019 {
        var end = i + 2
        while end < s.count && isLetter(s[end]) { end += 1 }
        let word = s[(i + 2)..<end].map { $0 | 0x20 }
        if contractions.contains(word) {
          i += 1  // drop the space
          continue
        }
      }
      out.append(s[i])
      i += 1
    }
    return out
  }

  static func string(_ scalars: [UInt32]) -> String {
    var s = String.UnicodeScalarView()
    for v in scalars { if let u = Unicode.Scalar(v) { s.append(u) } }
    return String(s)
  }
}

extension String {
  /// True when the string has something besides spaces and tabs.
  var hasNonSpace: Bool { utf8.contains { $0 != 0x20 && $0 != 0x09 } }

  func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
