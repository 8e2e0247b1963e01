import CoachGuidelines
import CoachText

/// Writes the output contract's JSON straight into a byte buffer (no `String` concatenation,
/// no `JSONEncoder`), with the contract's key order.
///
/// Byte for byte the same as `Evaluation.jsonObject()` except that C1 controls and bidi
/// embedding/override/isolate marks are written as `\uXXXX` escapes too, so no transcript text
/// can drive a terminal when the output is printed.
struct JSONOutput {
  var bytes: [UInt8] = []

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
    bytes.reserveCapacity(capacity)
  }

  mutating func raw(_ text: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  mutating func int(_ value: Int) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      int(-value)
      return
    }
    if value < 10 {
      bytes.append(UInt8(truncatingIfNeeded: 48 + value))
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var v = value
    withUnsafeMutableBytes(of: &digits) { d in
      while v > 0 {
        d[count] = UInt8(truncatingIfNeeded: 48 + v % 10)
        v /= 10
        count += 1
      }
      for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(d[k]) }
    }
  }

  mutating func optionalInt(_ value: Int?) {
    if let value { int(value) } else { raw("null") }
  }

  mutating func bool(_ value: Bool) {
    if value { raw("true") } else { raw("false") }
  }

  mutating func string(_ value: String?) {
    guard var value else {
      raw("null")
      return
    }
    value.withUTF8 { appendEscaped($0) }
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  private mutating func escape(_ scalar: UInt32) {
    bytes.append(UInt8(ascii: "\\"))
    bytes.append(UInt8(ascii: "u"))
    bytes.append(JSONOutput.hexDigits[Int((scalar >> 12) & 0xF)])
    bytes.append(JSONOutput.hexDigits[Int((scalar >> 8) & 0xF)])
    bytes.append(JSONOutput.hexDigits[Int((scalar >> 4) & 0xF)])
    bytes.append(JSONOutput.hexDigits[Int(scalar & 0xF)])
  }

  /// Appends a JSON string literal of valid UTF-8 bytes, copying safe runs in one go.
  mutating func appendEscaped(_ p: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    var runStart = 0
    var i = 0
    let n = p.count
    func flush(_ upTo: Int, _ out: inout [UInt8]) {
      if upTo > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<upTo])) }
    }
    let raw = UnsafeRawPointer(p.baseAddress!)
    while i < n {
      // Eight bytes at a time while none can need an escape (SWAR: a byte below 0x20, or equal
      // to '"', '\\', DEL, 0xC2 or 0xE2, the lead bytes of C1 controls and of U+2028/bidi marks).
      while i + 8 <= n {
        let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if JSONOutput.mayNeedEscape(v) { break }
        i += 8
      }
      guard i < n else { break }
      let b = p[i]
      if b >= 0x20 && b != 0x22 && b != 0x5C && b < 0x7F {
        i += 1
        continue
      }
      if b >= 0x80 {
        // C1 controls (C2 80–9F), U+2028/2029 and bidi marks (E2 80 A8–AE, E2 81 A6–A9).
        if b == 0xC2 && i + 1 < n && p[i + 1] <= 0x9F {
          flush(i, &bytes)
          escape(UInt32(p[i + 1]))
          i += 2
          runStart = i
          continue
        }
        if b == 0xE2 && i + 2 < n {
          let b1 = p[i + 1], b2 = p[i + 2]
          if (b1 == 0x80 && b2 >= 0xA8 && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) {
            flush(i, &bytes)
            escape(0x2000 | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F))
            i += 3
            runStart = i
            continue
          }
        }
        i += 1
        continue
      }
      flush(i, &bytes)
      switch b {
      case 0x22: bytes.append(0x5C); bytes.append(0x22)
      case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
      case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
      case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
      case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
      default: escape(UInt32(b))
      }
      i += 1
      runStart = i
    }
    flush(n, &bytes)
    bytes.append(UInt8(ascii: "\""))
  }

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// True when some byte of `v` is below 0x20 or equals 0x22, 0x5C, 0x7F, 0xC2 or 0xE2
  /// (may be true for a clean word too; never false for a word that needs escaping).
  @inline(__always)
  static func mayNeedEscape(_ v: UInt64) -> Bool {
    @inline(__always) func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
    let below20 = (v &- ones &* 0x20) & ~v & highs
    let found = below20 | hasZero(v ^ (ones &* 0x22)) | hasZero(v ^ (ones &* 0x5C)) | hasZero(v ^ (ones &* 0x7F))
      | hasZero(v ^ (ones &* 0xC2)) | hasZero(v ^ (ones &* 0xE2))
    return found != 0
  }

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
    bytes.append(contentsOf: cached.head)
    int(f.start)
    raw(",\"end\":")
    int(f.end)
    raw(",\"excerpt\":")
    string(f.excerpt)
    bytes.append(contentsOf: cached.tail)
    if let turn {
      raw(",\"turn\":")
      int(turn)
    }
    bytes.append(UInt8(ascii: "}"))
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
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      raw(JSONOutput.quoted(category))
      raw(":{\"score\":")
      optionalInt(results[i].score)
      raw(",\"detected\":")
      bool(results[i].detected)
      bytes.append(UInt8(ascii: "}"))
    }
    bytes.append(UInt8(ascii: "}"))
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
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      finding(f)
    }
    bytes.append(UInt8(ascii: "]"))
    if let turn {
      raw(",\"turn\":")
      int(turn)
    }
    bytes.append(UInt8(ascii: "}"))
  }

  /// The conversation object: the reply fields for the whole conversation, plus `turns`.
  mutating func conversation(_ c: ConversationEvaluation) {
    head(id: c.id, language: c.language, overall: c.overall, speechLevel: c.speechLevel, categories: c.categories)
    raw(",\"findings\":[")
    var first = true
    for turn in c.turns {
      for f in turn.evaluation.findings {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        finding(f, turn: turn.turn)
      }
    }
    raw("],\"turns\":[")
    for (i, turn) in c.turns.enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
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
    bytes.append(UInt8(ascii: "}"))
  }
}
