import CoachText
import Foundation

/// Scores customer-service replies against the guideline packs and explains every point.
///
/// ```swift
/// let evaluator = Evaluator(library: try GuidelineLibrary.loadDefault())
/// let result = evaluator.evaluate("불편을 드려 죄송합니다.", context: .init(companyAtFault: true))
/// result[.apology].detected  // true
/// ```
///
/// Deterministic: the same reply, context and packs always give the same evaluation.
/// Thread-safe: one evaluator may score replies on many threads at once.
public struct Evaluator: Sendable {
  public let library: GuidelineLibrary

  public init(library: GuidelineLibrary) {
    self.library = library
  }

  /// Scores one reply. An empty reply gets overall 0 and no judged category.
  public func evaluate(_ reply: String, context: EvaluationContext = EvaluationContext(), id: String? = nil) -> Evaluation {
    let normalized = NormalizedText(reply)
    let language = context.language ?? normalized.detectedLanguage ?? .en
    guard normalized.view.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != NormalizedText.ignorable }),
      let pack = library.pack(for: language)
    else {
      return Evaluation(
        id: id, language: language, overall: 0, speechLevel: nil,
        categories: Category.allCases.map { _ in CategoryResult(score: nil, detected: false, reason: "the reply is empty") },
        findings: [])
    }
    var run = EvaluationRun(
      pack: pack, analysis: TextAnalysis(normalized: normalized, language: language), context: context, library: library)
    return run.evaluate(id: id)
  }

  /// What the evaluator reads from a customer's message: upset, confused, giving feedback.
  public func customerSignals(_ message: String, language: Language? = nil) -> CustomerSignals {
    let normalized = NormalizedText(message)
    let lang = language ?? normalized.detectedLanguage ?? .en
    guard let pack = library.pack(for: lang) ?? library.pack(for: lang == .ko ? .en : .ko) else { return CustomerSignals() }
    let hits = HitIndex(pack: pack, view: normalized.view)
    return CustomerSignals(pack: pack, hits: hits, text: normalized)
  }
}

/// The customer's state as read from their message by the packs' `customer-…` sets.
public struct CustomerSignals: Sendable, Hashable {
  public var upset = false
  public var confused = false
  /// A complaint, a suggestion, a report of a fault, or praise: feedback to thank the customer for.
  public var feedback = false
  /// Only thanks, praise or agreement ("Thanks, that worked!", "OK, I'll try that"): no problem,
  /// no confusion, no question — nothing is left to resolve.
  public var satisfied = false
  /// The message asks something: a question mark, a question the pack's `customer-question` set
  /// knows ("how do I", "바꿀 수 있나요"), or confusion.
  public var question = false

  public init(upset: Bool = false, confused: Bool = false, feedback: Bool = false, satisfied: Bool = false, question: Bool = false) {
    self.upset = upset
    self.confused = confused
    self.feedback = feedback
    self.satisfied = satisfied
    self.question = question
  }

  init(pack: GuidelinePack, hits: HitIndex, text: NormalizedText) {
    func any(_ lists: [Int32]) -> Bool { lists.contains { !hits.hits(in: $0).isEmpty } }
    let view = text.view
    let sets = pack.customerLists
    let praise = any(sets.praise)
    let thankful = praise || any(sets.thanks)
    // Exclamation marks alone do not make a thankful message upset: '감사해요!!' is delight.
    let upsetWords = sets.upset.contains { list in
      hits.hits(in: list).contains { hit in !(thankful && view[hit.start..<hit.end].allSatisfy { $0 == 0x21 }) }
    }
    // A message typed in capitals is shouted ("YOU CHARGED ME TWICE"): English only, where case means something.
    // (Capitals first: four in a row, noted as the text was normalized, or it is not shouted.)
    let angry = upsetWords || (pack.language == .en && text.longestCapitalRun >= 4 && CustomerSignals.isShouted(text.nfc))
    upset = angry || any(sets.distress)
    confused = any(sets.confused)
    // "이해가 안 돼요" is confusion, not a fault: a feedback phrase inside a confusion phrase is not feedback.
    let confusion = sets.confused.flatMap { hits.hits(in: $0) }
    let problem = sets.feedback.contains { list in
      hits.hits(in: list).contains { hit in !confusion.contains { $0.start < hit.end && hit.start < $0.end } }
    }
    let asks = view.contains { $0 == 0x3F || $0 == 0xFF1F }  // ? or ？
    satisfied = thankful && !problem && !upset && !confused && !asks
    question = asks || confused || any(sets.question)
    // A complaint is feedback; grief is not (empathy is owed, thanks for "feedback" would jar).
    feedback = problem || angry || (praise && satisfied)
  }
}

extension CustomerSignals {
  /// Whether a message is shouted: three or more words of two or more letters written all in
  /// upper case, one of them four letters or longer, either in a row ("WHERE IS MY ORDER?? It's been
  /// two weeks") or making up at least 60% of the message's words. A few acronyms in a sentence
  /// ("my ISP says the DNS is down") are not shouting.
  /// Callers test `NormalizedText.longestCapitalRun >= 4` first: a shouted message has a capital
  /// word of four letters or more.
  static func isShouted(_ text: String) -> Bool {
    var words = 0, capitalWords = 0, hasLongCapitalWord = false
    var run = 0, runHasLongWord = false, shoutedRun = false
    var letters = 0, upper = 0, inWord = false
    func endWord() {
      guard inWord else { return }
      words += 1
      if letters >= 2 && upper == letters {
        capitalWords += 1
        run += 1
        if letters >= 4 { hasLongCapitalWord = true; runHasLongWord = true }
        if run >= 3 && runHasLongWord { shoutedRun = true }
      } else {
        run = 0
        runHasLongWord = false
      }
      letters = 0
      upper = 0
      inWord = false
    }
    for scalar in text.unicodeScalars {
      let v = scalar.value
      let isLetter = scalar.isASCII ? (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A : scalar.properties.isAlphabetic
      if isLetter {
        inWord = true
        letters += 1
        if scalar.isASCII ? v <= 0x5A : scalar.properties.isUppercase { upper += 1 }
      } else if scalar != "'" && scalar != "\u{2019}" {
        endWord()
      }
    }
    endWord()
    return shoutedRun || (capitalWords >= 3 && hasLongCapitalWord && capitalWords * 10 >= words * 6)
  }
}

/// Phrase occurrences of one text, grouped by list.
struct HitIndex {
  struct Hit {
    var list: Int32
    var entry: Int32
    var start: Int
    var end: Int
  }

  var hits: [Hit] = []

  init(pack: GuidelinePack, view: [UInt32]) {
    let matcher = pack.matcher
    var found: [Hit] = []
    found.reserveCapacity(view.count / 4 + 8)
    let n = view.count
    matcher.scan(view, in: 0..<n) { pattern, p, fedEnd in
      // A run of digits is fed once, so a phrase ending in `{n}` is reported at the run's first
      // digit: the number is the whole run ("December 12", "10:30").
      var end = fedEnd
      if view[end - 1] == 0x30 {
        var a = end
        while a < n && (view[a] == 0x30 || view[a] == NormalizedText.ignorable) {
          if view[a] == 0x30 { end = a + 1 }
          a += 1
        }
      }
      let start = PhraseMatcher.start(length: p.length, endingAt: end, in: view)
      // Word boundaries, judged within a script: a Latin phrase may touch Hangul (OTP를).
      if !p.openStart && p.startsWithWord {
        var b = start - 1
        while b >= 0 && view[b] == NormalizedText.ignorable { b -= 1 }
        if b >= 0 && PhraseMatcher.sameScriptWord(view[b], view[start]) { return }
      }
      if !p.openEnd && p.endsWithWord {
        var a = end
        while a < n && view[a] == NormalizedText.ignorable { a += 1 }
        if a < n && PhraseMatcher.sameScriptWord(view[a], view[end - 1]) { return }
      }
      for m in Int(pack.membershipStart[Int(pattern)])..<Int(pack.membershipStart[Int(pattern) + 1]) {
        found.append(Hit(list: pack.membershipPairs[m].list, entry: pack.membershipPairs[m].entry, start: start, end: end))
      }
    }
    found.sort { ($0.list, $0.start, $0.end) < ($1.list, $1.start, $1.end) }
    hits = found
  }

  /// The occurrences of one list, in text order.
  func hits(in list: Int32) -> ArraySlice<Hit> {
    var lo = 0, hi = hits.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if hits[mid].list < list { lo = mid + 1 } else { hi = mid }
    }
    guard lo < hits.count, hits[lo].list == list else { return hits[lo..<lo] }
    var end = lo + 1
    hi = hits.count
    while end < hi {
      let mid = (end + hi) / 2
      if hits[mid].list <= list { end = mid + 1 } else { hi = mid }
    }
    return hits[lo..<end]
  }
}
