import CoachDiagnostics

extension Evaluation {
  /// The output-contract JSON object (product.md), on one line, keys in contract order.
  ///
  /// `extraFields` are appended as `"key": <raw JSON>` (e.g. `"turns": [...]` for conversations).
  public func jsonObject(extraFields: [(String, String)] = []) -> String {
    var json = JSONBuffer(capacity: 400 + findings.count * 300)
    write(to: &json, extraFields: extraFields)
    return json.string
  }

  /// Writes the contract object into a buffer (no intermediate strings).
  public func write(to json: inout JSONBuffer, extraFields: [(String, String)] = []) {
    json.raw("{\"id\":")
    json.string(id)
    json.raw(",\"language\":")
    json.string(language.rawValue)
    json.raw(",\"overall\":")
    json.int(overall)
    json.raw(",\"speech_level\":")
    json.string(speechLevel?.rawValue)
    json.raw(",\"categories\":{")
    for (i, category) in Category.allCases.enumerated() {
      if i > 0 { json.raw(",") }
      json.string(category.rawValue)
      json.raw(":{\"score\":")
      json.optionalInt(categories[i].score)
      json.raw(",\"detected\":")
      json.bool(categories[i].detected)
      json.raw("}")
    }
    json.raw("},\"findings\":[")
    for (i, finding) in findings.enumerated() {
      if i > 0 { json.raw(",") }
      finding.write(to: &json)
    }
    json.raw("]")
    json.rawFields(extraFields)
    json.raw("}")
  }
}

extension Finding {
  /// The contract's finding object.
  public func jsonObject() -> String {
    var json = JSONBuffer(capacity: 300)
    write(to: &json)
    return json.string
  }

  /// Writes the contract's finding object; `extraFields` are raw JSON values (e.g. `"turn": 3`).
  public func write(to json: inout JSONBuffer, extraFields: [(String, String)] = []) {
    json.raw("{\"rule\":")
    json.string(rule)
    json.raw(",\"category\":")
    json.string(category.rawValue)
    json.raw(",\"kind\":")
    json.string(kind.rawValue)
    json.raw(",\"severity\":")
    json.string(severity.rawValue)
    json.raw(",\"start\":")
    json.int(start)
    json.raw(",\"end\":")
    json.int(end)
    json.raw(",\"excerpt\":")
    json.string(excerpt)
    json.raw(",\"message\":")
    json.string(message)
    json.raw(",\"suggestion\":")
    json.string(suggestion)
    json.rawFields(extraFields)
    json.raw("}")
  }
}
