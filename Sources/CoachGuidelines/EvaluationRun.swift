import CoachText
import Foundation

/// The work of scoring one reply: phrase hits, conditions, checks, findings and scores.
struct EvaluationRun {
  let pack: GuidelinePack
  let analysis: TextAnalysis
  let context: EvaluationContext
  let library: GuidelineLibrary
  let hits: HitIndex
  let customer: CustomerSignals
  let customerHits: HitIndex?
  let customerText: NormalizedText?
  var findings: [Finding] = []
  var detected = Set<Category>()
  let nameSpans: [Range<Int>]
  private var originalScalars: [Unicode.Scalar]?

  var view: [UInt32] { analysis.text.view }

  init(pack: GuidelinePack, analysis: TextAnalysis, context: EvaluationContext, library: GuidelineLibrary) {
    self.pack = pack
    self.analysis = analysis
    self.context = context
    self.library = library
    hits = HitIndex(pack: pack, view: analysis.text.view)
    nameSpans = EvaluationRun.nameSpans(in: analysis, name: context.customerName)
    if let message = context.customerMessage, !message.isEmpty {
      let text = NormalizedText(message)
      let language = text.detectedLanguage ?? pack.language
      let customerPack = library.pack(for: language) ?? pack
      let index = HitIndex(pack: customerPack, view: text.view)
      customer = CustomerSignals(pack: customerPack, hits: index)
      customerHits = customerPack.language == pack.language ? index : HitIndex(pack: pack, view: text.view)
      customerText = text
    } else {
      customer = CustomerSignals()
      customerHits = nil
      customerText = nil
    }
  }

  mutating func evaluate(id: String?) -> Evaluation {
    for (r, rule) in pack.rules.enumerated() where !rule.dependsOnCategories { apply(rule, index: r) }
    detected = Set(findings.filter { $0.kind == .strength }.map(\.category))
    for (r, rule) in pack.rules.enumerated() where rule.dependsOnCategories { apply(rule, index: r) }
    findings.sort { ($0.start, $0.end, $0.rule) < ($1.start, $1.end, $1.rule) }
    return score(id: id)
  }

  // MARK: - Rules

  mutating func apply(_ rule: GuidelineRule, index r: Int) {
    guard rule.when.allSatisfy(holds), !rule.unless.contains(where: holds) else { return }
    var candidates: [(span: Range<Int>, list: Int32, entry: Int32)] = []
    for list in pack.triggerLists[r] {
      for hit in hits.hits(in: list) {
        candidates.append((extendedStart(hit.start)..<extendedEnd(hit.start, hit.end), list, hit.entry))
      }
    }
    for regex in compiledRegexes(rule) { for span in regexSpans(regex) { candidates.append((span, -1, -1)) } }
    var fromCheck: [Range<Int>] = []
    if let check = rule.check { fromCheck = spans(of: check, rule: rule, index: r) }
    guard !candidates.isEmpty || !fromCheck.isEmpty else { return }

    let checkUnquoted = rule.unless.contains { $0.kind == .negated }
    var accepted: [(span: Range<Int>, list: Int32, entry: Int32)] = []
    candidates.sort { ($0.span.lowerBound, -$0.span.count) < ($1.span.lowerBound, -$1.span.count) }
    for candidate in candidates {
      if let last = accepted.last, candidate.span.lowerBound < last.span.upperBound { continue }
      if analysis.isQuoted(candidate.span) { continue }
      if checkUnquoted && analysis.isNegated(candidate.span) { continue }
      if !conditionsHold(rule, index: r, span: candidate.span) { continue }
      accepted.append(candidate)
    }
    for span in fromCheck where conditionsHold(rule, index: r, span: span) { accepted.append((span, -1, -1)) }
    guard accepted.count >= rule.minimumCount else { return }
    let reported = rule.minimumCount > 1 ? [accepted[rule.minimumCount - 1]] : accepted
    var penaltyLeft = rule.penalty * 2
    for item in reported {
      let replacement = item.list >= 0 ? pack.replacements[Int(item.list)][Int(item.entry)] : nil
      let original = analysis.text.originalRange(item.span)
      let excerpt = self.excerpt(original)
      let points: Int
      if rule.kind == .issue {
        points = -min(rule.penalty, penaltyLeft)
        penaltyLeft -= -points
      } else {
        points = rule.score
      }
      findings.append(
        Finding(
          rule: rule.id, category: rule.category, kind: rule.kind, severity: rule.severity,
          start: original.lowerBound, end: original.upperBound, excerpt: excerpt,
          message: fill(rule.message, excerpt: excerpt, replacement: replacement),
          suggestion: rule.kind == .issue ? rule.suggestion.map { fill($0, excerpt: excerpt, replacement: replacement) } : nil,
          points: points))
    }
  }

  func holds(_ condition: Condition) -> Bool {
    switch condition.kind {
    case .customerMessage: customerText != nil
    case .customerUpset: customer.upset
    case .customerConfused: customer.confused
    case .customerFeedback: customer.feedback
    case .companyAtFault: context.companyAtFault == true
    case .nameKnown: !(context.customerName ?? "").trimmingSpaces().isEmpty
    case .nameUsed: !nameSpans.isEmpty
    case .finalReply: context.isFinalReply == true
    case .detected: condition.category.map { detected.contains($0) } ?? false
    case .negated, .quoted: false  // judged per match, not per reply
    }
  }

  func conditionsHold(_ rule: GuidelineRule, index r: Int, span: Range<Int>) -> Bool {
    guard !rule.conditions.isEmpty else { return true }
    let sentence = analysis.sentenceIndex(at: span.lowerBound).map { analysis.sentences[$0].range } ?? 0..<view.count
    for (b, block) in rule.conditions.enumerated() {
      let lists = pack.conditionLists[r][b]
      let found: Bool
      switch block.scope {
      case .alsoInSentence, .notInSentence:
        found = anyHit(lists, within: sentence, excluding: nil)
      case .afterInSentence, .notAfterInSentence:
        found = anyHit(lists, within: span.upperBound..<max(span.upperBound, sentence.upperBound), excluding: nil)
      case .alsoInReply, .notInReply:
        found = anyHit(lists, within: 0..<view.count, excluding: nil)
      case .alsoInCustomer, .notInCustomer:
        found = customerHits.map { index in lists.contains { !index.hits(in: $0).isEmpty } } ?? false
      }
      if found == block.scope.isNegative { return false }
    }
    return true
  }

  func anyHit(_ lists: [Int32], within range: Range<Int>, excluding: Range<Int>?) -> Bool {
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

  /// Korean matches cover whole words: a `*` phrase found inside a word starts the evidence at
  /// the word's start (`정말죄송합니다`).
  func extendedStart(_ start: Int) -> Int {
    guard analysis.language == .ko, start < view.count, Hangul.isSyllable(view[start]) || Chars_isLatin(view[start]) else {
      return start
    }
    var s = start
    while s > 0 && PhraseMatcher.isWordScalar(view[s - 1]) { s -= 1 }
    return s
  }

  /// Korean matches extend to the end of their word (endings attach); `*`-ended English ones too.
  func extendedEnd(_ start: Int, _ end: Int) -> Int {
    var e = end
    if analysis.language == .ko {
      while e < view.count && PhraseMatcher.isWordScalar(view[e]) && !(view[e] >= 0x3131 && view[e] <= 0x318E) { e += 1 }
    } else if e > 0 && PhraseMatcher.isWordScalar(view[e - 1]) {
      while e < view.count && PhraseMatcher.isWordScalar(view[e]) { e += 1 }
    }
    return e
  }

  func fill(_ template: String, excerpt: String, replacement: String?) -> String {
    var s = template
    if s.contains("{") {
      s = s.replacingAll("{match}", with: excerpt)
      s = s.replacingAll("{replacement}", with: replacement ?? "")
      s = s.replacingAll("{name}", with: context.customerName ?? "")
    }
    return s
  }

  mutating func excerpt(_ range: Range<Int>) -> String {
    if range.isEmpty { return "" }
    if originalScalars == nil { originalScalars = Array(analysis.text.original.unicodeScalars) }
    var s = String.UnicodeScalarView()
    s.append(contentsOf: originalScalars![range.clamped(to: 0..<originalScalars!.count)])
    return String(s)
  }

  // MARK: - Regular expressions

  func compiledRegexes(_ rule: GuidelineRule) -> [NSRegularExpression] {
    guard !rule.regexes.isEmpty else { return [] }
    return pack.regexCache.expressions(for: rule.id)
  }

  func regexSpans(_ regex: NSRegularExpression) -> [Range<Int>] {
    let text = analysis.text.nfc
    let utf16 = Array(text.utf16)
    var scalarIndexOfUTF16 = [Int](repeating: 0, count: utf16.count + 1)
    var scalar = 0
    var i = 0
    while i < utf16.count {
      scalarIndexOfUTF16[i] = scalar
      if UTF16.isLeadSurrogate(utf16[i]) && i + 1 < utf16.count {
        scalarIndexOfUTF16[i + 1] = scalar
        i += 2
      } else {
        i += 1
      }
      scalar += 1
    }
    scalarIndexOfUTF16[utf16.count] = scalar
    return regex.matches(in: text, range: NSRange(location: 0, length: utf16.count)).compactMap { m in
      guard m.range.length > 0 else { return nil }
      return scalarIndexOfUTF16[m.range.location]..<scalarIndexOfUTF16[m.range.location + m.range.length]
    }
  }
}

@inline(__always) func Chars_isLatin(_ v: UInt32) -> Bool { v >= 0x61 && v <= 0x7A }

@inline(__always) func Chars_isBreak(_ v: UInt32) -> Bool { v == 0x20 || v == 0x0A }

@inline(__always) func isTrailingPunctuation(_ v: UInt32) -> Bool {
  switch v {
  case 0x21, 0x22, 0x27, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5D, 0x7D, 0x7E, 0x5E, 0x2026, 0x3002: return true
  default: return (v >= 0x3131 && v <= 0x318E) || (v >= 0x1F000 && v <= 0x1FAFF)
  }
}
