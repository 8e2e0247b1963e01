/// Arithmetic on precomposed Hangul syllables (Unicode §3.12): lead, vowel and tail jamo indices.
///
/// Korean endings fuse into the syllable before them (하 + ㅂ니다 → 합니다), so the tail consonant
/// of a syllable is what tells a formal ending from an informal one.
public enum Hangul {
  public static let syllableBase: UInt32 = 0xAC00
  public static let syllableLast: UInt32 = 0xD7A3

  /// Tail indices used by the ending tables (ㄱ=1 … ㅎ=27; 0 means no tail).
  public enum Tail {
    public static let none = 0
    public static let nieun = 4   // ㄴ
    public static let rieul = 8   // ㄹ
    public static let mieum = 16  // ㅁ
    public static let bieup = 17  // ㅂ
    public static let siot = 19   // ㅅ
    public static let ssangSiot = 20  // ㅆ
    public static let ieung = 21  // ㅇ
  }

  /// Lead indices used by the ending tables (ㄱ=0 … ㅎ=18).
  public enum Lead {
    public static let rieul = 5  // ㄹ
  }

  /// Vowel indices (ㅏ=0 … ㅣ=20).
  public enum Vowel {
    public static let a = 0, ae = 1, ya = 2, eo = 4, e = 5, yeo = 6, ye = 7, o = 8, wa = 9, wae = 10,
      oe = 11, yo = 12, u = 13, wo = 14, we = 15, wi = 16, yu = 17, eu = 18, ui = 19, i = 20
  }

  @inlinable public static func isSyllable(_ v: UInt32) -> Bool { v >= syllableBase && v <= syllableLast }

  /// True for any Hangul letter: syllables, conjoining jamo and compatibility jamo.
  @inlinable public static func isHangul(_ v: UInt32) -> Bool {
    isSyllable(v) || (v >= 0x1100 && v <= 0x11FF) || (v >= 0x3131 && v <= 0x318E) || (v >= 0xA960 && v <= 0xA97F)
      || (v >= 0xD7B0 && v <= 0xD7FF)
  }

  /// Compatibility jamo (ㅋ, ㅎ, ㅠ …) as typed alone in chat.
  @inlinable public static func isCompatibilityJamo(_ v: UInt32) -> Bool { v >= 0x3131 && v <= 0x318E }

  @inlinable public static func tail(_ v: UInt32) -> Int {
    isSyllable(v) ? Int((v - syllableBase) % 28) : -1
  }

  @inlinable public static func vowel(_ v: UInt32) -> Int {
    isSyllable(v) ? Int(((v - syllableBase) % 588) / 28) : -1
  }

  @inlinable public static func lead(_ v: UInt32) -> Int {
    isSyllable(v) ? Int((v - syllableBase) / 588) : -1
  }

  /// The syllable with the same lead and vowel and the given tail.
  @inlinable public static func withTail(_ v: UInt32, _ tail: Int) -> UInt32 {
    v - UInt32(self.tail(v)) + UInt32(tail)
  }

  @inlinable public static func compose(lead: Int, vowel: Int, tail: Int = 0) -> UInt32 {
    syllableBase + UInt32(lead * 588 + vowel * 28 + tail)
  }
}
