import CoachDiagnostics
import CoachGuidelines
import CoachText

/// Checks a parsed scenario as a whole: required fields, ids, targets, default branches,
/// reachability, languages of the customer's lines, and rule ids against the guideline packs.
///
/// Every problem is reported; none stops the others being found.
struct ScenarioLinter {
  /// The packs rule ids are checked against; `nil` skips that check.
  var library: GuidelineLibrary?

  func lint(_ scenario: inout ParsedScenario) {
    var diagnostics: [Diagnostic] = []
    checkHeader(scenario, into: &diagnostics)
    let definitions = checkIDs(scenario, into: &diagnostics)
    checkNodes(scenario, definitions: definitions, into: &diagnostics)
    checkEndings(scenario, into: &diagnostics)
    // Reachability follows the branches; with a misspelt or doubled name it would only echo that mistake.
    if !diagnostics.contains(where: { $0.code == "unknown-target" || $0.code == "duplicate-node" }) {
      checkReachability(scenario, definitions: definitions, into: &diagnostics)
    }
    checkLanguage(scenario, into: &diagnostics)
    checkRules(scenario, into: &diagnostics)
    scenario.diagnostics += diagnostics
  }

  // MARK: - Header

  private func checkHeader(_ s: ParsedScenario, into diagnostics: inout [Diagnostic]) {
    let at = s.separator ?? SourceLocation(path: s.path, line: 1, column: 1)
    for key in ScenarioParser.headerKeys where !s.headerKeysSeen.contains(key) {
      diagnostics.append(.error("missing-field", "the header has no '\(key):' field", at: at))
    }
    if s.headerKeysSeen.contains("trains") && s.trains.isEmpty && !s.diagnostics.contains(where: { $0.code == "unknown-category" }) {
      diagnostics.append(.error("missing-field", "'trains:' names no category", at: at))
    }
    if s.separator != nil && s.nodes.isEmpty {
      diagnostics.append(.error("no-nodes", "the script has no nodes; start one with 'node <name>'", at: s.separator))
    }
  }

  // MARK: - Ids

  /// Node and ending names share one namespace; the first definition of each name wins.
  private func checkIDs(_ s: ParsedScenario, into diagnostics: inout [Diagnostic]) -> [String: Definition] {
    var definitions: [String: Definition] = [:]
    let all: [(ParsedScenario.Located<String>, Definition.Kind)] =
      s.nodes.map { ($0.id, .node) } + s.endings.map { ($0.id, .ending) }
    for (id, kind) in all.sorted(by: { $0.0.location < $1.0.location }) {
      if let first = definitions[id.value] {
        let what = kind == .node ? "node" : "ending"
        diagnostics.append(
          .error("duplicate-node", "duplicate \(what) id '\(id.value)'", at: id.location, notes: [.note("first defined here", at: first.location)]))
        continue
      }
      definitions[id.value] = Definition(kind: kind, location: id.location)
    }
    return definitions
  }

  struct Definition {
    enum Kind { case node, ending }
    var kind: Kind
    var location: SourceLocation
  }

  // MARK: - Nodes and branches

  private func checkNodes(_ s: ParsedScenario, definitions: [String: Definition], into diagnostics: inout [Diagnostic]) {
    for node in s.nodes {
      if node.lines.isEmpty {
        diagnostics.append(.error("no-customer-line", "node '\(node.id.value)' has no 'customer:' line", at: node.id.location))
      }
      if let firstDefault = node.branches.firstIndex(where: \.isDefault) {
        for branch in node.branches[(firstDefault + 1)...] {
          diagnostics.append(
            .warning(
              "unreachable-branch", "this branch is never taken: the 'otherwise' before it always is", at: branch.location,
              notes: [.note("'otherwise' is here", at: node.branches[firstDefault].location)]))
        }
      } else {
        diagnostics.append(
          .error(
            "missing-default-branch", "node '\(node.id.value)' has no default branch; end it with 'otherwise -> <target>'",
            at: node.id.location))
      }
      for branch in node.branches {
        guard let target = branch.target else { continue }
        checkTarget(target, definitions: definitions, into: &diagnostics)
      }
    }
    if let target = s.turnLimitTarget {
      if let definition = definitions[target.value] {
        if definition.kind == .node {
          diagnostics.append(
            .error(
              "invalid-value", "the turn limit must lead to an ending, but '\(target.value)' is a node", at: target.location,
              notes: [.note("node '\(target.value)' is defined here", at: definition.location)]))
        }
      } else {
        checkTarget(target, definitions: definitions, into: &diagnostics, endingsOnly: true)
      }
    }
  }

  private func checkTarget(
    _ target: ParsedScenario.Located<String>, definitions: [String: Definition], into diagnostics: inout [Diagnostic],
    endingsOnly: Bool = false
  ) {
    guard definitions[target.value] == nil else { return }
    let candidates = definitions.filter { !endingsOnly || $0.value.kind == .ending }.keys.sorted()
    var notes: [Diagnostic] = []
    if let suggestion = closestMatch(to: target.value, among: candidates) {
      notes.append(.note("did you mean '\(suggestion)'?", at: definitions[suggestion]?.location))
    }
    let what = endingsOnly ? "ending" : "node or ending"
    diagnostics.append(.error("unknown-target", "unknown \(what) '\(target.value)'", at: target.location, notes: notes))
  }

  // MARK: - Endings

  private func checkEndings(_ s: ParsedScenario, into diagnostics: inout [Diagnostic]) {
    for ending in s.endings {
      if !ending.kindWasGiven {
        let kinds = EndingKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        diagnostics.append(.error("missing-field", "ending '\(ending.id.value)' has no 'kind:' (one of \(kinds))", at: ending.id.location))
      }
      if ending.debrief.isEmpty {
        diagnostics.append(
          .error("missing-field", "ending '\(ending.id.value)' has no 'debrief:' for the trainee to read", at: ending.id.location))
      }
    }
  }

  // MARK: - Reachability

  private func checkReachability(_ s: ParsedScenario, definitions: [String: Definition], into diagnostics: inout [Diagnostic]) {
    guard let start = s.nodes.first else { return }
    var edges: [String: [String]] = [:]
    for node in s.nodes where edges[node.id.value] == nil {
      edges[node.id.value] = node.branches.compactMap(\.target?.value)
    }
    let isEnding: (String) -> Bool = { definitions[$0]?.kind == .ending }
    var reached: Set<String> = [start.id.value]
    var queue = [start.id.value]
    while let id = queue.popLast() {
      guard !isEnding(id) else { continue }
      for target in edges[id] ?? [] where definitions[target] != nil && reached.insert(target).inserted {
        queue.append(target)
      }
    }
    var seen: Set<String> = []
    for node in s.nodes where !reached.contains(node.id.value) && seen.insert(node.id.value).inserted {
      diagnostics.append(
        .warning("unreachable-node", "node '\(node.id.value)' is never reached: no branch leads to it", at: node.id.location))
    }
    let limitEnding = s.turnLimitTarget?.value
    for ending in s.endings where !reached.contains(ending.id.value) && ending.id.value != limitEnding && seen.insert(ending.id.value).inserted {
      diagnostics.append(
        .warning("unreachable-ending", "ending '\(ending.id.value)' is never reached: no branch leads to it", at: ending.id.location))
    }
    // From which reached nodes can an ending be reached (by branches, not the turn limit)?
    var canEnd: Set<String> = []
    var changed = true
    while changed {
      changed = false
      for node in s.nodes where reached.contains(node.id.value) && !canEnd.contains(node.id.value) {
        if (edges[node.id.value] ?? []).contains(where: { isEnding($0) || canEnd.contains($0) }) {
          canEnd.insert(node.id.value)
          changed = true
        }
      }
    }
    if !canEnd.contains(start.id.value) {
      diagnostics.append(
        .error(
          "no-reachable-ending", "no ending can be reached from the start node '\(start.id.value)'; the conversation could only stop at the turn limit",
          at: start.id.location))
      return
    }
    seen = []
    for node in s.nodes where reached.contains(node.id.value) && !canEnd.contains(node.id.value) && seen.insert(node.id.value).inserted {
      diagnostics.append(
        .error(
          "no-reachable-ending", "no ending can be reached from node '\(node.id.value)'; once there, the conversation could only stop at the turn limit",
          at: node.id.location))
    }
  }

  // MARK: - Language

  private func checkLanguage(_ s: ParsedScenario, into diagnostics: inout [Diagnostic]) {
    guard let language = s.language?.value else { return }
    let lines = s.nodes.flatMap(\.lines) + s.endings.flatMap(\.lines)
    for line in lines {
      guard let detected = Language.detect(line.value), detected != language else { continue }
      diagnostics.append(
        .error(
          "wrong-language", "customer line is in \(detected.name), but the scenario's language is '\(language.rawValue)'",
          at: line.location))
    }
  }

  // MARK: - Rule ids

  private func checkRules(_ s: ParsedScenario, into diagnostics: inout [Diagnostic]) {
    guard let library else { return }
    let language = s.language?.value
    for reference in s.nodes.flatMap({ $0.branches.flatMap(\.ruleReferences) }) {
      guard let rule = library.rule(reference.id) else {
        let sameLanguage = library.rules.filter { language == nil || $0.language == language }.map(\.id)
        let suggestion = closestMatch(to: reference.id, among: sameLanguage) ?? closestMatch(to: reference.id, among: library.rules.map(\.id))
        diagnostics.append(
          .error(
            "unknown-rule", "unknown rule id '\(reference.id)'", at: reference.location,
            notes: suggestion.map { [.note("did you mean '\($0)'?")] } ?? []))
        continue
      }
      if let language, rule.language != language {
        diagnostics.append(
          .warning(
            "rule-language",
            "rule '\(reference.id)' belongs to the '\(rule.language.rawValue)' pack, so it never fires in this '\(language.rawValue)' scenario",
            at: reference.location))
      }
    }
  }
}
