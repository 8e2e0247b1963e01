import Foundation

/// A reply as given, plus the NFC, case- and digit-folded view every matcher reads.
///
/// The view has one scalar for every scalar of the NFC text (folding never changes the count),
/// so positions found in the view map back to the text *as given* through `originalOffset`,
/// which is the identity unless the input had to be composed (NFD Hangul, combining accents).
///
/// Folding: ASCII and Latin letters to lower case (a letter stretched to three or more is read
/// once); every digit to `0`; full-width ASCII to ASCII;
/// curly quotes to straight ones; dashes to `-`; horizontal spaces (NBSP, ideographic space,
/// Hangul fillers), tabs and control characters to ` `; line separators to `\n`; zero-width
/// characters to `ignorable`.
public struct NormalizedText: Sendable {
  /// The scalar value that stands for a zero-width character in the view; matchers skip it.
  public static let ignorable: UInt32 = 0

  public let original: String
  /// The NFC text (the original itself when it was already NFC).
  public let nfc: String
  /// The folded view, one element per scalar of `nfc`.
  public let view: [UInt32]
  /// View index → original scalar index; `nil` when the two are the same.
  let origin: [Int32]?
  public let originalScalarCount: Int
  /// Counts gathered while building the view (for language detection).
  public let hangulCount: Int
  public let latinCount: Int
  /// Whether the view holds a scalar of the emoji blocks (U+2600…U+2B55, U+1F000 and up), noted
  /// while building it: the emoji check's quick exit, without a pass over the view.
  package let hasEmojiBlockScalar: Bool
  /// The longest run of upper-case ASCII letters in the NFC text, noted while building the
  /// view: the quick exit of the capital-letter checks (ALL-CAPS words, a shouted message).
  package let longestCapitalRun: Int

  public init(_ text: String) {
    original = text
    var hangul = 0, latin = 0
    var needsComposition = false
    var emoji = false, longestRun = 0
    // Decode the UTF-8 bytes directly (a String's bytes are always valid UTF-8) into an
    // uninitialised buffer (no capacity check per scalar); ASCII and precomposed Hangul, nearly
    // all of every reply, skip the NFC test.
    var decoded: Bool?
    var view = [UInt32](unsafeUninitializedCapacity: text.utf8.count) { out, count in
      decoded = text.utf8.withContiguousStorageIfAvailable { bytes in
        var i = 0
        let n = bytes.count
        // Counted in locals (kept in registers), added to the totals once.
        var hangulHere = 0, latinHere = 0, emojiHere = false
        // The current run of capitals, and the view index of its last one.
        var capitalRun = 0, lastCapital = -2
        // The Latin letter of the current run and its length so far.
        var runLetter: UInt32 = 0, runLength = 0
        defer {
          hangul += hangulHere
          latin += latinHere
          emoji = emoji || emojiHere
        }
        while i < n {
          let b0 = UInt32(bytes[i])
          let v: UInt32
          if b0 < 0x80 {
            v = b0
            i += 1
          } else if b0 < 0xE0 {
            v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            i += 2
          } else if b0 < 0xF0 {
            v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            i += 3
          } else {
            v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
              | UInt32(bytes[i + 3] & 0x3F)
            i += 4
          }
          if v >= 0x300 && !(v >= 0xAC00 && v <= 0xD7A3) && NormalizedText.mayChangeUnderNFC(v) { return false }
          // The common scalars inline (what `fold` gives for them), the rest through `fold`.
          let folded: UInt32
          if v >= 0x61 && v <= 0x7A {
            latinHere += 1
            folded = v
          } else if v == 0x20 {
            folded = v
          } else if v >= 0xAC00 && v <= 0xD7A3 {
            hangulHere += 1
            folded = v
          } else {
            folded = NormalizedText.fold(v, hangul: &hangulHere, latin: &latinHere)
            if NormalizedText.isInEmojiBlock(folded) { emojiHere = true }
            if v >= 0x41 && v <= 0x5A {
              capitalRun = lastCapital == count - 1 ? capitalRun + 1 : 1
              lastCapital = count
              longestRun = max(longestRun, capitalRun)
            }
          }
          // Stretched letters collapsed on the way (what `collapseStretchedLetters` does): from
          // the third of a run of one Latin letter, the repeats after the first are ignorable.
          if folded >= 0x61 && folded <= 0x7A {
            if folded == runLetter { runLength += 1 } else { (runLetter, runLength) = (folded, 1) }
          } else {
            runLength = 0
            runLetter = 0
          }
          if runLength >= 3 {
            if runLength == 3 { out[count - 1] = NormalizedText.ignorable }
            out[count] = NormalizedText.ignorable
          } else {
            out[count] = folded
          }
          count += 1
        }
        return true
      }
    }
    // The fast path collapses stretched letters as it decodes; the other paths do it after.
    let collapsed = decoded == true
    if let decoded {
      needsComposition = !decoded
    } else {
      for scalar in text.unicodeScalars {
        let v = scalar.value
        if NormalizedText.mayChangeUnderNFC(v) { needsComposition = true; break }
        view.append(NormalizedText.fold(v, hangul: &hangul, latin: &latin))
      }
    }
    if !needsComposition {
      nfc = text
      origin = nil
      originalScalarCount = view.count
    } else {
      view.removeAll(keepingCapacity: true)
      hangul = 0
      latin = 0
      var map: [Int32] = []
      var composed = String.UnicodeScalarView()
      var originalIndex: Int32 = 0
      for character in text {
        let scalars = String(character).unicodeScalars
        let nfcScalars = String(character).precomposedStringWithCanonicalMapping.unicodeScalars
        for scalar in nfcScalars {
          composed.append(scalar)
          view.append(NormalizedText.fold(scalar.value, hangul: &hangul, latin: &latin))
          map.append(originalIndex)
        }
        originalIndex += Int32(scalars.count)
      }
      nfc = String(composed)
      origin = map
      originalScalarCount = Int(originalIndex)
    }
    if !collapsed || needsComposition { NormalizedText.collapseStretchedLetters(&view) }
    // The other paths built the view without noting emoji (collapsing touches only letters).
    hasEmojiBlockScalar = collapsed ? emoji : view.contains(where: NormalizedText.isInEmojiBlock)
    longestCapitalRun = collapsed ? longestRun : NormalizedText.longestCapitalRun(in: nfc)
    self.view = view
    hangulCount = hangul
    latinCount = latin
  }

  /// The longest run of upper-case ASCII letters in a text (over its UTF-8 bytes).
  static func longestCapitalRun(in text: String) -> Int {
    var longest = 0, run = 0
    for byte in text.utf8 {
      run = byte >= 0x41 && byte <= 0x5A ? run + 1 : 0
      longest = max(longest, run)
    }
    return longest
  }

  /// U+2600…U+2B55 (symbols, dingbats, arrows, stars) or U+1F000 and up (pictographs).
  @inline(__always) static func isInEmojiBlock(_ v: UInt32) -> Bool {
    v >= 0x1F000 || (v >= 0x2600 && v <= 0x2B55)
  }

  /// A letter written three or more times in a row is read once ("sooo sorry", "thaaanks",
  /// "pleeease"): the repeats become `ignorable`, so every matcher skips them. Latin letters only
  /// (Korean ㅋㅋㅋ and ㅠㅠ are emoticons, kept as written).
  public static func collapseStretchedLetters(_ view: inout [UInt32]) {
    view.withUnsafeMutableBufferPointer { view in
      var i = 0
      let n = view.count
      while i + 2 < n {
        let c = view[i]
        guard c >= 0x61 && c <= 0x7A, view[i + 1] == c, view[i + 2] == c else {
          i += 1
          continue
        }
        var j = i + 1
        while j < n && view[j] == c {
          view[j] = ignorable
          j += 1
        }
        i = j
      }
    }
  }

  /// The language the letters suggest, or `nil` when there are no letters.
  public var detectedLanguage: Language? {
    if hangulCount == 0 && latinCount == 0 { return nil }
    return hangulCount * 3 >= latinCount ? .ko : .en
  }

  /// The original scalar offset of a view position (`view.count` maps to the end of the text).
  public func originalOffset(_ viewIndex: Int) -> Int {
    guard let origin else { return viewIndex }
    return viewIndex < origin.count ? Int(origin[viewIndex]) : originalScalarCount
  }

  /// The original scalar range covering a view range (whole grapheme clusters at the edges).
  public func originalRange(_ range: Range<Int>) -> Range<Int> {
    guard let origin else { return range }
    let start = originalOffset(range.lowerBound)
    var endIndex = range.upperBound
    while endIndex < origin.count && origin[endIndex] == origin[max(0, endIndex - 1)] && endIndex > range.lowerBound {
      endIndex += 1
    }
    return start..<max(start, originalOffset(endIndex))
  }

  /// The text as given between two original scalar offsets.
  public func excerpt(originalRange range: Range<Int>) -> String {
    let scalars = original.unicodeScalars
    let lower = scalars.index(scalars.startIndex, offsetBy: min(range.lowerBound, originalScalarCount))
    let upper = scalars.index(lower, offsetBy: min(range.count, originalScalarCount - range.lowerBound))
    return String(scalars[lower..<upper])
  }

  /// The NFC text of a view range (unfolded: original case and digits).
  public func nfcText(_ range: Range<Int>) -> String {
    let scalars = nfc.unicodeScalars
    let lower = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
    let upper = scalars.index(lower, offsetBy: range.count)
    return String(scalars[lower..<upper])
  }

  /// The folded view of a range as a string (for display in tests and debugging).
  public func viewText(_ range: Range<Int>) -> String {
    var s = String.UnicodeScalarView()
    for v in view[range] where v != NormalizedText.ignorable {
      if let scalar = Unicode.Scalar(v) { s.append(scalar) }
    }
    return String(s)
  }

  /// Folds one scalar the way the view is folded.
  public static func foldScalar(_ v: UInt32) -> UInt32 {
    var h = 0, l = 0
    return fold(v, hangul: &h, latin: &l)
  }

  /// Folds a whole string the way the view is folded (used for phrases and names).
  public static func foldedScalars(_ text: String) -> [UInt32] {
    NormalizedText(text).view.filter { $0 != ignorable }
  }

  // MARK: - Folding

  /// True when NFC might change this scalar or compose it with a neighbour.
  @inline(__always)
  static func mayChangeUnderNFC(_ v: UInt32) -> Bool {
    if v < 0x300 { return false }
    if v >= 0xAC00 && v <= 0xD7A3 { return false }
    if v >= 0x1100 && v <= 0x11FF { return true }
    if v >= 0xA960 && v <= 0xA97F { return true }
    if v >= 0xD7B0 && v <= 0xD7FF { return true }
    if v >= 0xF900 && v <= 0xFAFF { return true }
    if v >= 0x2F800 && v <= 0x2FA1F { return true }
    switch v {
    case 0x0340, 0x0341, 0x0343, 0x0344, 0x0374, 0x037E, 0x0387, 0x2126, 0x212A, 0x212B, 0x2000, 0x2001,
      0x2329, 0x232A:
      return true
    default: break
    }
    if v >= 0x3000 && v <= 0x33FF && v != 0x3099 && v != 0x309A { return false }
    guard let scalar = Unicode.Scalar(v) else { return false }
    return scalar.properties.canonicalCombiningClass.rawValue != 0
  }

  @inline(__always)
  static func fold(_ v: UInt32, hangul: inout Int, latin: inout Int) -> UInt32 {
    if v < 0x80 {
      switch v {
      case 0x41...0x5A: latin += 1; return v + 0x20
      case 0x61...0x7A: latin += 1; return v
      case 0x30...0x39: return 0x30
      case 0x0D: return 0x0A
      case 0x0A: return v
      case 0x00...0x1F, 0x7F: return 0x20  // tabs and control characters separate words
      default: return v
      }
    }
    if v >= 0xAC00 && v <= 0xD7A3 { hangul += 1; return v }
    if v >= 0x3131 && v <= 0x318E { hangul += 1; return v }
    switch v {
    case 0xC0...0xDE where v != 0xD7: latin += 1; return v + 0x20
    case 0xDF...0xFF where v != 0xF7: latin += 1; return v
    case 0x100...0x24F: latin += 1; return v
    case 0xFF10...0xFF19: return 0x30
    case 0xFF21...0xFF3A: latin += 1; return v - 0xFF21 + 0x61
    case 0xFF41...0xFF5A: latin += 1; return v - 0xFF41 + 0x61
    case 0xFF01...0xFF5E: return v - 0xFF01 + 0x21
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0xFF07: return 0x27
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: return 0x22
    case 0x2010...0x2015, 0x2212: return 0x2D
    case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x3164, 0x115F, 0x1160, 0xFFA0: return 0x20
    case 0x85, 0x2028, 0x2029: return 0x0A
    case 0x80...0x9F: return 0x20
    case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF: return ignorable
    default:
      if v >= 0x1100 && v <= 0x11FF { hangul += 1 }
      return v
    }
  }
}
