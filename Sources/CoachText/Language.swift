/// The two languages ReplyCoach scores.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
  case ko, en

  /// The language's name in English, for messages: "Korean", "English".
  public var name: String {
    switch self {
    case .ko: "Korean"
    case .en: "English"
    }
  }

  /// Guesses the language of a text from its letters: Korean when Hangul outweighs Latin letters
  /// (a Hangul syllable carries about three Latin letters' worth of text), else English.
  ///
  /// Returns `nil` when the text has no letters at all.
  public static func detect(_ text: String) -> Language? {
    detect(scalars: text.unicodeScalars.lazy.map(\.value))
  }

  public static func detect(scalars: some Sequence<UInt32>) -> Language? {
    var hangul = 0
    var latin = 0
    for v in scalars {
      if v < 0x80 {
        if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { latin += 1 }
      } else if Hangul.isHangul(v) {
        hangul += 1
      } else if (v >= 0xC0 && v <= 0x24F) {
        latin += 1
      }
    }
    if hangul == 0 && latin == 0 { return nil }
    return hangul * 3 >= latin ? .ko : .en
  }
}
