/// Detectors written in Swift for what phrases cannot say; a rule names one with `check:`.
///
/// | check | fires on |
/// |---|---|
/// | `banmal-sentence` | each 반말 sentence of a Korean reply (the sentences that make it informal or mixed) |
/// | `hao-sentence` | each 하오체 sentence (-ㅂ시다, -시오) |
/// | `honorific-throughout` | a Korean reply whose every sentence is 하십시오체/해요체 (strength) |
/// | `all-caps` | a run of two or more ALL-CAPS words (3+ letters, acronyms on the allow list excepted) |
/// | `long-sentence` | a sentence over `words=N` words (English) or `eojeol=N` 어절 (Korean) |
/// | `only-sentences @set` | a reply whose every sentence is one of the set's stock lines |
/// | `uses-name` | the customer's name (from context) in the reply (strength) |
/// | `other-name` | someone else's name where the reply addresses the customer (`Hi Sarah,` to Minsu Kim, `이영희 고객님` to 김민수) |
/// | `echoes-customer` | `min=N` content words of the customer's message restated in the reply, outside sentences that blame, dismiss or talk down to the customer |
/// | `only-echoes` | a reply of at most `words=N` words whose every content word comes from the customer's message ("It says delivered.") |
/// | `missing` | the category's good behaviour is expected (the rule's `when:`) but absent |
/// | `repeated-sentence` | the same sentence written twice or more |
/// | `whole-reply` | once, spanning the reply (for rules that are all conditions) |
/// | `explained-abbreviation` | an abbreviation with its meaning in brackets: `RMA (return number)`, `return number (RMA)` |
/// | `emoji-run` | `count=N` (default 2) or more emoji in a row, spaces allowed between them (`🙏🙏`, `🎉 🎉 🎉`) |
public struct BuiltinCheck: Sendable, Hashable {
  public enum Name: String, Sendable, CaseIterable {
    case banmalSentence = "banmal-sentence"
    case haoSentence = "hao-sentence"
    case honorificThroughout = "honorific-throughout"
    case allCaps = "all-caps"
    case longSentence = "long-sentence"
    case onlySentences = "only-sentences"
    case usesName = "uses-name"
    case otherName = "other-name"
    case echoesCustomer = "echoes-customer"
    case onlyEchoes = "only-echoes"
    case missing
    case repeatedSentence = "repeated-sentence"
    case wholeReply = "whole-reply"
    case explainedAbbreviation = "explained-abbreviation"
    case emojiRun = "emoji-run"
  }

  public var name: Name
  public var parameters: [String: Int]
  public var setReference: String?

  var isMissing: Bool { name == .missing }
  /// Checks that read the other rules' findings run after them (before category-dependent rules).
  var readsFindings: Bool { name == .echoesCustomer }

  /// Parameters each check accepts, with their defaults.
  static func defaults(for name: Name) -> [String: Int] {
    switch name {
    case .longSentence: ["words": 30, "eojeol": 20]
    case .echoesCustomer: ["min": 2]
    case .onlyEchoes: ["words": 8]
    case .allCaps: ["words": 2]
    case .emojiRun: ["count": 2]
    default: [:]
    }
  }
}
