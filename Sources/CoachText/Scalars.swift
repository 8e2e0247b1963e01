/// Character classes over folded view scalars (see `NormalizedText`).
enum Chars {
  static let space: UInt32 = 0x20, newline: UInt32 = 0x0A, dot: UInt32 = 0x2E, quote: UInt32 = 0x22
  static let apostrophe: UInt32 = 0x27, comma: UInt32 = 0x2C, zero: UInt32 = 0x30

  @inline(__always) static func isSpace(_ v: UInt32) -> Bool { v == space || v == NormalizedText.ignorable }
  @inline(__always) static func isBreak(_ v: UInt32) -> Bool { v == space || v == newline }
  @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v == zero }
  @inline(__always) static func isLatinLetter(_ v: UInt32) -> Bool {
    (v >= 0x61 && v <= 0x7A) || (v >= 0xDF && v <= 0x24F && v != 0xF7)
  }
  @inline(__always) static func isWordChar(_ v: UInt32) -> Bool {
    isLatinLetter(v) || v == zero || Hangul.isHangul(v) || (v >= 0x4E00 && v <= 0x9FFF)
  }

  /// Sentence-final punctuation: . ? ! … 。 and doubled forms.
  @inline(__always) static func isTerminal(_ v: UInt32) -> Bool {
    v == 0x2E || v == 0x3F || v == 0x21 || v == 0x2026 || v == 0x3002 || v == 0x203C || v == 0x2047 || v == 0x2048
      || v == 0x2049 || v == 0xFF61
  }

  @inline(__always) static func isClosingBracket(_ v: UInt32) -> Bool {
    v == 0x29 || v == 0x5D || v == 0x7D || v == 0x300D || v == 0x300F || v == 0x300B || v == 0x3009 || v == 0x3011
  }

  static func isOpeningCJKQuote(_ v: UInt32) -> Bool { v == 0x300C || v == 0x300E || v == 0x300A || v == 0x3008 || v == 0x3010 }
  static func isClosingCJKQuote(_ v: UInt32) -> Bool { v == 0x300D || v == 0x300F || v == 0x300B || v == 0x3009 || v == 0x3011 }

  /// Emoji and pictographs (emoticon tails after a sentence).
  @inline(__always) static func isEmoji(_ v: UInt32) -> Bool {
    (v >= 0x1F000 && v <= 0x1FAFF) || (v >= 0x2600 && v <= 0x27BF) || (v >= 0x2B00 && v <= 0x2BFF) || v == 0xFE0F
      || v == 0x2764 || v == 0x263A || (v >= 0x2190 && v <= 0x21FF)
  }

  /// Characters that trail a sentence without carrying its ending: punctuation, emoticons
  /// (^^, :), ;;, ㅎㅎ, ㅠㅠ), emoji, tildes, hearts.
  @inline(__always) static func isTrailingJunk(_ v: UInt32) -> Bool {
    if v < 0x80 {
      switch v {
      case 0x21, 0x22, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F,
        0x5B, 0x5D, 0x5E, 0x5F, 0x60, 0x7B, 0x7D, 0x7E, 0x40, 0x23, 0x25, 0x26, 0x7C, 0x5C:
        return true
      default: return false
      }
    }
    if Hangul.isCompatibilityJamo(v) || isEmoji(v) || isTerminal(v) || isClosingBracket(v) || isOpeningCJKQuote(v) {
      return true
    }
    switch v {
    case 0x2665, 0x2661, 0x2606, 0x2605, 0x00B7, 0x318D, 0x3161, 0x3163, 0x2022, 0x25CB, 0x25CF, 0x2299, 0x3001,
      0x00B4, 0x02C7, 0x0434, 0x0025:
      return true
    default: return v == NormalizedText.ignorable
    }
  }
}
