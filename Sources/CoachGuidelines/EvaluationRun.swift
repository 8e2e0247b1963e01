import CoachText
import Foundation

/// The work of scoring one reply: phrase hits, conditions, checks, findings and scores.
struct EvaluationRun {
  let pack: GuidelinePack
  let analysis: TextAnalysis
  /// The customer's name from the context (the run keeps no more of the context: copying it
  /// for the run retained all its strings).
  let customerName: String?
  let hits: HitIndex
  let customerHits: HitIndex?
  /// The folded view of the customer's message, when there is one (the checks read no more of it).
  let customerView: [UInt32]?
  /// The findings so far, as plain values: the reported `Finding`s (with their strings) are
  /// built once, in order, by `makeFindings`.
  var findings: [PendingFinding] = []
  /// Categories with a strength finding after the first pass, one bit per category.
  var detectedMask: UInt16 = 0
  /// Reply-level conditions that hold (`ContextBits`).
  let contextMask: UInt32
  let nameSpans: [Range<Int>]
  /// Buffers reused by every rule of this reply (one allocation per reply, not per rule).
  private var scratchCandidates: [(span: Range<Int>, list: Int32, entry: Int32)] = []
  private var scratchAccepted: [(span: Range<Int>, list: Int32, entry: Int32)] = []
  private var scalarOffsetOfUTF16: [Int]?
  /// Whether any fired rule overrides others.
  private var anyOverride = false

  var view: [UInt32] { analysis.text.view }

  init(pack: GuidelinePack, analysis: consuming TextAnalysis, context: borrowing EvaluationContext, library: GuidelineLibrary) {
    self.pack = pack
    customerName = context.customerName
    hits = HitIndex(pack: pack, view: analysis.text.view)
    nameSpans = EvaluationRun.nameSpans(in: analysis, name: customerName)
    // Moved in, once read above: stored as a copy, the analysis was retained and then released.
    self.analysis = consume analysis
    // Read into `contextMask` below; the run keeps no more of it.
    let customer: CustomerSignals
    if let message = context.customerMessage, !message.isEmpty {
      let text = NormalizedText(message)
      let language = text.detectedLanguage ?? pack.language
      let customerPack = library.pack(for: language) ?? pack
      let index = HitIndex(pack: customerPack, view: text.view)
      customer = CustomerSignals(pack: customerPack, hits: index, text: text)
      customerHits = customerPack.language == pack.language ? index : HitIndex(pack: pack, view: text.view)
      customerView = text.view
    } else {
      customer = CustomerSignals()
      customerHits = nil
      customerView = nil
    }
    var mask: UInt32 = 0
    if customerView != nil { mask |= ContextBits.bit(.customerMessage) }
    if customer.upset || context.customerUpset == true { mask |= ContextBits.bit(.customerUpset) }
    if customer.confused { mask |= ContextBits.bit(.customerConfused) }
    if customer.feedback { mask |= ContextBits.bit(.customerFeedback) }
    if customer.satisfied { mask |= ContextBits.bit(.customerSatisfied) }
    if customer.question { mask |= ContextBits.bit(.customerQuestion) }
    if customerView != nil && !customer.satisfied { mask |= ContextBits.bit(.customerWaiting) }
    if context.companyAtFault == true { mask |= ContextBits.bit(.companyAtFault) }
    if context.customerName?.hasNonSpace == true { mask |= ContextBits.bit(.nameKnown) }
    if !nameSpans.isEmpty { mask |= ContextBits.bit(.nameUsed) }
    if context.isFinalReply == true { mask |= ContextBits.bit(.finalReply) }
    contextMask = mask
  }

  mutating func evaluate(id: String?) -> Evaluation {
    // Only rules whose phrase lists were hit, plus checks and regular expressions, can fire: one
    // bit per rule (on the stack), visited in rule order.
    let words = (pack.plans.count + 63) / 64
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(words, 1)) { active in
      active.initialize(repeating: 0)
      func mark(_ r: Int32) { active[Int(r) >> 6] |= 1 << UInt64(r & 63) }
      for r in pack.alwaysActiveRules { mark(r) }
      var previousList: Int32 = -1
      for hit in hits.hits where hit.list != previousList {
        previousList = hit.list
        for r in pack.rulesByList[Int(hit.list)] { mark(r) }
      }
      // Rules that read no findings first, then those reading the first ones' findings. A rule's
      // bit is cleared in its pass, so that each pass visits only the rules still to come.
      for pass in 0..<2 {
        for w in 0..<words {
          var bits = active[w]
          while bits != 0 {
            let bit = bits.trailingZeroBitCount
            bits &= bits - 1
            let r = w << 6 | bit
            let plan = pack.plans[r]
            guard !plan.dependsOnCategories, plan.readsFindings == (pass == 1) else { continue }
            active[w] &= ~(1 << UInt64(bit))
            if plan.allowed(context: contextMask, detected: detectedMask) { apply(r) }
          }
        }
      }
      if anyOverride { withdrawOverridden() }
      for finding in findings where finding.kind == .strength { detectedMask |= 1 << UInt16(finding.category.index) }
      // The rules left read other categories' results.
      for w in 0..<words {
        var bits = active[w]
        while bits != 0 {
          let r = w << 6 | bits.trailingZeroBitCount
          bits &= bits - 1
          if pack.plans[r].allowed(context: contextMask, detected: detectedMask) { apply(r) }
        }
      }
    }
    // Again for rules of the second pass (those that read other categories' results).
    if anyOverride { withdrawOverridden() }
    // By (start, end, rule id), the id looked up only on a tie.
    findings.sort { a, b in
      if a.start != b.start { return a.start < b.start }
      if a.end != b.end { return a.end < b.end }
      return pack.rules[Int(a.rule)].id < pack.rules[Int(b.rule)].id
    }
    return score(id: id)
  }

  // MARK: - Rules

  /// Finds rule `r`'s evidence and adds its findings. Called only for a rule whose `when:` and
  /// `unless:` allow it (`RulePlan.allowed`), tested by the callers: most active rules are not
  /// allowed in a given context, and a call that returned at once still paid for its frame and
  /// for copying the plan.
  mutating func apply(_ r: Int) {
    let plan = pack.plans[r]
    // Take the buffer out (so it is uniquely referenced and keeps its capacity), put it back after.
    var candidates: [(span: Range<Int>, list: Int32, entry: Int32)] = []
    swap(&candidates, &scratchCandidates)
    // Emptied element by element: a handful of plain tuples, and `removeAll(keepingCapacity:)`
    // goes through the general `replaceSubrange`.
    while candidates.popLast() != nil {}
    // A rule has a handful of candidates: one allocation per reply instead of growing 1, 2, 4, 8….
    if candidates.capacity == 0 { candidates.reserveCapacity(16) }
    defer { swap(&candidates, &scratchCandidates) }
    let view = analysis.text.view, language = analysis.language
    for list in pack.triggerLists[r] {
      for hit in hits.hits(in: list) {
        let start = EvaluationRun.extendedStart(hit.start, in: view, language: language)
        candidates.append((start..<EvaluationRun.extendedEnd(hit.end, in: view, language: language), list, hit.entry))
      }
    }
    if plan.hasRegex {
      for entry in pack.regexCache.expressions(for: r) where entry.gate.map({ view.contains($0) }) ?? true {
        for span in regexSpans(entry.regex) { candidates.append((span, -1, -1)) }
      }
    }
    var fromCheck: [Range<Int>] = []
    if let check = plan.check { fromCheck = spans(of: check, plan: plan, index: r) }
    guard !candidates.isEmpty || !fromCheck.isEmpty else { return }

    var accepted: [(span: Range<Int>, list: Int32, entry: Int32)] = []
    swap(&accepted, &scratchAccepted)
    while accepted.popLast() != nil {}
    if accepted.capacity == 0 { accepted.reserveCapacity(16) }
    defer { swap(&accepted, &scratchAccepted) }
    if candidates.count > 1 {
      candidates.sort { ($0.span.lowerBound, -$0.span.count) < ($1.span.lowerBound, -$1.span.count) }
    }
    for candidate in candidates {
      if let last = accepted.last, candidate.span.lowerBound < last.span.upperBound { continue }
      if analysis.isQuoted(candidate.span) { continue }
      // The customer's name is never evidence of anything else ("Hi Hun," is not a pet name).
      if !nameSpans.isEmpty && nameSpans.contains(where: { $0.overlaps(candidate.span) }) { continue }
      if plan.skipNegated && analysis.isNegated(candidate.span) { continue }
      if plan.hasConditionBlocks
        && !EvaluationRun.conditionsHold(
          index: r, span: candidate.span, pack: pack, analysis: analysis, hits: hits, customerHits: customerHits)
      {
        continue
      }
      accepted.append(candidate)
    }
    for span in fromCheck
    where !plan.hasConditionBlocks
      || EvaluationRun.conditionsHold(index: r, span: span, pack: pack, analysis: analysis, hits: hits, customerHits: customerHits)
    {
      accepted.append((span, -1, -1))
    }
    guard accepted.count >= plan.minimumCount else { return }
    // With `min: N`, only the N-th occurrence is reported.
    let reported = plan.minimumCount > 1 ? (plan.minimumCount - 1)..<plan.minimumCount : 0..<accepted.count
    var penaltyLeft = plan.penalty * 2
    // Most replies get a handful of findings: one allocation instead of growing 1, 2, 4, 8….
    if findings.capacity == 0 { findings.reserveCapacity(16) }
    for k in reported {
      let item = accepted[k]
      let original = analysis.text.originalRange(item.span)
      if plan.overridesOthers { anyOverride = true }
      let points: Int
      if plan.kind == .issue {
        points = -min(plan.penalty, penaltyLeft)
        penaltyLeft -= -points
      } else {
        points = plan.score
      }
      findings.append(
        PendingFinding(
          rule: Int32(r), category: plan.category, kind: plan.kind, severity: plan.severity,
          start: original.lowerBound, end: original.upperBound, points: points, list: item.list, entry: item.entry))
    }
  }

  /// Drops the findings of rules that a fired rule `overrides:` in the same sentence.
  mutating func withdrawOverridden() {
    var drop = [Bool](repeating: false, count: findings.count)
    for i in findings.indices {
      let targets = pack.overrides[Int(findings[i].rule)]
      guard !targets.isEmpty else { continue }
      let sentence = sentenceRange(ofOriginal: findings[i].start)
      for j in findings.indices where j != i && targets.contains(findings[j].rule) {
        if sentence.contains(findings[j].start) {
          drop[j] = true
        }
      }
    }
    guard drop.contains(true) else { return }
    var kept: [PendingFinding] = []
    kept.reserveCapacity(findings.count)
    for i in findings.indices where !drop[i] { kept.append(findings[i]) }
    findings = kept
  }

  /// The sentence around an offset of the original text, in original scalar offsets.
  func sentenceRange(ofOriginal offset: Int) -> Range<Int> {
    for sentence in analysis.sentences {
      let original = analysis.text.originalRange(sentence.range)
      if original.contains(offset) { return original }
    }
    return offset..<(offset + 1)
  }

  /// Whether a reply-level condition holds (used by scoring for `missing` rules).
  func holds(_ plan: RulePlan) -> Bool {
    plan.allowed(context: contextMask, detected: detectedMask)
  }

  /// Whether rule `r`'s condition blocks hold for a span. Static, given what it reads: as a
  /// method called from the mutating `apply`, each call first copied the whole run.
  static func conditionsHold(
    index r: Int, span: Range<Int>, pack: GuidelinePack, analysis: TextAnalysis, hits: HitIndex, customerHits: HitIndex?
  ) -> Bool {
    let scopes = pack.conditionScopes[r]
    let count = analysis.text.view.count
    let sentence = analysis.sentenceIndex(at: span.lowerBound).map { analysis.sentences[$0].range } ?? 0..<count
    for (b, scope) in scopes.enumerated() {
      let lists = pack.conditionLists[r][b]
      let found: Bool
      switch scope {
      case .alsoInSentence, .notInSentence:
        found = anyHit(lists, within: sentence, hits: hits, analysis: analysis)
      case .afterInSentence, .notAfterInSentence:
        found = anyHit(lists, within: span.upperBound..<max(span.upperBound, sentence.upperBound), hits: hits, analysis: analysis)
      case .beforeInSentence, .notBeforeInSentence:
        found = anyHit(lists, within: sentence.lowerBound..<max(sentence.lowerBound, span.lowerBound), hits: hits, analysis: analysis)
      case .alsoInReply, .notInReply:
        found = anyHit(lists, within: 0..<count, hits: hits, analysis: analysis)
      case .alsoInCustomer, .notInCustomer:
        found = customerHits.map { index in lists.contains { !index.hits(in: $0).isEmpty } } ?? false
      }
      if found == scope.isNegative { return false }
    }
    return true
  }

  /// Whether any of the lists has an unquoted hit inside `range`.
  static func anyHit(_ lists: [Int32], within range: Range<Int>, hits: HitIndex, analysis: TextAnalysis) -> Bool {
    for list in lists {
      let listHits = hits.hits(in: list)
      // Hits are sorted by start: jump to the first one inside the range.
      var lo = listHits.startIndex, hi = listHits.endIndex
      while lo < hi {
        let mid = (lo + hi) / 2
        if listHits[mid].start < range.lowerBound { lo = mid + 1 } else { hi = mid }
      }
      var i = lo
      while i < listHits.endIndex && listHits[i].start < range.upperBound {
        let hit = listHits[i]
        if hit.end <= range.upperBound && !analysis.isQuoted(hit.start..<hit.end) { return true }
        i += 1
      }
    }
    return false
  }

  // The two below are static, given the view and language: as methods called from the
  // mutating `apply`, each call first copied the whole run.

  /// Korean matches cover whole words: a `*` phrase found inside a word starts the evidence at
  /// the word's start (`정말죄송합니다`).
  static func extendedStart(_ start: Int, in view: [UInt32], language: Language) -> Int {
    guard language == .ko, start < view.count, Hangul.isSyllable(view[start]) || Chars_isLatin(view[start]) else {
      return start
    }
    var s = start
    while s > 0 && PhraseMatcher.isWordScalar(view[s - 1]) { s -= 1 }
    // A number with thousands separators is one word: '35,000원이십니다', not '000원이십니다'.
    while s >= 2 && view[s - 1] == 0x2C && view[s - 2] == 0x30 && view[s] == 0x30 {
      s -= 1
      while s > 0 && PhraseMatcher.isWordScalar(view[s - 1]) { s -= 1 }
    }
    return s
  }

  /// Korean matches extend to the end of their word (endings attach); `*`-ended English ones too.
  static func extendedEnd(_ end: Int, in view: [UInt32], language: Language) -> Int {
    var e = end
    if language == .ko {
      while e < view.count && PhraseMatcher.isWordScalar(view[e]) && !(view[e] >= 0x3131 && view[e] <= 0x318E) { e += 1 }
    } else if e > 0 && PhraseMatcher.isWordScalar(view[e - 1]) {
      // The rest of the word, stretched letters included ("Thank yoooouuu").
      while e < view.count && (PhraseMatcher.isWordScalar(view[e]) || view[e] == NormalizedText.ignorable) { e += 1 }
    }
    return e
  }

  // MARK: - Findings as reported

  /// The findings as reported, in `findings`' order: each one's excerpt cut out of the text as
  /// given, in one pass over the sorted offsets (scalar offsets are found by walking the UTF-8
  /// lead bytes once, or are the byte offsets themselves when the text is ASCII; no per-scalar
  /// string building, no string indices), and its message and suggestion filled in.
  func makeFindings() -> [Finding] {
    var out: [Finding] = []
    out.reserveCapacity(findings.count)
    // The offsets to cut, sorted; one walk over the UTF-8 bytes finds each one's index.
    var wanted: [Int] = []
    wanted.reserveCapacity(2 * findings.count)
    for k in findings.indices where findings[k].start < findings[k].end {
      wanted.append(findings[k].start)
      wanted.append(findings[k].end)
    }
    guard !wanted.isEmpty else {
      for k in findings.indices { out.append(finding(findings[k], excerpt: "")) }
      return out
    }
    wanted.sort()
    var text = analysis.text.original
    // One byte per scalar: the text is ASCII, and a scalar offset is its byte offset.
    let ascii = text.utf8.count == analysis.text.originalScalarCount
    text.withUTF8 { bytes in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: wanted.count) { offsets in
        // Byte offset of every wanted scalar offset (a scalar's length is read off its lead byte).
        var scalar = 0, i = 0
        for (w, target) in wanted.enumerated() {
          if ascii {
            i = target
          } else {
            while scalar < target && i < bytes.count {
              let lead = bytes[i]
              i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
              scalar += 1
            }
          }
          offsets.initializeElement(at: w, to: min(i, bytes.count))
        }
        func offset(_ scalarOffset: Int) -> Int {
          var lo = 0, hi = wanted.count - 1
          while lo < hi {
            let mid = (lo + hi) / 2
            if wanted[mid] < scalarOffset { lo = mid + 1 } else { hi = mid }
          }
          return offsets[lo]
        }
        for k in findings.indices {
          let f = findings[k]
          let excerpt =
            f.start < f.end
            ? String(decoding: UnsafeBufferPointer(rebasing: bytes[offset(f.start)..<offset(f.end)]), as: UTF8.self) : ""
          out.append(finding(f, excerpt: excerpt))
        }
        _ = offsets.deinitialize()
      }
    }
    return out
  }

  /// A finding as reported: its rule's id, message and (for an issue) suggestion, with any
  /// `{match}`/`{replacement}`/`{name}` filled in.
  func finding(_ f: PendingFinding, excerpt: String) -> Finding {
    // Field by field: a whole `GuidelineRule` copied would retain all its arrays and strings.
    let r = Int(f.rule)
    var message = pack.rules[r].message
    var suggestion = f.kind == .issue ? pack.rules[r].suggestion : nil
    if pack.plans[r].messageHasPlaceholder || pack.plans[r].suggestionHasPlaceholder {
      let replacement = f.list >= 0 ? pack.replacements[Int(f.list)][Int(f.entry)] : nil
      let name = customerName
      if let template = pack.messageTemplates[r] {
        message = template.fill(match: excerpt, replacement: replacement, name: name)
      }
      if suggestion != nil, let template = pack.suggestionTemplates[r] {
        suggestion = template.fill(match: excerpt, replacement: replacement, name: name)
      }
    }
    return Finding(
      rule: pack.rules[r].id, category: f.category, kind: f.kind, severity: f.severity, start: f.start, end: f.end, excerpt: excerpt,
      message: message, suggestion: suggestion, points: f.points)
  }

  // MARK: - Regular expressions

  mutating func regexSpans(_ regex: NSRegularExpression) -> [Range<Int>] {
    let text = analysis.text.nfc
    if scalarOffsetOfUTF16 == nil {
      var map: [Int] = []
      map.reserveCapacity(text.utf16.count + 1)
      var scalar = 0
      for unit in text.utf16 {
        map.append(scalar)
        if !UTF16.isLeadSurrogate(unit) { scalar += 1 }
      }
      map.append(scalar)
      scalarOffsetOfUTF16 = map
    }
    let map = scalarOffsetOfUTF16!
    return regex.matches(in: text, range: NSRange(location: 0, length: map.count - 1)).compactMap { m in
      guard m.range.length > 0 else { return nil }
      return map[m.range.location]..<map[m.range.location + m.range.length]
    }
  }
}

/// A finding while a reply is scored: plain values (its rule's strings are read when the
/// `Finding` is built), so that adding, withdrawing and sorting findings copies and retains no
/// string.
struct PendingFinding {
  var rule: Int32
  var category: Category
  var kind: RuleKind
  var severity: Severity
  /// Offsets in Unicode scalars of the reply text as given (as `Finding`'s).
  var start: Int
  var end: Int
  var points: Int
  /// The phrase list and entry that matched (for `{replacement}`), or -1 for a check or regex.
  var list: Int32
  var entry: Int32
}

@inline(__always) func Chars_isLatin(_ v: UInt32) -> Bool { v >= 0x61 && v <= 0x7A }

@inline(__always) func Chars_isBreak(_ v: UInt32) -> Bool { v == 0x20 || v == 0x0A }

@inline(__always) func isTrailingPunctuation(_ v: UInt32) -> Bool {
  switch v {
  case 0x21, 0x22, 0x27, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5D, 0x7D, 0x7E, 0x5E, 0x2026, 0x3002: return true
  default: return (v >= 0x3131 && v <= 0x318E) || (v >= 0x1F000 && v <= 0x1FAFF)
  }
}
