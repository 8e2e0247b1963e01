import CoachDiagnostics
import CoachGuidelines
import Foundation
import Testing

@Suite("Rule files: loading errors say file:line:column")
struct RuleFileTests {
  func load(_ files: [String: String]) throws -> (GuidelineLibrary, TemporaryFolder) {
    let folder = try TemporaryFolder()
    for (path, text) in files { try folder.write(path, text) }
    return (GuidelineLibrary.load(directories: [folder.url.path]), folder)
  }

  func rendered(_ library: GuidelineLibrary, _ folder: TemporaryFolder) -> [String] {
    library.diagnostics.sortedByLocation().map { d in
      "\(d.location.map { "\(URL(fileURLWithPath: $0.path).lastPathComponent):\($0.line):\($0.column)" } ?? "-"): \(d.severity.rawValue): \(d.message) [\(d.code)]"
    }
  }

  static let validRule = """
    format 1

    rule ko.apology.test
      category: apology
      kind: strength
      severity: info
      principles: A1
      message: 사과했습니다.
      phrases:
        죄송하다~
      match: [[죄송합니다]].
      no-match: 감사합니다.

    """

  @Test("a valid file loads and its rule matches its conjugations")
  func valid() throws {
    let (library, _) = try load(["ko/a.rules": Self.validRule])
    #expect(library.diagnostics.filter(\.isError).isEmpty)
    let e = Evaluator(library: library).evaluate("정말 죄송해요.")
    #expect(e.has(rule: "ko.apology.test"))
  }

  @Test("a file saved with Windows line endings loads the same rule, with the same positions")
  func crlfLineEndings() throws {
    let crlf = Self.validRule.replacingOccurrences(of: "\n", with: "\r\n")
    let (library, _) = try load(["ko/a.rules": crlf])
    #expect(library.diagnostics.filter(\.isError).isEmpty)
    #expect(library.rules.map(\.id) == ["ko.apology.test"])
    #expect(Evaluator(library: library).evaluate("정말 죄송해요.").has(rule: "ko.apology.test"))
    // A mistake is still reported at its line and column.
    let broken = crlf.replacingOccurrences(of: "kind: strength", with: "kind: strenght")
    let (bad, folder) = try load(["ko/a.rules": broken])
    #expect(rendered(bad, folder).contains { $0.hasPrefix("a.rules:5:") })
  }

  /// A one-rule Korean tone file, `ko.tone.test`, for phrase-syntax tests.
  func koToneTestRule(phrases: String, match: String, noMatch: String) -> String {
    """
    format 1

    rule ko.tone.test
      category: tone
      kind: issue
      severity: info
      penalty: 10
      principles: T3
      message: 테스트
      suggest: 네, 확인했습니다.
      phrases:
        \(phrases)
      match: \(match)
      no-match: \(noMatch)

    """
  }

  /// The excerpts `ko.tone.test` finds in a text.
  func koToneTestExcerpts(_ evaluator: Evaluator) -> (String) -> [String] {
    { text in evaluator.evaluate(text).findings.filter { $0.rule == "ko.tone.test" }.map(\.excerpt) }
  }

  @Test("a Korean phrase runs on into endings unless '$' ends it at the word's end; '*' lets it begin inside a word")
  func wordEnds() throws {
    let (library, _) = try load(["ko/a.rules": koToneTestRule(phrases: "헐$ | 대박 | *ㅋㅋ", match: "[[헐]].", noMatch: "감사합니다.")])
    #expect(library.diagnostics.filter(\.isError).isEmpty)
    let excerpts = koToneTestExcerpts(Evaluator(library: library))
    #expect(excerpts("헐, 정말요.") == ["헐"])
    #expect(excerpts("헐값에 팔지 않습니다.").isEmpty)
    #expect(excerpts("대박이네요.") == ["대박이네요"])
    #expect(excerpts("확인했어요ㅋㅋ") == ["ㅋㅋ"])
  }

  @Test("an escaped tilde is a literal '~', not conjugation; an unescaped one on a non-다 word is an error")
  func literalTilde() throws {
    func rule(_ phrases: String) -> String {
      koToneTestRule(phrases: phrases, match: "[[어머님~]] 확인했어요.", noMatch: "어머님께서 쾌차하시길 바랍니다.")
    }
    let (library, _) = try load(["ko/a.rules": rule("어머님\\~ | 언니,")])
    #expect(library.diagnostics.filter(\.isError).isEmpty)
    let excerpts = koToneTestExcerpts(Evaluator(library: library))
    #expect(excerpts("어머님~ 환불은 월요일에 들어갔어요.") == ["어머님~"])
    #expect(excerpts("어머님께서 쾌차하시길 바랍니다.").isEmpty)
    let (broken, _) = try load(["ko/a.rules": rule("어머님~")])
    #expect(broken.diagnostics.contains { $0.isError && $0.message.contains("does not end in 다") })
  }

  @Test("unknown key, unknown category (with did-you-mean), bad severity: all reported with positions")
  func manyErrors() throws {
    let text = """
      format 1
      rule ko.apology.bad
        category: apolgy
        kind: issue
        severity: severe
        principles: A1, Z9
        message: m
        suggest: s
        phrase:
          죄송
        phrases:
          죄송
      """
    let (library, folder) = try load(["ko/bad.rules": text])
    let lines = rendered(library, folder)
    #expect(lines.contains("bad.rules:3:13: error: unknown category 'apolgy'; expected one of 'empathy', 'gratitude', 'apology', 'plain_language', 'ownership', 'resolution', 'personalization', 'closing', 'tone' [unknown-category]"))
    #expect(lines.contains("bad.rules:5:13: error: unknown severity 'severe'; expected one of 'critical', 'warning', 'info' [bad-value]"))
    #expect(lines.contains { $0.hasPrefix("bad.rules:6:15: error: unknown principle 'Z9'") })
    #expect(lines.contains("bad.rules:9:3: error: unknown key 'phrase' in rule 'ko.apology.bad' [unknown-key]"))
    let categoryError = library.diagnostics.first { $0.code == "unknown-category" }
    #expect(categoryError?.notes.first?.message == "did you mean 'apology'?")
  }

  @Test("a phrase with a space before its comma or full stop is a warning: replies write 'word,'")
  func spaceBeforePunctuation() throws {
    let text = """
      format 1
      rule en.empathy.understands
        category: empathy
        kind: strength
        severity: info
        principles: E1
        message: m
        phrases:
          i understand (—|,)
          i hear you
      """
    let (library, folder) = try load(["en/space.rules": text])
    let lines = rendered(library, folder)
    #expect(lines.contains { $0.hasPrefix("space.rules:9:5: warning: the phrase 'i understand ,' has a space before its punctuation") && $0.hasSuffix("[space-before-punctuation]") })
    #expect(!lines.contains { $0.hasPrefix("space.rules:10:") })
    // Written with the space, the comma choice misses 'I understand,' as people type it; the dash
    // choice (a spaced dash is how it is typed) still matches.
    let evaluator = Evaluator(library: library)
    #expect(evaluator.evaluate("I understand, and I've refunded it.", context: EvaluationContext(language: .en)).findings.isEmpty)
    #expect(evaluator.evaluate("I understand — I've refunded it.", context: EvaluationContext(language: .en)).findings.count == 1)
  }

  @Test("a rule that can never fire is an error")
  func neverFires() throws {
    let text = """
      format 1
      rule ko.apology.never
        category: apology
        kind: strength
        severity: info
        principles: A1
        message: m
        when: company-at-fault
        unless: company-at-fault
        phrases:
          죄송
      rule ko.apology.blocked
        category: apology
        kind: strength
        severity: info
        principles: A1
        message: m
        phrases:
          정말 죄송
        not-in-sentence:
          죄송
      rule ko.apology.regex
        category: apology
        kind: strength
        severity: info
        principles: A1
        message: m
        regex: (unclosed
      """
    let line = """
      format 1
      rule en.tone.line
        category: tone
        kind: issue
        severity: info
        principles: T3
        message: m
        suggest: s
        phrases:
          (a|the) manager is away
          managers are away | (the|a) supervisor is away
        not-in-reply:
          manager
      """
    let (library, folder) = try load(["ko/never.rules": text, "en/line.rules": line])
    let lines = rendered(library, folder)
    // One line whose every phrase holds a blocking word is reported at that line; 'managers' is
    // another word than 'manager', so the next line can fire.
    #expect(lines.contains("line.rules:10:5: error: every phrase of this line contains 'manager' from the rule's own 'not-in-…' block, so the line can never fire [never-matches]"))
    #expect(!lines.contains { $0.hasPrefix("line.rules:11:") })
    #expect(lines.contains { $0.contains("'company-at-fault' is in both 'when:' and 'unless:'") })
    #expect(lines.contains { $0.hasPrefix("never.rules:12:6: error: every phrase of rule 'ko.apology.blocked'") })
    #expect(lines.contains("never.rules:28:10: error: invalid regular expression '(unclosed' [bad-regex]"))
  }

  @Test("a phrase silenced by its own rule's 'not-in-…' block is found even when the rest of its line can fire")
  func partlySilencedLine() throws {
    let text = """
      format 1
      rule en.closing.offer
        category: closing
        kind: strength
        severity: info
        principles: C1
        message: m
        phrases:
          (is there|) anything else (i can help you with|you need)
        not-in-reply:
          i can help you
      """
    let (library, _) = try load(["en/offer.rules": text])
    // The loader rejects a line only when every phrase of it is silenced; here two of four are.
    #expect(!library.diagnostics.contains { $0.code == "never-matches" })
    let silenced = try #require(library.pack(for: .en)).phrasesSilencedByTheirOwnRule()
    #expect(silenced.count == 1)
    #expect(silenced.first?.rule == "en.closing.offer")
    #expect(silenced.first?.expansion == "is there anything else i can help you with")
    #expect(silenced.first?.silencer == "i can help you")
    #expect(silenced.first?.count == 2)
    #expect(silenced.first?.entry.location.line == 9)
  }

  @Test("before-in-sentence and not-before-in-sentence look only before the match, in its sentence")
  func beforeInSentence() throws {
    let text = """
      format 1
      rule en.resolution.done
        category: resolution
        kind: strength
        severity: info
        principles: R1
        message: m
        phrases:
          has been refunded
        not-before-in-sentence:
          until | once
      rule en.resolution.after-sorry
        category: resolution
        kind: strength
        severity: info
        principles: R1
        message: m
        phrases:
          refund
        before-in-sentence:
          sorry
        not-after-in-sentence:
          refund
      """
    let (library, _) = try load(["en/before.rules": text])
    // A "not-after-…" phrase inside the trigger does not block it: the rule can still fire.
    #expect(library.diagnostics.filter(\.isError).isEmpty)
    let evaluator = Evaluator(library: library)
    func rules(_ reply: String) -> [String] { evaluator.evaluate(reply, context: .init(language: .en)).findings.map(\.rule) }
    #expect(rules("It has been refunded, and I'll watch it until it clears.").contains("en.resolution.done"))
    #expect(!rules("We hold it until it has been refunded.").contains("en.resolution.done"))
    #expect(!rules("Once it has been refunded you'll get an email.").contains("en.resolution.done"))
    #expect(rules("Until Friday. It has been refunded.").contains("en.resolution.done"))
    #expect(rules("Sorry, I'll refund it.").contains("en.resolution.after-sorry"))
    #expect(!rules("I'll refund it. Sorry.").contains("en.resolution.after-sorry"))
  }

  @Test("a phrase folds as text does ('www' finds 'WWW'); {n}, # and escapes work inside choices; a number is the whole number")
  func phraseFoldingMatchesText() throws {
    let text = """
      format 1
      rule en.plain-language.web
        category: plain_language
        kind: strength
        severity: info
        principles: P1
        message: m
        phrases:
          www | order {n} | {n}/{n}
          waited (for |)({n}|two|three) (hours|days) | (room \\#|gate {n}|desk #)
          (we|i) (will|'ll) (call|email) (you|\\(you\\))
      """
    let (library, _) = try load(["en/web.rules": text])
    let local = Evaluator(library: library)
    func excerpts(_ reply: String) -> [String] {
      local.evaluate(reply, context: .init(language: .en)).findings.filter { $0.rule == "en.plain-language.web" }.map(\.excerpt)
    }
    #expect(excerpts("Go to WWW dot acme dot com.") == ["WWW"])
    #expect(excerpts("Your order 48213 ships on 11/28.") == ["order 48213", "11/28"])
    #expect(excerpts("Your order ships soon.") == [])
    // {n} and # inside a choice are numbers too, not the literal characters.
    #expect(excerpts("I waited 36 hours, then waited for two days.") == ["waited 36 hours", "waited for two days"])
    #expect(excerpts("I waited {n} hours at gate {n}.") == [])
    #expect(excerpts("It's at gate 12, room #3, desk 4.") == ["gate 12", "room #", "desk 4"])
    // Escapes work inside a choice, and a contraction choice joins its word: "we'll", not "we 'll".
    #expect(excerpts("We'll call you (you) tomorrow; I will email (you).") == ["We'll call you", "I will email (you)"])
    #expect(try #require(library.pack(for: .en)).phrasesThatNeverMatch().isEmpty)
  }

  @Test("overrides: withdraws the named rule's findings in the same sentence only; an unknown or own id is an error")
  func overrides() throws {
    let text = """
      format 1
      rule en.resolution.asks
        category: resolution
        kind: strength
        severity: info
        principles: R1
        message: m
        phrases:
          your order number
      rule en.resolution.asks-again
        category: resolution
        kind: issue
        severity: warning
        principles: R4
        message: m
        suggest: s
        overrides: en.resolution.asks
        phrases:
          what's your order number
        also-in-customer:
          order {n}
        context:
          customer: My order #48213 is late.
      """
    let (library, _) = try load(["en/over.rules": text])
    #expect(library.diagnostics.filter(\.isError).isEmpty)
    // '#' in a context line is text, not a comment: the example's customer gave the number.
    #expect(library.rule("en.resolution.asks-again")?.exampleContext.customer == "My order #48213 is late.")
    let evaluator = Evaluator(library: library)
    func rules(_ reply: String, customer: String) -> [String] {
      evaluator.evaluate(reply, context: .init(customerMessage: customer, language: .en)).findings.map(\.rule)
    }
    // A number of several digits is one {n}.
    #expect(rules("What's your order number?", customer: "My order 48213 is late.") == ["en.resolution.asks-again"])
    #expect(rules("What's your order number?", customer: "My order is late.") == ["en.resolution.asks"])
    // Only the same sentence: an ask in another sentence keeps its credit.
    #expect(
      Set(rules("What's your order number? Or send your order number by email.", customer: "Order 7 is late."))
        == ["en.resolution.asks-again", "en.resolution.asks"])

    // A rule of the second pass (it reads another category's result) overrides too.
    let second = text + """

        rule en.tone.late
          category: tone
          kind: issue
          severity: info
          principles: T2
          message: m
          suggest: s
          when: resolution-detected
          overrides: en.resolution.asks
          phrases:
            send your order number
        """
    let (layered, _) = try load(["en/over.rules": second])
    let late = Evaluator(library: layered).evaluate("Please send your order number.", context: .init(customerMessage: "It is late.", language: .en))
    #expect(late.findings.map(\.rule) == ["en.tone.late"])

    let misspelt = text.replacingOccurrences(of: "overrides: en.resolution.asks", with: "overrides: en.resolution.ask")
    let (broken, _) = try load(["en/over.rules": misspelt])
    let unknown = broken.diagnostics.first { $0.code == "unknown-rule" }
    #expect(unknown?.message == "rule 'en.resolution.asks-again' overrides 'en.resolution.ask', which is not a rule of the en pack")
    #expect(unknown?.location?.line == 17)
    let own = text.replacingOccurrences(of: "overrides: en.resolution.asks", with: "overrides: en.resolution.asks-again")
    let (selfish, _) = try load(["en/over.rules": own])
    #expect(selfish.diagnostics.contains { $0.code == "bad-value" && $0.message == "rule 'en.resolution.asks-again' cannot override itself" })
  }

  @Test("an unknown set is reported with did-you-mean; duplicate ids point at the first definition")
  func setsAndDuplicates() throws {
    let rule = Self.validRule.replacingOccurrences(of: "죄송하다~", with: "@tim")
    let (library, _) = try load([
      "ko/a.rules": rule + "set time\n  오늘\n",
      "ko/b.rules": Self.validRule,
    ])
    let unknown = library.diagnostics.first { $0.code == "unknown-set" }
    #expect(unknown?.message == "unknown set '@tim' in the ko pack")
    #expect(unknown?.notes.first?.message == "did you mean '@time'?")
    let duplicate = library.diagnostics.first { $0.code == "duplicate-rule" }
    #expect(duplicate?.location?.path.hasSuffix("b.rules") == true)
    #expect(duplicate?.notes.first?.location?.path.hasSuffix("a.rules") == true)
  }

  @Test("invalid UTF-8 is reported at its line and column, and the other files still load")
  func invalidUTF8() throws {
    let folder = try TemporaryFolder()
    try folder.write("ko/good.rules", Self.validRule)
    var bytes = Array("format 1\n# ok\nrule ko.x.y\n  name: ab".utf8)
    bytes.append(0xFF)
    _ = try folder.write("ko/broken.rules", bytes: bytes)
    let library = GuidelineLibrary.load(directories: [folder.url.path])
    let error = try #require(library.diagnostics.first { $0.code == "invalid-utf8" })
    #expect(error.location?.line == 4)
    #expect(error.location?.column == 11)
    #expect(library.rule("ko.apology.test") != nil)
  }

  @Test("a company layer replaces a bundled rule with the same id and can disable another")
  func layering() throws {
    let folder = try TemporaryFolder()
    try folder.write("ko/acme.rules", """
      format 1
      disable ko.tone.slang
      rule ko.apology.sincere
        category: apology
        kind: strength
        severity: info
        score: 50
        principles: A1
        message: acme apology
        phrases:
          송구하다~
        match: 정말 [[송구합니다]].
        no-match: 죄송합니다.
      """)
    let library = GuidelineLibrary.load(directories: [repositoryRoot.appendingPathComponent("Guidelines").path, folder.url.path])
    #expect(library.diagnostics.filter(\.isError).isEmpty)
    #expect(library.rule("ko.tone.slang") == nil)
    #expect(library.rule("ko.apology.sincere")?.message == "acme apology")
    let e = Evaluator(library: library).evaluate("감사해용 송구합니다")
    #expect(!e.has(rule: "ko.tone.slang"))
    #expect(e.findings.first { $0.rule == "ko.apology.sincere" }?.message == "acme apology")
  }
}
