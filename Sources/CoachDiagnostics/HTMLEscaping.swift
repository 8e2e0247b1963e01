/// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities: safe as HTML content and inside
/// quoted attributes (used by every self-contained HTML report).
public func escapeHTML(_ text: String) -> String {
  guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
    return text
  }
  var output = ""
  output.reserveCapacity(text.utf8.count + 16)
  for scalar in text.unicodeScalars {
    switch scalar {
    case "&": output += "&amp;"
    case "<": output += "&lt;"
    case ">": output += "&gt;"
    case "\"": output += "&quot;"
    case "'": output += "&#39;"
    default: output.unicodeScalars.append(scalar)
    }
  }
  return output
}
