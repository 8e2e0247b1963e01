import CoachText

/// Turns a Korean dictionary form (`죄송하다`, `드리다`, `고맙다`) into the surface prefixes every
/// conjugation starts with, so a substring matcher finds 죄송합니다, 죄송해요, 죄송했습니다,
/// 죄송하게 생각합니다 … from one entry.
///
/// Korean endings fuse into the stem's last syllable (하+ㅂ니다 → 합니다, 하+여 → 해,
/// 드리+어 → 드려, 고맙+어 → 고마워), so the prefixes are the stem plus its fused variants.
enum KoreanConjugator {
  static func surfacePrefixes(of dictionaryForm: [UInt32]) -> [[UInt32]] {
    var scalars = dictionaryForm
    scalars.removeLast()  // 다
    guard let last = scalars.last, Hangul.isSyllable(last) else { return [scalars] }
    let base = Array(scalars.dropLast())
    var forms: [[UInt32]] = [scalars]
    func add(_ syllables: UInt32...) { forms.append(base + syllables) }
    let tail = Hangul.tail(last), vowel = Hangul.vowel(last), lead = Hangul.lead(last)
    if tail == 0 {
      add(Hangul.withTail(last, Hangul.Tail.bieup))
      add(Hangul.withTail(last, Hangul.Tail.nieun))
      add(Hangul.withTail(last, Hangul.Tail.rieul))
      add(Hangul.withTail(last, Hangul.Tail.mieum))
      var infinitive: [UInt32] = []
      switch vowel {
      case Hangul.Vowel.a where lead == 18:  // 하 → 해, 하여
        infinitive = [Hangul.compose(lead: lead, vowel: Hangul.Vowel.ae)]
        forms.append(scalars + [S("여")])
      case Hangul.Vowel.i: infinitive = [Hangul.compose(lead: lead, vowel: Hangul.Vowel.yeo)]
      case Hangul.Vowel.o:
        infinitive = [Hangul.compose(lead: lead, vowel: Hangul.Vowel.wa)]
        forms.append(scalars + [S("아")])
      case Hangul.Vowel.u:
        infinitive = [Hangul.compose(lead: lead, vowel: Hangul.Vowel.wo)]
        forms.append(scalars + [S("어")])
      case Hangul.Vowel.oe:
        infinitive = [Hangul.compose(lead: lead, vowel: Hangul.Vowel.wae)]
        forms.append(scalars + [S("어")])
      case Hangul.Vowel.wi: forms.append(scalars + [S("어")])
      case Hangul.Vowel.eu:
        if lead == 5, let previous = base.last, Hangul.isSyllable(previous) {  // 르 irregular: 모르 → 몰라
          let bright = [Hangul.Vowel.a, Hangul.Vowel.o].contains(Hangul.vowel(previous))
          let newPrevious = Hangul.withTail(previous, Hangul.Tail.rieul)
          let ra = Hangul.compose(lead: 5, vowel: bright ? Hangul.Vowel.a : Hangul.Vowel.eo)
          forms.append(Array(base.dropLast()) + [newPrevious, ra])
          forms.append(Array(base.dropLast()) + [newPrevious, Hangul.withTail(ra, Hangul.Tail.ssangSiot)])
        } else {
          let bright = base.last.map { [Hangul.Vowel.a, Hangul.Vowel.o].contains(Hangul.vowel($0)) } ?? false
          infinitive = [Hangul.compose(lead: lead, vowel: bright ? Hangul.Vowel.a : Hangul.Vowel.eo)]
        }
      default: break  // 가, 서, 내, 세, 켜: the infinitive is the stem itself
      }
      if let syllable = infinitive.first {
        add(syllable)
        add(Hangul.withTail(syllable, Hangul.Tail.ssangSiot))
      } else if [Hangul.Vowel.a, Hangul.Vowel.eo, Hangul.Vowel.ae, Hangul.Vowel.e, Hangul.Vowel.yeo].contains(vowel) {
        add(Hangul.withTail(last, Hangul.Tail.ssangSiot))
      }
    } else if tail == Hangul.Tail.bieup {
      // ㅂ irregular (고맙다 → 고마워, 번거롭다 → 번거로우셨): harmless extra prefixes for regular stems.
      let open = Hangul.withTail(last, 0)
      forms.append(base + [open, S("우")])
      forms.append(base + [open, S("워")])
      forms.append(base + [open, S("웠")])
      forms.append(base + [open, S("운")])
      forms.append(base + [open, S("울")])
      forms.append(base + [open, S("와")])
      forms.append(base + [open, S("왔")])
    } else if tail == Hangul.Tail.rieul {
      let open = Hangul.withTail(last, 0)
      forms.append(base + [open])  // 힘드셨, 힘드니
      add(Hangul.withTail(last, Hangul.Tail.bieup))
      add(Hangul.withTail(last, Hangul.Tail.nieun))
    }
    var seen = Set<[UInt32]>()
    return forms.filter { seen.insert($0).inserted }
  }

  /// Spacing variants: auxiliaries and 님 are written both with and without a space
  /// (해 드리겠습니다 / 해드리겠습니다, 김민수 님 / 김민수님).
  static func spacingVariants(of phrase: [UInt32]) -> [[UInt32]] {
    // Positions where an auxiliary starts: a space before it may be dropped, or added.
    var toggles: [(index: Int, hasSpace: Bool)] = []
    for i in phrase.indices {
      guard attachableFirstScalars.contains(phrase[i]), attachableStarts.contains(where: { phrase[i...].starts(with: $0) }) else { continue }
      if i >= 2, phrase[i - 1] == 0x20, Hangul.isSyllable(phrase[i - 2]) {
        toggles.append((i, true))
      } else if i >= 1, Hangul.isSyllable(phrase[i - 1]) {
        toggles.append((i, false))
      }
      if toggles.count == 3 { break }
    }
    guard !toggles.isEmpty else { return [phrase] }
    var variants: [[UInt32]] = []
    for combination in 0..<(1 << toggles.count) {
      var out: [UInt32] = []
      out.reserveCapacity(phrase.count + toggles.count)
      var t = 0
      for i in phrase.indices {
        if t < toggles.count && toggles[t].index == i {
          let flip = combination & (1 << t) != 0
          if toggles[t].hasSpace {
            if flip { out.removeLast() }  // drop the space before the auxiliary
          } else if flip {
            out.append(0x20)
          }
          t += 1
        }
        out.append(phrase[i])
      }
      variants.append(out)
    }
    return variants
  }

  static let attachableStarts: [[UInt32]] = ["드리", "드려", "드렸", "드릴", "드린", "드립", "드림", "주세", "주시", "주셔", "주십", "보겠", "보니", "보시", "보세", "봅니", "봐", "봤", "님"]
    .map { $0.unicodeScalars.map(\.value) }
  /// The syllables an auxiliary starts with, to rule most positions out at once.
  static let attachableFirstScalars: [UInt32] = Array(Set(attachableStarts.map { $0[0] })).sorted()

  private static func S(_ s: String) -> UInt32 { s.unicodeScalars.first!.value }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let r = rest.range(of: target) {
      result += rest[..<r.lowerBound]
      result += replacement
      rest = rest[r.upperBound...]
    }
    return result + rest
  }
}

extension Substring {
  func range(of target: String) -> Range<Substring.Index>? {
    guard !target.isEmpty else { return nil }
    // An ASCII target can only match where its bytes are: most lines lack it, and ruling that
    // out over the bytes spares a character-by-character search (every phrase line is asked
    // for "=>").
    if target.utf8.allSatisfy({ $0 < 0x80 }) && !utf8.containsBytes(of: target.utf8) { return nil }
    var i = startIndex
    while i < endIndex {
      if self[i...].hasPrefix(target) { return i..<index(i, offsetBy: target.count) }
      i = index(after: i)
    }
    return nil
  }
}

extension String {
  func range(of target: String) -> Range<String.Index>? {
    let sub = self[...]
    return sub.range(of: target)
  }
}

extension Substring.UTF8View {
  /// Whether `needle`'s bytes occur in a row.
  func containsBytes(of needle: String.UTF8View) -> Bool {
    let bytes = Array(needle)
    func search(_ haystack: UnsafeBufferPointer<UInt8>) -> Bool {
      guard !bytes.isEmpty else { return true }
      guard haystack.count >= bytes.count else { return false }
      return (0...(haystack.count - bytes.count)).contains { start in
        bytes.indices.allSatisfy { haystack[start + $0] == bytes[$0] }
      }
    }
    return withContiguousStorageIfAvailable(search) ?? Array(self).withUnsafeBufferPointer(search)
  }
}
