import CoachDiagnostics

extension Evaluation {
  /// The output-contract JSON object (product.md), on one line, keys in contract order.
  public func jsonObject(extraFields: [(String, String)] = []) -> String {
    var out = "{"
    out += "\"id\":" + jsonString(id)
    out += ",\"language\":" + jsonString(language.rawValue)
    out += ",\"overall\":" + String(overall)
    out += ",\"speech_level\":" + jsonString(speechLevel?.rawValue)
    out += ",\"categories\":{"
    for (i, category) in Category.allCases.enumerated() {
      let result = categories[i]
      if i > 0 { out += "," }
      out += jsonString(category.rawValue) + ":{\"score\":" + (result.score.map(String.init) ?? "null")
      out += ",\"detected\":" + (result.detected ? "true" : "false") + "}"
    }
    out += "},\"findings\":["
    for (i, finding) in findings.enumerated() {
      if i > 0 { out += "," }
      out += finding.jsonObject()
    }
    out += "]"
    for (key, value) in extraFields { out += "," + jsonString(key) + ":" + value }
    return out + "}"
  }
}

extension Finding {
  /// The contract's finding object.
  public func jsonObject() -> String {
    var out = "{\"rule\":" + jsonString(rule)
    out += ",\"category\":" + jsonString(category.rawValue)
    out += ",\"kind\":" + jsonString(kind.rawValue)
    out += ",\"severity\":" + jsonString(severity.rawValue)
    out += ",\"start\":" + String(start) + ",\"end\":" + String(end)
    out += ",\"excerpt\":" + jsonString(excerpt)
    out += ",\"message\":" + jsonString(message)
    out += ",\"suggestion\":" + jsonString(suggestion)
    return out + "}"
  }
}
