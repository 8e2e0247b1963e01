import Testing

@testable import CoachGuidelines

@Suite("Regular-expression gates")
struct RegexGateTests {
  @Test("a literal outside groups and classes gates a pattern; alternatives, optional and escaped characters do not")
  func requiredCharacter() {
    // ko.tone.ssi-address: every match contains 씨.
    #expect(RegexCache.requiredCharacter(in: "(?<=[가-힣]{1,4} ?)(?<![날솜글])씨(?=\\s*[,!.?~])") == 0xC528)
    // Letters are folded as the text view is.
    #expect(RegexCache.requiredCharacter(in: "Order [0-9]+") == ("o" as Unicode.Scalar).value)
    #expect(RegexCache.requiredCharacter(in: "refund|return") == nil)
    #expect(RegexCache.requiredCharacter(in: "x?[abc]+") == nil)
    #expect(RegexCache.requiredCharacter(in: "\\d+ (days|weeks)") == nil)
  }
}
