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
  /// One trie node, packed so that a step of the automaton reads one node and its edges
  /// (the automaton is large — tens of thousands of phrases — so memory traffic is the cost).
  struct Node {
    var edgeStart: Int32 = 0
    var edgeCount: Int32 = 0
    var fail: Int32 = 0
    /// The first node on this node's suffix chain (itself included) where a phrase ends, or 0.
    var report: Int32 = 0
  }

  struct Edge {
    var symbol: UInt32
    var target: Int32
  }

  private var rootNext: [Int32] = []
  private var nodes: [Node] = []
  private var edges: [Edge] = []
  private var firstOutput: [Int32] = []
  private var nextOutput: [Int32] = []
  private var dictionaryLink: [Int32] = []

  static let newlineSymbol: UInt16 = 0

  init() { bmpSymbols = [] }

  /// Builds the automaton; pattern `i` of the result is `phrases[i]`.
  ///
  /// The trie is built from the phrases in sorted order, so each node's children arrive in
  /// symbol order and go straight into flat arrays (no per-node dictionaries).
  init(phrases: [(scalars: [UInt32], openStart: Bool, openEnd: Bool)]) {
    bmpSymbols = [UInt16](repeating: 0, count: 0x10000)
    var sequences: [[UInt16]] = []
    sequences.reserveCapacity(phrases.count)
    patterns.reserveCapacity(phrases.count)
    for phrase in phrases {
      var fed: [UInt32] = []
      fed.reserveCapacity(phrase.scalars.count)
      for v in phrase.scalars {
        if v == NormalizedText.ignorable { continue }
        if v == 0x20, fed.last == 0x20 { continue }
        if v == 0x30, fed.last == 0x30 { continue }
        fed.append(v)
      }
      while fed.last == 0x20 { fed.removeLast() }
      while fed.first == 0x20 { fed.removeFirst() }
      sequences.append(fed.map { symbolFor($0, creating: true) })
      patterns.append(
        Pattern(
          length: fed.count, openStart: phrase.openStart, openEnd: phrase.openEnd,
          startsWithWord: fed.first.map(PhraseMatcher.isWordScalar) ?? false,
          endsWithWord: fed.last.map(PhraseMatcher.isWordScalar) ?? false))
    }
    let order = sequences.indices.sorted { sequences[$0].lexicographicallyPrecedes(sequences[$1]) }
    var edgeParent: [Int32] = [], edgeSymbol: [UInt16] = [], edgeChild: [Int32] = []
    var nodeCount: Int32 = 1
    var outputs: [(node: Int32, pattern: Int32)] = []
    var path: [Int32] = [0]
    var previous: [UInt16] = []
    for index in order {
      let sequence = sequences[index]
      var lcp = 0
      while lcp < sequence.count && lcp < previous.count && sequence[lcp] == previous[lcp] { lcp += 1 }
      path.removeSubrange((lcp + 1)...)
      for k in lcp..<sequence.count {
        edgeParent.append(path[k])
        edgeSymbol.append(sequence[k])
        edgeChild.append(nodeCount)
        path.append(nodeCount)
        nodeCount += 1
      }
      outputs.append((path[sequence.count], Int32(index)))
      previous = sequence
    }
    let n = Int(nodeCount)
    // Edges grouped by parent (a stable counting sort keeps each node's children in symbol order).
    var edgeStart = [Int32](repeating: 0, count: n + 1)
    for p in edgeParent { edgeStart[Int(p) + 1] += 1 }
    for i in 0..<n { edgeStart[i + 1] += edgeStart[i] }
    var fill = Array(edgeStart[0..<n])
    edges = [Edge](repeating: Edge(symbol: 0, target: 0), count: edgeParent.count)
    for e in edgeParent.indices {
      let p = Int(edgeParent[e])
      edges[Int(fill[p])] = Edge(symbol: UInt32(edgeSymbol[e]), target: edgeChild[e])
      fill[p] += 1
    }
    nodes = [Node](repeating: Node(), count: n)
    for i in 0..<n {
      nodes[i].edgeStart = edgeStart[i]
      nodes[i].edgeCount = edgeStart[i + 1] - edgeStart[i]
    }
    rootNext = [Int32](repeating: 0, count: symbolCount + 1)
    for e in Int(edgeStart[0])..<Int(edgeStart[1]) { rootNext[Int(edges[e].symbol)] = edges[e].target }
    firstOutput = [Int32](repeating: -1, count: n)
    nextOutput = [Int32](repeating: -1, count: phrases.count)
    for (node, pattern) in outputs.reversed() {
      nextOutput[Int(pattern)] = firstOutput[Int(node)]
      firstOutput[Int(node)] = pattern
    }
    // Failure links, breadth first.
    dictionaryLink = [Int32](repeating: -1, count: n)
    var queue: [Int32] = []
    queue.reserveCapacity(n)
    for e in Int(edgeStart[0])..<Int(edgeStart[1]) { queue.append(edges[e].target) }
    var head = 0
    while head < queue.count {
      let node = Int(queue[head])
      head += 1
      for e in Int(edgeStart[node])..<Int(edgeStart[node + 1]) {
        let child = Int(edges[e].target)
        let target = node == 0 ? 0 : next(nodes[node].fail, UInt16(edges[e].symbol))
        nodes[child].fail = target
        dictionaryLink[child] = firstOutput[Int(target)] >= 0 ? target : dictionaryLink[Int(target)]
        queue.append(Int32(child))
      }
    }
    for i in 1..<n {
      let report = firstOutput[i] >= 0 ? Int32(i) : dictionaryLink[i]
      nodes[i].report = max(0, report)
    }
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

  @inline(__always) private func next(_ state: Int32, _ symbol: UInt16) -> Int32 {
    nodes.withUnsafeBufferPointer { nodes in
      edges.withUnsafeBufferPointer { edges in
        var s = state
        let sym = UInt32(symbol)
        while true {
          if s == 0 { return rootNext[Int(symbol)] }
          let node = nodes[Int(s)]
          var e = Int(node.edgeStart)
          let end = e + Int(node.edgeCount)
          while e < end {
            if edges[e].symbol == sym { return edges[e].target }
            e += 1
          }
          s = node.fail
        }
      }
    }
  }

  /// Calls `found(pattern, endExclusive)` for every phrase occurrence in `view[range]`.
  func scan(_ view: [UInt32], in range: Range<Int>, _ found: (Int32, Int) -> Void) {
    guard !patterns.isEmpty else { return }
    var state: Int32 = 0
    var lastSpace = true
    var lastDigit = false
    view.withUnsafeBufferPointer { v in
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
        let sym = c == 0x0A ? 0 : symbol(c)
        if sym == 0 {
          state = 0
          if c == 0x0A { lastSpace = true }
          continue
        }
        state = next(state, sym)
        var s = nodes[Int(state)].report
        while s > 0 {
          var p = firstOutput[Int(s)]
          while p >= 0 {
            found(p, i + 1)
            p = nextOutput[Int(p)]
          }
          s = dictionaryLink[Int(s)]
        }
      }
    }
  }

  /// The view index where a match of `pattern` ending at `end` starts (undoing the collapsing).
  func start(of pattern: Int32, endingAt end: Int, in view: [UInt32]) -> Int {
    var remaining = patterns[Int(pattern)].length
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

  /// True when `neighbour` would continue a word that `edge` belongs to: Latin letters and
  /// digits continue Latin words; Hangul continues Hangul words.
  static func sameScriptWord(_ neighbour: UInt32, _ edge: UInt32) -> Bool {
    guard isWordScalar(neighbour) else { return false }
    let edgeIsHangul = Hangul.isHangul(edge), neighbourIsHangul = Hangul.isHangul(neighbour)
    return edgeIsHangul == neighbourIsHangul
  }

  static func isWordScalar(_ v: UInt32) -> Bool {
    (v >= 0x61 && v <= 0x7A) || v == 0x30 || (v >= 0xDF && v <= 0x24F) || Hangul.isHangul(v) || (v >= 0x4E00 && v <= 0x9FFF)
  }
}
