/// Levenshtein distance over Unicode scalars (so a Hangul syllable counts as one edit).
public func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}

/// The closest candidate to a misspelt name, for "did you mean …?" notes.
///
/// A candidate qualifies when its distance is at most a third of the longer name and no more than 4
/// (argument-parser's floor); ties go to the earlier candidate.
public func closestMatch(to name: String, among candidates: some Sequence<String>) -> String? {
  var best: (String, Int)?
  for candidate in candidates where candidate != name {
    let distance = editDistance(name.lowercased(), candidate.lowercased())
    let limit = Swift.min(4, Swift.max(1, Swift.max(name.unicodeScalars.count, candidate.unicodeScalars.count) / 3))
    guard distance <= limit else { continue }
    if best == nil || distance < best!.1 { best = (candidate, distance) }
  }
  return best?.0
}
