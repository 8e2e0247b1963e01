import Foundation

/// Number, date and label formatting shared by the report renderers.
enum ReportFormatting {
  /// A number with at most `decimals` decimals and no trailing zeros (`72.5`, `80`), or `missing`.
  static func number(_ value: Double?, decimals: Int = 1, missing: String = "—") -> String {
    guard let value, value.isFinite else { return missing }
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }

  /// A signed change such as `+4.2`, `-3`, `±0`, or `missing`.
  static func signed(_ value: Double?, missing: String = "—") -> String {
    guard let value, value.isFinite else { return missing }
    let text = number(value)
    if text == "0" { return "±0" }
    return value > 0 ? "+" + text : text
  }

  /// A time as stored and exported: ISO-8601 UTC with milliseconds.
  static func timestamp(_ date: Date?) -> String? {
    date.map(StoreTime.text)
  }

  /// A time for people: `2025-03-01 14:05 UTC`.
  static func shortTime(_ date: Date) -> String {
    let text = StoreTime.text(date)  // 2025-03-01T14:05:09.123Z
    return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
  }

  /// A category name for people: `plain_language` → `plain language`.
  static func categoryLabel(_ name: String) -> String {
    name.replacingOccurrences(of: "_", with: " ")
  }
}
