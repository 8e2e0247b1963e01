import CoachDiagnostics
import CoachGuidelines
import CoachText

/// Writes the output contract's JSON straight into a byte buffer (no `String` concatenation,
/// no `JSONEncoder`), with the contract's key order.
///
/// Byte for byte the same as `Evaluation.jsonObject()` except that C1 controls and bidi
/// embedding/override/isolate marks are written as `\uXXXX` escapes too, so no transcript text
/// can drive a terminal when the output is printed.
struct JSONOutput {
  /// The bytes written so far; the primitives (strings, numbers, escaping) are `JSONBuffer`'s.
  var buffer: JSONBuffer

  /// The parts of a finding object that come from its rule (everything but the offsets and
  /// the excerpt), serialised once per rule and reused while they stay the same.
  struct CachedFinding {
    var category: Category
    var kind: RuleKind
    var severity: Severity
    var message: String
    var suggestion: String?
    /// `{"rule":…,"category":…,"kind":…,"severity":…,"start":`
    var head: [UInt8]
    /// `,"message":…,"suggestion":…`
    var tail: [UInt8]
  }

  private var findingCache: [String: CachedFinding] = [:]

  init(capacity: Int = 0) {
    buffer = JSONBuffer(capacity: capacity)
  }

  var bytes: [UInt8] { buffer.bytes }

  mutating func raw(_ text: StaticString) { buffer.raw(text) }
  mutating func int(_ value: Int) { buffer.int(value) }
  mutating func optionalInt(_ value: Int?) { buffer.optionalInt(value) }
  mutating func bool(_ value: Bool) { buffer.bool(value) }
  mutating func string(_ value: String?) { buffer.string(value) }
  mutating func byte(_ value: UInt8) { buffer.append(value) }
  mutating func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

  // MARK: - Contract objects

  /// The contract's finding object, with `"turn"` appended for conversation-level findings.
  mutating func finding(_ f: Finding, turn: Int? = nil) {
    let cached: CachedFinding
    if let hit = findingCache[f.rule], hit.message == f.message, hit.suggestion == f.suggestion, hit.category == f.category,
      hit.kind == f.kind, hit.severity == f.severity
    {
      cached = hit
    } else {
      cached = JSONOutput.cache(f)
      findingCache[f.rule] = cached
    }
    append(cached.head)
    int(f.start)
    raw(",\"end\":")
    int(f.end)
    raw(",\"excerpt\":")
    string(f.excerpt)
    append(cached.tail)
    if let turn {
      raw(",\"turn\":")
      int(turn)
    }
    byte(UInt8(ascii: "}"))
  }

  private static func cache(_ f: Finding) -> CachedFinding {
    var head = JSONOutput()
    head.raw("{\"rule\":")
    head.string(f.rule)
    head.raw(",\"category\":")
    head.raw(JSONOutput.quoted(f.category))
    head.raw(f.kind == .strength ? ",\"kind\":\"strength\"" : ",\"kind\":\"issue\"")
    switch f.severity {
    case .critical: head.raw(",\"severity\":\"critical\"")
    case .warning: head.raw(",\"severity\":\"warning\"")
    case .info: head.raw(",\"severity\":\"info\"")
    }
    head.raw(",\"start\":")
    var tail = JSONOutput()
    tail.raw(",\"message\":")
    tail.string(f.message)
    tail.raw(",\"suggestion\":")
    tail.string(f.suggestion)
    return CachedFinding(
      category: f.category, kind: f.kind, severity: f.severity, message: f.message, suggestion: f.suggestion, head: head.bytes,
      tail: tail.bytes)
  }

  /// A category name as a JSON string literal.
  static func quoted(_ category: Category) -> StaticString {
    switch category {
    case .empathy: "\"empathy\""
    case .gratitude: "\"gratitude\""
    case .apology: "\"apology\""
    case .plainLanguage: "\"plain_language\""
    case .ownership: "\"ownership\""
    case .resolution: "\"resolution\""
    case .personalization: "\"personalization\""
    case .closing: "\"closing\""
    case .tone: "\"tone\""
    }
  }

  mutating func categories(_ results: [CategoryResult]) {
    raw(",\"categories\":{")
    for (i, category) in Category.allCases.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      raw(JSONOutput.quoted(category))
      raw(":{\"score\":")
      optionalInt(results[i].score)
      raw(",\"detected\":")
      bool(results[i].detected)
      byte(UInt8(ascii: "}"))
    }
    byte(UInt8(ascii: "}"))
  }

  /// `{"id","language","overall","speech_level","categories"` (no closing brace).
  mutating func head(id: String?, language: Language, overall: Int, speechLevel: SpeechLevel?, categories results: [CategoryResult]) {
    raw("{\"id\":")
    string(id)
    raw(language == .ko ? ",\"language\":\"ko\"" : ",\"language\":\"en\"")
    raw(",\"overall\":")
    int(overall)
    raw(",\"speech_level\":")
    string(speechLevel?.rawValue)
    categories(results)
  }

  /// The per-reply contract object; with `turn`, the object of a conversation's turn.
  mutating func evaluation(_ e: Evaluation, turn: Int? = nil) {
    head(id: e.id, language: e.language, overall: e.overall, speechLevel: e.speechLevel, categories: e.categories)
    raw(",\"findings\":[")
    for (i, f) in e.findings.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      finding(f)
    }
    byte(UInt8(ascii: "]"))
    if let turn {
      raw(",\"turn\":")
      int(turn)
    }
    byte(UInt8(ascii: "}"))
  }

  /// The conversation object: the reply fields for the whole conversation, plus `turns`.
  mutating func conversation(_ c: ConversationEvaluation) {
    head(id: c.id, language: c.language, overall: c.overall, speechLevel: c.speechLevel, categories: c.categories)
    raw(",\"findings\":[")
    var first = true
    for turn in c.turns {
      for f in turn.evaluation.findings {
        if !first { byte(UInt8(ascii: ",")) }
        first = false
        finding(f, turn: turn.turn)
      }
    }
    raw("],\"turns\":[")
    for (i, turn) in c.turns.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      evaluation(turn.evaluation, turn: turn.turn)
    }
    raw("]}")
  }

  /// `{"error": "…", "file": "…", "line": N}` (`line` is `null` for a whole-file problem).
  mutating func error(_ e: RecordError) {
    raw("{\"error\":")
    string(e.message)
    raw(",\"file\":")
    string(e.file)
    raw(",\"line\":")
    optionalInt(e.line)
    byte(UInt8(ascii: "}"))
  }
}
