import CoachText

/// One Aho–Corasick automaton over the folded scalars of every phrase of a pack.
///
/// Text is fed one view scalar at a time, with runs of spaces and runs of digits fed once (so
/// `#` in a phrase, stored as `0`, stands for any number, and double spaces still match);
/// zero-width characters are skipped and a newline resets the automaton. Scalars that occur in
/// no phrase map to symbol 0 and also reset it, so most text costs one table lookup per scalar.
struct PhraseMatcher: Sendable {
  struct Pattern: Sendable {
    /// Scalars fed for this phrase (spaces and digit runs collapsed).
    var length: Int
    var openStart: Bool
    var openEnd: Bool
    /// The phrase's first and last scalars are word characters (a boundary is then required).
    var startsWithWord: Bool
    var endsWithWord: Bool
  }

  private(set) var patterns: [Pattern] = []
  private var bmpSymbols: [UInt16]
  private var astralSymbols: [UInt32: UInt16] = [:]
  private var symbolCount = 1
  /// The root's transitions, one per symbol (a node offset in `trie`, 0 for the root itself).
  private var rootNext: [Int32] = []
  /// Every trie node but the root, each named by its offset in this array: `fail, report, edge
  /// count`, then its edges as `symbol, target` pairs in symbol order. `report` is 0, or 1 + the
  /// index in `reportedPatterns` of the patterns that end at this node or along its suffix chain.
  ///
  /// The automaton is large (over 100,000 phrases), so memory traffic is the cost of a step: a
  /// node and its edges are adjacent, and nodes keep the build's depth-first numbering, so
  /// a node's first child — and the whole tail of a long phrase — follows it in memory.
  private var trie: [Int32] = [0, 0, 0]
  /// Lists of patterns, each ended by -1: for every node where a phrase ends, the phrases ending
  /// there and then those of each shorter suffix, longest first.
  private var reportedPatterns: [Int32] = []

  /// The symbol a newline feeds, as does any scalar in no phrase: it resets the automaton.
  static let newlineSymbol: UInt16 = 0
  /// Offsets of a node's fields in `trie`.
  private static let failField = 0, reportField = 1, countField = 2, edgesField = 3

  init() { bmpSymbols = [] }

  /// Builds the automaton; pattern `i` of the result is `phrases[i]`.
  ///
  /// The phrases go into a linked trie, whose nodes are then numbered depth first with each
  /// node's children in symbol order and listed in flat arrays (no per-node dictionaries, no
  /// sort of 100,000 phrases); the failure links are then found breadth first, and the nodes
  /// packed into `trie`.
  init(phrases: [(scalars: [UInt32], openStart: Bool, openEnd: Bool)]) {
    bmpSymbols = [UInt16](repeating: 0, count: 0x10000)
    // Every phrase's symbols, end to end in one buffer (phrase `i` is `flat[bounds[i]..<bounds[i + 1]]`):
    // a pack has over 100,000 phrases, and one small array each made loading slow.
    var flat: [UInt16] = []
    var bounds: [Int] = [0]
    bounds.reserveCapacity(phrases.count + 1)
    patterns.reserveCapacity(phrases.count)
    var fed: [UInt32] = []
    for phrase in phrases {
      fed.removeAll(keepingCapacity: true)
      for v in phrase.scalars {
        if v == NormalizedText.ignorable { continue }
        if v == 0x20, fed.last == 0x20 { continue }
        if v == 0x30, fed.last == 0x30 { continue }
        fed.append(v)
      }
      while fed.last == 0x20 { fed.removeLast() }
      while fed.first == 0x20 { fed.removeFirst() }
      for v in fed { flat.append(symbolFor(v, creating: true)) }
      bounds.append(flat.count)
      patterns.append(
        Pattern(
          length: fed.count, openStart: phrase.openStart, openEnd: phrase.openEnd,
          startsWithWord: fed.first.map(PhraseMatcher.isWordScalar) ?? false,
          endsWithWord: fed.last.map(PhraseMatcher.isWordScalar) ?? false))
    }
    // The trie, built by inserting the phrases in index order: `child`/`sibling` chains during the
    // build (the root's children in a table by symbol, as most phrases start differently).
    var buildSymbol: [UInt16] = [0], firstChild: [Int32] = [-1], nextSibling: [Int32] = [-1]
    buildSymbol.reserveCapacity(flat.count + 1)
    firstChild.reserveCapacity(flat.count + 1)
    nextSibling.reserveCapacity(flat.count + 1)
    var rootTable = [Int32](repeating: -1, count: symbolCount + 1)
    var nodeOfPattern = [Int32](repeating: 0, count: phrases.count)
    for index in phrases.indices {
      var node: Int32 = 0
      for k in bounds[index]..<bounds[index + 1] {
        let symbol = flat[k]
        var child = node == 0 ? rootTable[Int(symbol)] : firstChild[Int(node)]
        if node != 0 {
          while child >= 0 && buildSymbol[Int(child)] != symbol { child = nextSibling[Int(child)] }
        }
        if child < 0 {
          child = Int32(buildSymbol.count)
          buildSymbol.append(symbol)
          firstChild.append(-1)
          nextSibling.append(node == 0 ? -1 : firstChild[Int(node)])
          if node == 0 { rootTable[Int(symbol)] = child } else { firstChild[Int(node)] = child }
        }
        node = child
      }
      nodeOfPattern[index] = node
    }
    // Nodes renumbered depth first, children in symbol order: the numbering a build from the
    // phrases in sorted order would give, so a node's first child — and the whole tail of a long
    // phrase — follows it in memory. Edges are listed in that order, one per node but the root.
    var number = [Int32](repeating: 0, count: buildSymbol.count)
    var edgeParent: [Int32] = [], edgeSymbol: [UInt16] = [], edgeChild: [Int32] = []
    edgeParent.reserveCapacity(buildSymbol.count)
    edgeSymbol.reserveCapacity(buildSymbol.count)
    edgeChild.reserveCapacity(buildSymbol.count)
    var nodeCount: Int32 = 1
    var stack: [(node: Int32, parent: Int32)] = []
    var children: [Int32] = []
    func pushChildren(of node: Int32) {
      children.removeAll(keepingCapacity: true)
      if node == 0 {
        for c in rootTable where c >= 0 { children.append(c) }  // already in symbol order
      } else {
        var c = firstChild[Int(node)]
        while c >= 0 {
          children.append(c)
          c = nextSibling[Int(c)]
        }
        if children.count > 1 { children.sort { buildSymbol[Int($0)] < buildSymbol[Int($1)] } }
      }
      for c in children.reversed() { stack.append((c, number[Int(node)])) }
    }
    pushChildren(of: 0)
    while let (node, parent) = stack.popLast() {
      number[Int(node)] = nodeCount
      edgeParent.append(parent)
      edgeSymbol.append(buildSymbol[Int(node)])
      edgeChild.append(nodeCount)
      nodeCount += 1
      pushChildren(of: node)
    }
    // Patterns ending at each node, in index order.
    let outputs = phrases.indices.map { (node: number[Int(nodeOfPattern[$0])], pattern: Int32($0)) }
    let n = Int(nodeCount)
    // Edges grouped by parent (a stable counting sort keeps each node's children in symbol order).
    var edgeStart = [Int32](repeating: 0, count: n + 1)
    for p in edgeParent { edgeStart[Int(p) + 1] += 1 }
    for i in 0..<n { edgeStart[i + 1] += edgeStart[i] }
    var fill = Array(edgeStart[0..<n])
    var edges = [(symbol: UInt16, target: Int32)](repeating: (0, 0), count: edgeParent.count)
    for e in edgeParent.indices {
      let p = Int(edgeParent[e])
      edges[Int(fill[p])] = (edgeSymbol[e], edgeChild[e])
      fill[p] += 1
    }
    var rootChild = [Int32](repeating: 0, count: symbolCount + 1)
    for e in Int(edgeStart[0])..<Int(edgeStart[1]) { rootChild[Int(edges[e].symbol)] = edges[e].target }
    var firstOutput = [Int32](repeating: -1, count: n)
    var nextOutput = [Int32](repeating: -1, count: phrases.count)
    for (node, pattern) in outputs.reversed() {
      nextOutput[Int(pattern)] = firstOutput[Int(node)]
      firstOutput[Int(node)] = pattern
    }
    /// The goto-or-fail transition during the build, in trie node numbers.
    func transition(_ state: Int32, _ symbol: UInt16, _ fail: [Int32]) -> Int32 {
      var s = Int(state)
      while s != 0 {
        for e in Int(edgeStart[s])..<Int(edgeStart[s + 1]) where edges[e].symbol == symbol { return edges[e].target }
        s = Int(fail[s])
      }
      return rootChild[Int(symbol)]
    }
    // Failure links, breadth first.
    var fail = [Int32](repeating: 0, count: n)
    var dictionaryLink = [Int32](repeating: -1, count: n)
    var queue: [Int32] = []
    queue.reserveCapacity(n)
    for e in Int(edgeStart[0])..<Int(edgeStart[1]) { queue.append(edges[e].target) }
    var head = 0
    while head < queue.count {
      let node = Int(queue[head])
      head += 1
      for e in Int(edgeStart[node])..<Int(edgeStart[node + 1]) {
        let child = Int(edges[e].target)
        let target = transition(fail[node], edges[e].symbol, fail)
        fail[child] = target
        dictionaryLink[child] = firstOutput[Int(target)] >= 0 ? target : dictionaryLink[Int(target)]
        queue.append(Int32(child))
      }
    }
    // Each reporting node's patterns, its own and then its dictionary links', flattened.
    var reportOf = [Int32](repeating: 0, count: n)
    for node in 1..<n where firstOutput[node] >= 0 {
      reportOf[node] = Int32(reportedPatterns.count + 1)
      var s = Int32(node)
      while s > 0 {
        var p = firstOutput[Int(s)]
        while p >= 0 {
          reportedPatterns.append(p)
          p = nextOutput[Int(p)]
        }
        s = dictionaryLink[Int(s)]
      }
      reportedPatterns.append(-1)
    }
    // The layout: the root's (empty) entry, then every other node in the build's numbering.
    var offset = [Int32](repeating: 0, count: n)
    var size = PhraseMatcher.edgesField
    for node in 1..<n {
      offset[node] = Int32(size)
      size += PhraseMatcher.edgesField + 2 * Int(edgeStart[node + 1] - edgeStart[node])
    }
    trie = [Int32](repeating: 0, count: size)
    for node in 1..<n {
      let o = Int(offset[node])
      let report = firstOutput[node] >= 0 ? node : Int(dictionaryLink[node])
      trie[o + PhraseMatcher.failField] = offset[Int(fail[node])]
      trie[o + PhraseMatcher.reportField] = report > 0 ? reportOf[report] : 0
      trie[o + PhraseMatcher.countField] = edgeStart[node + 1] - edgeStart[node]
      var slot = o + PhraseMatcher.edgesField
      for e in Int(edgeStart[node])..<Int(edgeStart[node + 1]) {
        trie[slot] = Int32(edges[e].symbol)
        trie[slot + 1] = offset[Int(edges[e].target)]
        slot += 2
      }
    }
    rootNext = rootChild.map { offset[Int($0)] }
  }

  private mutating func symbolFor(_ v: UInt32, creating: Bool) -> UInt16 {
    if v < 0x10000 {
      if bmpSymbols[Int(v)] == 0 && creating && v != 0x0A {
        bmpSymbols[Int(v)] = UInt16(symbolCount)
        symbolCount += 1
      }
      return bmpSymbols[Int(v)]
    }
    if let s = astralSymbols[v] { return s }
    guard creating else { return 0 }
    let s = UInt16(symbolCount)
    astralSymbols[v] = s
    symbolCount += 1
    return s
  }

  @inline(__always) private func symbol(_ v: UInt32) -> UInt16 {
    v < 0x10000 ? bmpSymbols[Int(v)] : (astralSymbols[v] ?? 0)
  }

  /// Calls `found(pattern, patterns[pattern], endExclusive)` for every phrase occurrence in
  /// `view[range]`. The pattern is handed over so that the caller's closure need not capture
  /// the matcher (a copy, which retains all its tables) to look it up.
  func scan(_ view: [UInt32], in range: Range<Int>, _ found: (Int32, Pattern, Int) -> Void) {
    guard !patterns.isEmpty else { return }
    var state = 0
    var lastSpace = true
    var lastDigit = false
    view.withUnsafeBufferPointer { v in
      trie.withUnsafeBufferPointer { trie in
        rootNext.withUnsafeBufferPointer { rootNext in
          reportedPatterns.withUnsafeBufferPointer { reported in
            bmpSymbols.withUnsafeBufferPointer { bmp in
              for i in range {
                let c = v[i]
                if c == NormalizedText.ignorable { continue }
                if c == 0x20 {
                  if lastSpace { continue }
                  lastSpace = true
                  lastDigit = false
                } else if c == 0x30 {
                  if lastDigit { continue }
                  lastDigit = true
                  lastSpace = false
                } else {
                  lastSpace = false
                  lastDigit = false
                }
                // `symbol(c)`, reading the BMP table through its buffer.
                let sym = c == 0x0A ? PhraseMatcher.newlineSymbol : c < 0x10000 ? bmp[Int(c)] : (astralSymbols[c] ?? 0)
                if sym == 0 {
                  state = 0
                  if c == 0x0A { lastSpace = true }
                  continue
                }
                // Goto, else follow failure links; a node's edges are in symbol order.
                let wanted = Int32(sym)
                var s = state
                transition: while s != 0 {
                  var e = s + PhraseMatcher.edgesField
                  let end = e + 2 * Int(trie[s + PhraseMatcher.countField])
                  while e < end {
                    let edge = trie[e]
                    if edge >= wanted {
                      if edge == wanted {
                        s = Int(trie[e + 1])
                        break transition
                      }
                      break
                    }
                    e += 2
                  }
                  s = Int(trie[s + PhraseMatcher.failField])
                }
                state = s == 0 ? Int(rootNext[Int(sym)]) : s
                let report = trie[state + PhraseMatcher.reportField]
                if report > 0 {
                  var k = Int(report) - 1
                  while reported[k] >= 0 {
                    found(reported[k], patterns[Int(reported[k])], i + 1)
                    k += 1
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The view index where a match of a pattern of `length` fed scalars ending at `end` starts
  /// (undoing the collapsing). Static, given the length: the scan's closure then captures no
  /// copy of the matcher (which retains all its tables). Not inlined: inlined into the scan's
  /// loop, it made the whole scan slower.
  @inline(never)
  static func start(length: Int, endingAt end: Int, in view: [UInt32]) -> Int {
    var remaining = length
    precondition(end <= view.count)
    // Over the buffer: `end` is checked once, and every index read below is under it.
    return view.withUnsafeBufferPointer { view in
      var i = end
      while remaining > 0 && i > 0 {
        i -= 1
        let c = view[i]
        if c == NormalizedText.ignorable { continue }
        if (c == 0x20 || c == 0x30) && i > 0 {
          // Part of a collapsed run: only the first of the run was fed.
          var j = i - 1
          while j >= 0 && view[j] == NormalizedText.ignorable { j -= 1 }
          if j >= 0 && view[j] == c { continue }
        }
        remaining -= 1
      }
      return i
    }
  }

  /// True when `neighbour` would continue a word that `edge` belongs to: Latin letters and
  /// digits continue Latin words; Hangul continues Hangul words.
  static func sameScriptWord(_ neighbour: UInt32, _ edge: UInt32) -> Bool {
    guard isWordScalar(neighbour) else { return false }
    let edgeIsHangul = Hangul.isHangul(edge), neighbourIsHangul = Hangul.isHangul(neighbour)
    return edgeIsHangul == neighbourIsHangul
  }

  static func isWordScalar(_ v: UInt32) -> Bool {
    // ASCII (spaces and punctuation are most of what is tested) settled in three comparisons.
    if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || v == 0x30 }
    return (v >= 0xDF && v <= 0x24F) || Hangul.isHangul(v) || (v >= 0x4E00 && v <= 0x9FFF)
  }
}
