import CoachDiagnostics

/// A line a rule must match or must not match, written in the rule itself.
///
/// In `match` examples, `[[` and `]]` mark where the finding must be: one finding per marked span,
/// at exactly those spans (Unicode scalar offsets of the text without markers), none elsewhere.
public struct RuleExample: Sendable, CustomStringConvertible {
  public enum Expectation: String, Sendable { case match, noMatch = "no-match" }

  public var ruleID: String
  public var expectation: Expectation
  /// The reply text without markers.
  public var text: String
  /// Expected finding spans; empty means "at least one finding anywhere" for `match`.
  public var expectedSpans: [Range<Int>]
  public var context: ExampleContext
  public var location: SourceLocation
  /// 1-based position among the rule's examples of the same expectation.
  public var ordinal: Int

  public var description: String { "\(ruleID) \(expectation.rawValue) #\(ordinal): \(text)" }

  public init(
    ruleID: String, expectation: Expectation, text: String, expectedSpans: [Range<Int>], context: ExampleContext,
    location: SourceLocation, ordinal: Int
  ) {
    self.ruleID = ruleID
    self.expectation = expectation
    self.text = text
    self.expectedSpans = expectedSpans
    self.context = context
    self.location = location
    self.ordinal = ordinal
  }

  /// Splits `[[…]]` markers out of an example line; `\[[` is a literal `[[`.
  static func parseMarkers(_ line: String) -> (text: String, spans: [Range<Int>], balanced: Bool) {
    var out = String.UnicodeScalarView()
    var spans: [Range<Int>] = []
    var open: Int?
    var balanced = true
    let scalars = Array(line.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      if c == "\\", i + 2 < scalars.count, scalars[i + 1] == "[", scalars[i + 2] == "[" {
        out.append("[")
        out.append("[")
        i += 3
        continue
      }
      if c == "[", i + 1 < scalars.count, scalars[i + 1] == "[" {
        if open != nil { balanced = false }
        open = out.count
        i += 2
        continue
      }
      if c == "]", i + 1 < scalars.count, scalars[i + 1] == "]", let start = open {
        spans.append(start..<out.count)
        open = nil
        i += 2
        continue
      }
      out.append(c)
      i += 1
    }
    if open != nil { balanced = false }
    return (String(out), spans, balanced)
  }
}
