import CoachDiagnostics
import CoachText

/// All rules of one language, compiled: every phrase of every rule, condition and set goes into
/// one `PhraseMatcher`, and each phrase knows which lists it belongs to.
public final class GuidelinePack: Sendable {
  public let language: Language
  public let rules: [GuidelineRule]
  let matcher: PhraseMatcher
  /// For each matcher pattern `p`: the (list, entry) pairs it belongs to are
  /// `membershipPairs[membershipStart[p]..<membershipStart[p + 1]]` (flat, so a hit costs one
  /// memory access fewer than an array per pattern).
  let membershipStart: [Int32]
  let membershipPairs: [(list: Int32, entry: Int32)]
  /// Replacement text per list entry (plain-language lists), indexed [list][entry].
  let replacements: [[String?]]
  /// Lists a rule's trigger reads (its own phrases and the sets it names).
  let triggerLists: [[Int32]]
  /// Per rule, per condition block: the lists it reads.
  let conditionLists: [[[Int32]]]
  /// Per rule: the lists of a check's `@set` (with the sets it includes), if any.
  let checkLists: [[Int32]?]
  /// Lists of the named sets, by name.
  let setLists: [String: Int32]
  let listCount: Int
  let regexCache: RegexCache
  /// Hot-path data per rule, index-aligned with `rules`.
  let plans: [RulePlan]
  /// Per rule: the rules whose findings in the same sentence its findings withdraw (`overrides:`).
  let overrides: [[Int32]]
  /// For each list: the rules whose trigger reads it (a rule runs only when its lists were hit).
  let rulesByList: [[Int32]]
  /// Rules that run on every reply: checks and regular expressions.
  let alwaysActiveRules: [Int32]
  /// Per category: its `check: missing` rules.
  let missingRulesByCategory: [[Int32]]
  /// Each named set's list with the lists of the sets it includes.
  let setListsExpanded: [String: [Int32]]
  /// Per rule: the scope of each condition block (index-aligned with `conditionLists`).
  let conditionScopes: [[ConditionBlock.Scope]]
  /// The lists of the sets that read a customer's message, looked up once.
  let customerLists: CustomerLists
  /// Every phrase block of the pack (rules' triggers and conditions, named sets), for checks.
  let phraseBlocks: [PhraseBlock]
  /// Per rule: its message and suggestion split at their placeholders (`nil` without any).
  let messageTemplates: [MessageTemplate?]
  let suggestionTemplates: [MessageTemplate?]

  struct CustomerLists {
    var upset: [Int32], distress: [Int32], confused: [Int32], feedback: [Int32], praise: [Int32], thanks: [Int32],
      question: [Int32]
  }

  init(
    language: Language,
    rules: [GuidelineRule],
    matcher: PhraseMatcher,
    memberships: [[(list: Int32, entry: Int32)]],
    replacements: [[String?]],
    triggerLists: [[Int32]],
    conditionLists: [[[Int32]]],
    checkLists: [[Int32]?],
    setLists: [String: Int32],
    listCount: Int,
    regexCache: RegexCache,
    plans: [RulePlan],
    overrides: [[Int32]],
    rulesByList: [[Int32]],
    alwaysActiveRules: [Int32],
    missingRulesByCategory: [[Int32]],
    setListsExpanded: [String: [Int32]],
    conditionScopes: [[ConditionBlock.Scope]],
    phraseBlocks: [PhraseBlock]
  ) {
    self.phraseBlocks = phraseBlocks
    self.language = language
    messageTemplates = rules.map { MessageTemplate($0.message) }
    suggestionTemplates = rules.map { $0.suggestion.flatMap(MessageTemplate.init) }
    self.rules = rules
    self.matcher = matcher
    var start: [Int32] = [0]
    start.reserveCapacity(memberships.count + 1)
    for pairs in memberships { start.append(start[start.count - 1] + Int32(pairs.count)) }
    membershipStart = start
    membershipPairs = memberships.flatMap { $0 }
    self.replacements = replacements
    self.triggerLists = triggerLists
    self.conditionLists = conditionLists
    self.checkLists = checkLists
    self.setLists = setLists
    self.listCount = listCount
    self.regexCache = regexCache
    self.plans = plans
    self.overrides = overrides
    self.rulesByList = rulesByList
    self.alwaysActiveRules = alwaysActiveRules
    self.missingRulesByCategory = missingRulesByCategory
    self.setListsExpanded = setListsExpanded
    self.conditionScopes = conditionScopes
    func lists(_ name: String) -> [Int32] { setListsExpanded[name] ?? [] }
    customerLists = CustomerLists(
      upset: lists("customer-upset"), distress: lists("customer-distress"), confused: lists("customer-confused"),
      feedback: lists("customer-feedback"), praise: lists("customer-praise"), thanks: lists("customer-thanks"),
      question: lists("customer-question"))
  }

  /// Compiles rules and sets; reports unknown set references and rules that can never fire.
  static func compile(language: Language, rules: [GuidelineRule], sets: [PhraseSet]) -> (GuidelinePack, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var listEntries: [[PhraseEntry]] = []
    var setLists: [String: Int32] = [:]
    var setReferencesOfSet: [Int32: [(String, SourceLocation)]] = [:]
    func newList(_ entries: [PhraseEntry]) -> Int32 {
      listEntries.append(entries)
      return Int32(listEntries.count - 1)
    }
    var seenSets: [String: SourceLocation] = [:]
    for set in sets {
      if let first = seenSets[set.name] {
        diagnostics.append(
          .error("duplicate-set", "set '\(set.name)' is defined twice", at: set.block.location, notes: [.note("first defined here", at: first)]))
        continue
      }
      seenSets[set.name] = set.block.location
      let list = newList(set.block.entries)
      setLists[set.name] = list
      setReferencesOfSet[list] = set.block.setReferences
    }
    // Sets may include other sets (one level is enough for lists like @time).
    var setIncludes: [Int32: [Int32]] = [:]
    func resolve(_ references: [(name: String, location: SourceLocation)]) -> [Int32] {
      references.compactMap { reference in
        if let list = setLists[reference.name] { return list }
        diagnostics.append(
          .error(
            "unknown-set", "unknown set '@\(reference.name)' in the \(language.rawValue) pack", at: reference.location,
            notes: closestMatch(to: reference.name, among: setLists.keys.sorted()).map { [.note("did you mean '@\($0)'?")] } ?? []))
        return nil
      }
    }
    for (list, references) in setReferencesOfSet.sorted(by: { $0.key < $1.key }) {
      setIncludes[list] = resolve(references.map { (name: $0.0, location: $0.1) })
    }
    func expand(_ lists: [Int32]) -> [Int32] {
      var out: [Int32] = []
      var seen = Set<Int32>()
      var stack = lists
      while let l = stack.popLast() {
        guard seen.insert(l).inserted else { continue }
        out.append(l)
        stack += setIncludes[l] ?? []
      }
      return out.sorted()
    }

    var triggerLists: [[Int32]] = []
    var conditionLists: [[[Int32]]] = []
    var checkLists: [Int32?] = []
    for rule in rules {
      var trigger: [Int32] = []
      if let phrases = rule.phrases {
        if !phrases.entries.isEmpty { trigger.append(newList(phrases.entries)) }
        trigger += resolve(phrases.setReferences)
      }
      triggerLists.append(expand(trigger))
      var blocks: [[Int32]] = []
      for condition in rule.conditions {
        var lists: [Int32] = []
        if !condition.block.entries.isEmpty { lists.append(newList(condition.block.entries)) }
        lists += resolve(condition.block.setReferences)
        blocks.append(expand(lists))
      }
      conditionLists.append(blocks)
      if let name = rule.check?.setReference {
        checkLists.append(resolve([(name: name, location: rule.location)]).first)
      } else {
        checkLists.append(nil)
      }
    }

    // One pattern per distinct (folded phrase, open start, open end).
    var patternIndex: [PatternKey: Int32] = [:]
    patternIndex.reserveCapacity(listEntries.reduce(0) { $0 + $1.reduce(0) { $0 + $1.expansions.count } })
    var phrases: [(scalars: [UInt32], openStart: Bool, openEnd: Bool)] = []
    var memberships: [[(list: Int32, entry: Int32)]] = []
    var replacements: [[String?]] = []
    for (list, entries) in listEntries.enumerated() {
      replacements.append(entries.map(\.replacement))
      for (entryIndex, entry) in entries.enumerated() {
        for expansion in entry.expansions {
          let scalars = expansion.scalars
          guard !scalars.isEmpty else { continue }
          let openEnd =
            expansion.openEnd || (language == .ko && !expansion.closedEnd && scalars.last.map(Hangul.isHangul) == true)
          let key = PatternKey(scalars: scalars, openStart: expansion.openStart, openEnd: openEnd)
          let index: Int32
          if let existing = patternIndex[key] {
            index = existing
          } else {
            index = Int32(phrases.count)
            patternIndex[key] = index
            phrases.append((scalars, expansion.openStart, openEnd))
            memberships.append([])
          }
          if !memberships[Int(index)].contains(where: { $0.list == Int32(list) && $0.entry == Int32(entryIndex) }) {
            memberships[Int(index)].append((Int32(list), Int32(entryIndex)))
          }
        }
      }
    }

    // Replies put punctuation right after a word ("I understand,"): a phrase with a space before
    // a comma or a full stop ("i understand ,", from "i understand (—|,)") almost never matches.
    for entries in listEntries {
      for entry in entries {
        guard let expansion = entry.expansions.first(where: { $0.scalars.hasSpaceBeforePunctuation }) else { continue }
        let shown = GuidelinePack.asWritten(expansion.scalars)
        diagnostics.append(
          .warning(
            "space-before-punctuation",
            "the phrase '\(shown)' has a space before its punctuation, but replies write 'word,' without one, so it will rarely match; attach the mark to the word",
            at: entry.location))
      }
    }

    // A rule whose every trigger phrase contains one of its own "not-in-…" phrases never fires
    // ("not-after-…" and "not-before-…" look outside the match, so they cannot block it this way).
    for (r, rule) in rules.enumerated() where !triggerLists[r].isEmpty {
      let negative = zip(rule.conditions, conditionLists[r]).filter { $0.0.scope == .notInSentence || $0.0.scope == .notInReply }
        .flatMap { $0.1 }
      guard !negative.isEmpty else { continue }
      let blocking = negative.flatMap { listEntries[Int($0)] }.flatMap(\.expansions)
      let triggers = triggerLists[r].flatMap { listEntries[Int($0)] }.flatMap(\.expansions).map(\.scalars)
      // Blocking phrases by their first two scalars (or their only one): at each position of a
      // trigger only those starting with its scalars are tried, and each only there. Packs load
      // with this check, so it must stay cheap: a blocking set may hold thousands of conjugated
      // forms, and a rule thousands of triggers.
      func pair(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 32 | UInt64(b) }
      var blockingByPair: [UInt64: [PhraseSyntax.Expanded]] = [:]
      var blockingBySingle: [UInt32: [PhraseSyntax.Expanded]] = [:]
      for b in blocking {
        switch b.scalars.count {
        case 0: continue
        case 1: blockingBySingle[b.scalars[0], default: []].append(b)
        default: blockingByPair[pair(b.scalars[0], b.scalars[1]), default: []].append(b)
        }
      }
      func blocked(_ t: [UInt32]) -> Bool {
        for i in t.indices {
          if let candidates = blockingBySingle[t[i]], candidates.contains(where: { t.contains(phrase: $0, at: i) }) { return true }
          if i + 1 < t.count, let candidates = blockingByPair[pair(t[i], t[i + 1])],
            candidates.contains(where: { t.contains(phrase: $0, at: i) })
          {
            return true
          }
        }
        return false
      }
      if !triggers.isEmpty && triggers.allSatisfy(blocked) {
        diagnostics.append(
          .error(
            "never-matches", "every phrase of rule '\(rule.id)' contains a phrase of its own 'not-in-…' block, so it can never fire",
            at: rule.location))
      } else {
        // The same for one line of the rule's own phrases.
        for entry in rule.phrases?.entries ?? [] where !entry.expansions.isEmpty && entry.expansions.map(\.scalars).allSatisfy(blocked) {
          let first = entry.expansions[0].scalars
          let culprit = blocking.first { first.contains(phrase: $0) }?.scalars ?? []
          let shown = GuidelinePack.asWritten(culprit)
          diagnostics.append(
            .error(
              "never-matches", "every phrase of this line contains '\(shown)' from the rule's own 'not-in-…' block, so the line can never fire",
              at: entry.location))
        }
      }
    }

    var plans = rules.map(RulePlan.init)
    // `overrides:` names rules of this pack (by id or alias); a company layer may name a default rule.
    var indexOfID: [String: Int32] = [:]
    for (r, rule) in rules.enumerated() {
      for alias in rule.aliases where indexOfID[alias] == nil { indexOfID[alias] = Int32(r) }
    }
    for (r, rule) in rules.enumerated() { indexOfID[rule.id] = Int32(r) }
    var overrides = [[Int32]](repeating: [], count: rules.count)
    for (r, rule) in rules.enumerated() {
      for (other, location) in rule.overrides {
        if let target = indexOfID[other] {
          overrides[r].append(target)
          plans[r].overridesOthers = true
        } else {
          diagnostics.append(
            .error(
              "unknown-rule", "rule '\(rule.id)' overrides '\(other)', which is not a rule of the \(language.rawValue) pack", at: location,
              notes: closestMatch(to: other, among: rules.map(\.id)).map { [.note("did you mean '\($0)'?")] } ?? []))
        }
      }
    }
    var rulesByList = [[Int32]](repeating: [], count: listEntries.count)
    for (r, lists) in triggerLists.enumerated() { for list in lists { rulesByList[Int(list)].append(Int32(r)) } }
    let alwaysActive = plans.indices.filter { plans[$0].check != nil || plans[$0].hasRegex }.map { Int32($0) }
    var missing = [[Int32]](repeating: [], count: Category.allCases.count)
    for (r, plan) in plans.enumerated() where plan.check == .missing { missing[plan.category.index].append(Int32(r)) }
    let pack = GuidelinePack(
      language: language, rules: rules, matcher: PhraseMatcher(phrases: phrases), memberships: memberships,
      replacements: replacements, triggerLists: triggerLists, conditionLists: conditionLists,
      checkLists: checkLists.map { $0.map { expand([$0]) } }, setLists: setLists, listCount: listEntries.count,
      regexCache: RegexCache(rules: rules), plans: plans, overrides: overrides, rulesByList: rulesByList, alwaysActiveRules: alwaysActive,
      missingRulesByCategory: missing, setListsExpanded: setLists.mapValues { expand([$0]) },
      conditionScopes: rules.map { $0.conditions.map(\.scope) },
      phraseBlocks: rules.compactMap(\.phrases) + rules.flatMap { $0.conditions.map(\.block) } + sets.map(\.block))
    return (pack, diagnostics)
  }

  struct PatternKey: Hashable {
    var scalars: [UInt32]
    var openStart: Bool
    var openEnd: Bool

    /// One FNV-1a pass over the scalars, fed to the hasher once: a pack has over a million
    /// expansions to look up, and hashing each scalar through `Hasher` was a tenth of load time.
    func hash(into hasher: inout Hasher) {
      var h: UInt64 = 0xCBF2_9CE4_8422_2325
      for v in scalars { h = (h ^ UInt64(v)) &* 0x0100_0000_01B3 }
      hasher.combine(h)
      hasher.combine(openStart)
      hasher.combine(openEnd)
    }
  }

  /// The rule with this id or alias.
  public func rule(_ id: String) -> GuidelineRule? {
    rules.first { $0.id == id } ?? rules.first { $0.aliases.contains(id) }
  }

  public var phraseCount: Int { matcher.patterns.count }
}

extension Array where Element == UInt32 {
  /// A space followed by `,` `.` `!` `?` `;` or `:`.
  var hasSpaceBeforePunctuation: Bool {
    guard count >= 2 else { return false }
    for i in 1..<count where self[i - 1] == 0x20 {
      switch self[i] {
      case 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x3A: return true
      default: continue
      }
    }
    return false
  }

  /// Whether a phrase occurs in these folded scalars as the matcher would find it in text: at a
  /// word start unless it may begin inside a word, at a word end unless it may end inside one.
  func contains(phrase: PhraseSyntax.Expanded) -> Bool {
    guard !phrase.scalars.isEmpty, phrase.scalars.count <= count else { return false }
    return (0...(count - phrase.scalars.count)).contains { contains(phrase: phrase, at: $0) }
  }

  /// Whether `phrase` occurs starting at `start`, with the word boundaries the matcher requires.
  func contains(phrase: PhraseSyntax.Expanded, at start: Int) -> Bool {
    let needle = phrase.scalars
    guard !needle.isEmpty, start + needle.count <= count, self[start] == needle[0] else { return false }
    for k in 1..<needle.count where self[start + k] != needle[k] { return false }
    let end = start + needle.count
    if !phrase.openStart && start > 0 && PhraseMatcher.isWordScalar(needle[0])
      && PhraseMatcher.sameScriptWord(self[start - 1], needle[0]) { return false }
    if !phrase.openEnd && end < count && PhraseMatcher.isWordScalar(needle[needle.count - 1])
      && PhraseMatcher.sameScriptWord(self[end], needle[needle.count - 1]) { return false }
    return true
  }
}

extension GuidelinePack {
  /// Phrases that cannot find even their own words written out as a reply — a character the
  /// text is folded differently from the phrase, or a word boundary that can never hold — so
  /// they would silently never match. One entry per written phrase line and expansion.
  public func phrasesThatNeverMatch() -> [(entry: PhraseEntry, expansion: String)] {
    var found: [(PhraseEntry, String)] = []
    var seen = Set<[UInt32]>()
    for block in phraseBlocks {
      for entry in block.entries {
        for expansion in entry.expansions where seen.insert(expansion.scalars).inserted {
          let written = GuidelinePack.writtenOut(expansion.scalars)
          let view = NormalizedText(" " + written + " ").view
          let blank: (UInt32) -> Bool = { $0 == 0x20 || $0 == NormalizedText.ignorable }
          guard let first = view.firstIndex(where: { !blank($0) }), let last = view.lastIndex(where: { !blank($0) }) else { continue }
          let hits = HitIndex(pack: self, view: view)
          if !hits.hits.contains(where: { $0.start <= first && $0.end > last }) {
            found.append((entry, written))
          }
        }
      }
    }
    return found
  }
}

extension GuidelinePack {
  /// A rule's own phrase that contains one of the rule's own `not-in-sentence` / `not-in-reply`
  /// phrases can never fire: wherever it matches, the phrase that silences it matches too ("Is
  /// there anything else I can help you with?" under `not-in-reply: I can help you`). The loader
  /// only rejects a line when all of its expansions are silenced; this finds the lines where only
  /// some are. One result per such line: the first silenced expansion, the phrase that silences
  /// it, and how many of the line's expansions are silenced.
  public func phrasesSilencedByTheirOwnRule() -> [(rule: String, entry: PhraseEntry, expansion: String, silencer: String, count: Int)] {
    var found: [(String, PhraseEntry, String, String, Int)] = []
    for (r, rule) in rules.enumerated() {
      guard let phrases = rule.phrases else { continue }
      var negative = Set<Int32>()
      for (scope, lists) in zip(conditionScopes[r], conditionLists[r]) where scope == .notInSentence || scope == .notInReply {
        negative.formUnion(lists)
      }
      guard !negative.isEmpty else { continue }
      for entry in phrases.entries {
        var first: (String, String)?
        var count = 0
        for expansion in entry.expansions {
          let written = GuidelinePack.writtenOut(expansion.scalars)
          let view = NormalizedText(" " + written + " ").view
          let hits = HitIndex(pack: self, view: view)
          guard let hit = hits.hits.first(where: { negative.contains($0.list) }) else { continue }
          count += 1
          if first == nil {
            let silencer = String(String.UnicodeScalarView(view[hit.start..<hit.end].compactMap(Unicode.Scalar.init)))
            first = (written, silencer)
          }
        }
        // A line silenced whole is already a load error ("every phrase of this line …").
        if let first, count < entry.expansions.count { found.append((rule.id, entry, first.0, first.1, count)) }
      }
    }
    return found
  }

  /// A phrase's folded scalars as a rule file writes them, for messages (`#` for a number).
  static func asWritten(_ folded: [UInt32]) -> String {
    String(String.UnicodeScalarView(folded.compactMap { Unicode.Scalar($0 == 0x30 ? 0x23 : $0) }))
  }

  /// A phrase's folded scalars written out as text a reply could contain (`12` for a number).
  static func writtenOut(_ folded: [UInt32]) -> String {
    var scalars = String.UnicodeScalarView()
    for v in folded {
      if v == 0x30 {
        scalars.append(contentsOf: "12".unicodeScalars)
      } else if let s = Unicode.Scalar(v) {
        scalars.append(s)
      }
    }
    return String(scalars)
  }
}
