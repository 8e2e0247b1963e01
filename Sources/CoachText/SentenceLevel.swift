/// The speech level of one Korean sentence, read from its sentence-final ending.
public enum SentenceLevel: String, Sendable, Hashable {
  /// 하십시오체: -ㅂ니다, -ㅂ니까, -(으)십시오, -시지요.
  case formal
  /// 해요체: -요, -죠.
  case polite
  /// 하오체 (-ㅂ시다, -시오): honorific, but stiff or commanding toward a customer.
  case hao
  /// 반말 from an unambiguous sentence-final ending (해, 했어, 한다, 하지 마, 할게 …).
  case informal
  /// A cut-off connective (…했는데, …하고) or a 반말 ending found only out of place:
  /// 반말-like, counted as informal only when nothing in the reply is honorific.
  case weakInformal
  /// A polite interjection on its own: 네, 예, 아니요.
  case neutral
  /// A heading, noun phrase, number, name or foreign-language text: no speech level.
  case fragment
  /// Inside quotation marks or reported speech, or pasted policy text: not the agent's level.
  case quoted

  /// Honorific for the reply-level decision (하십시오체, 해요체 and 하오체).
  public var isHonorific: Bool { self == .formal || self == .polite || self == .hao }
}

/// The speech level of a whole Korean reply, as the output contract names it.
public enum SpeechLevel: String, Sendable, Hashable, Codable {
  /// Every classified sentence is 하십시오체.
  case formal
  /// Honorific throughout, with 해요체 (or 하오체) in it.
  case polite
  /// 반말 throughout.
  case informal
  /// 반말 mixed with honorific sentences — a fault in a reply to a customer.
  case mixed

  /// Combines sentence levels: quoted, fragment and neutral sentences do not count.
  public static func combine(_ levels: some Sequence<SentenceLevel>) -> SpeechLevel? {
    var formal = 0, otherHonorific = 0, informal = 0, weak = 0
    for level in levels {
      switch level {
      case .formal: formal += 1
      case .polite, .hao: otherHonorific += 1
      case .informal: informal += 1
      case .weakInformal: weak += 1
      case .neutral, .fragment, .quoted: break
      }
    }
    let honorific = formal + otherHonorific
    if informal > 0 { return honorific > 0 ? .mixed : .informal }
    if honorific > 0 { return otherHonorific > 0 ? .polite : .formal }
    if weak > 0 { return .informal }
    return nil
  }
}
