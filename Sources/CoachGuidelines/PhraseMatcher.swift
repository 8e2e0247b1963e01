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
  // Flattened trie: edges of node n are edgeSymbols/edgeTargets[edgeStart[n]..<edgeStart[n+1]].
  private var rootNext: [Int32] = []
  private var edgeStart: [Int32] = []
  private var edgeSymbols: [UInt16] = []
  private var edgeTargets: [Int32] = []
  private var fail: [Int32] = []
  private var firstOutput: [Int32] = []
  private var nextOutput: [Int32] = []
  private var dictionaryLink: [Int32] = []

  static let newlineSymbol: UInt16 = 0

  init() { bmpSymbols = [] }

  /// Builds the automaton; pattern `i` of the result is `phrases[i]`.
  init(phrases: [(scalars: [UInt32], openStart: Bool, openEnd: Bool)]) {
    bmpSymbols = [UInt16](repeating: 0, count: 0x10000)
    var children: [[UInt16: Int32]] = [[:]]
    var outputs: [[Int32]] = [[]]
    for (index, phrase) in phrases.enumerated() {
      var fed: [UInt32] = []
      for v in phrase.scalars {
        if v == NormalizedText.ignorable { continue }
        if v == 0x20, fed.last == 0x20 { continue }
        if v == 0x30, fed.last == 0x30 { continue }
        fed.append(v)
      }
      while fed.last == 0x20 { fed.removeLast() }
      while fed.first == 0x20 { fed.removeFirst() }
      var node: Int32 = 0
      for v in fed {
        let symbol = symbolFor(v, creating: true)
        if let next = children[Int(node)][symbol] {
          node = next
        } else {
          children.append([:])
          outputs.append([])
          let next = Int32(children.count - 1)
          children[Int(node)][symbol] = next
          node = next
        }
      }
      outputs[Int(node)].append(Int32(index))
      patterns.append(
        Pattern(
          length: fed.count, openStart: phrase.openStart, openEnd: phrase.openEnd,
          startsWithWord: fed.first.map(PhraseMatcher.isWordScalar) ?? false,
          endsWithWord: fed.last.map(PhraseMatcher.isWordScalar) ?? false))
    }
    let nodeCount = children.count
    rootNext = [Int32](repeating: 0, count: symbolCount + 1)
    for (symbol, target) in children[0] { rootNext[Int(symbol)] = target }
    edgeStart = [Int32](repeating: 0, count: nodeCount + 1)
    for n in 0..<nodeCount {
      edgeStart[n] = Int32(edgeSymbols.count)
      for (symbol, target) in children[n].sorted(by: { $0.key < $1.key }) {
        edgeSymbols.append(symbol)
        edgeTargets.append(target)
      }
    }
    edgeStart[nodeCount] = Int32(edgeSymbols.count)
    // Failure links, breadth first.
    fail = [Int32](repeating: 0, count: nodeCount)
    dictionaryLink = [Int32](repeating: -1, count: nodeCount)
    firstOutput = [Int32](repeating: -1, count: nodeCount)
    nextOutput = [Int32](repeating: -1, count: phrases.count)
    for n in 0..<nodeCount {
      var previous: Int32 = -1
      for p in outputs[n].reversed() {
        nextOutput[Int(p)] = previous
        previous = p
      }
      firstOutput[n] = previous
    }
    var queue: [Int32] = []
    for (_, target) in children[0] { queue.append(target) }
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      for (symbol, child) in children[Int(node)] {
        var f = fail[Int(node)]
        while true {
          if let t = f == 0 ? (rootNext[Int(symbol)] != 0 ? rootNext[Int(symbol)] : nil) : children[Int(f)][symbol], t != child {
            fail[Int(child)] = t
            break
          }
          if f == 0 { fail[Int(child)] = 0; break }
          f = fail[Int(f)]
        }
        let target = fail[Int(child)]
        dictionaryLink[Int(child)] = firstOutput[Int(target)] >= 0 ? target : dictionaryLink[Int(target)]
        queue.append(child)
      }
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
    var s = state
    while true {
      if s == 0 { return rootNext[Int(symbol)] }
      var e = Int(edgeStart[Int(s)])
      let end = Int(edgeStart[Int(s) + 1])
      while e < end {
        if edgeSymbols[e] == symbol { return edgeTargets[e] }
        e += 1
      }
      s = fail[Int(s)]
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
        var s = firstOutput[Int(state)] >= 0 ? state : dictionaryLink[Int(state)]
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
