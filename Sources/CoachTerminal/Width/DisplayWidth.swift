/// Columns `text` takes in a terminal, summed over grapheme clusters.
///
/// East Asian Wide and Fullwidth characters (Hangul syllables and jamo, CJK, fullwidth forms,
/// emoji presentation) count 2; combining marks, variation selectors, ZWJ and other
/// zero-width or control characters count 0; everything else counts 1, including East Asian
/// Ambiguous characters (as in Western-configured terminals). An emoji ZWJ sequence, a flag
/// and a decomposed (NFD) Hangul syllable are each one grapheme of width 2. Escape sequences
/// (SGR colours and other CSI/OSC sequences) take no columns.
public func displayWidth(_ text: String) -> Int {
  var printableASCII = true
  for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
    printableASCII = false
    break
  }
  if printableASCII { return text.utf8.count }
  var width = 0
  if ANSIScanner.mayContainEscapes(text) {
    ANSIScanner.forEachSegment(in: text) { segment in
      if case .character(let character) = segment { width += displayWidth(of: character) }
    }
  } else {
    for character in text { width += displayWidth(of: character) }
  }
  return width
}

/// Columns one grapheme cluster takes in a terminal: 0, 1 or 2 (see ``displayWidth(_:)``).
public func displayWidth(of character: Character) -> Int {
  let scalars = character.unicodeScalars
  var iterator = scalars.makeIterator()
  guard let first = iterator.next() else { return 0 }
  guard let second = iterator.next() else { return scalarWidth(first) }
  if isRegionalIndicator(first) && isRegionalIndicator(second) { return 2 }  // a flag
  var width = scalarWidth(first)
  var emojiPresentation = false, textPresentation = false
  var scalar: Unicode.Scalar? = second
  while let current = scalar {
    switch current.value {
    case 0xFE0F: emojiPresentation = true
    case 0xFE0E: textPresentation = true
    default: width = max(width, scalarWidth(current))
    }
    scalar = iterator.next()
  }
  if first.properties.isEmoji {
    if emojiPresentation { return 2 }
    if textPresentation { return 1 }
  }
  return width
}

/// Columns one Unicode scalar takes on its own: 0, 1 or 2.
func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
  let value = scalar.value
  if value < 0x7F { return value >= 0x20 ? 1 : 0 }
  if value < 0xA0 { return 0 }  // DEL and C1 controls
  if value < 0x300 { return 1 }
  if rangeTable(UnicodeWidthTable.zero, contains: value) { return 0 }
  if rangeTable(UnicodeWidthTable.wide, contains: value) { return 2 }
  // Emoji added after the table's Unicode version, if the standard library knows them.
  if value >= 0x1F000 && scalar.properties.isEmojiPresentation { return 2 }
  return 1
}

private func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
  (0x1F1E6...0x1F1FF).contains(scalar.value)
}

/// Binary search in a flat, sorted list of inclusive ranges (lower, upper, lower, upper, …).
func rangeTable(_ table: [UInt32], contains value: UInt32) -> Bool {
  guard let firstLower = table.first, value >= firstLower, value <= table[table.count - 1] else { return false }
  var low = 0, high = table.count / 2 - 1
  while low <= high {
    let middle = (low + high) / 2
    if value < table[2 * middle] {
      high = middle - 1
    } else if value > table[2 * middle + 1] {
      low = middle + 1
    } else {
      return true
    }
  }
  return false
}
