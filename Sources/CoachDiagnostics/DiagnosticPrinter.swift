/// Renders diagnostics as compiler-style text or as JSON lines.
///
/// Text: `path:line:column: severity: message [code]`, then (when source lines are supplied)
/// the offending line with a caret, then notes. User text is escaped so no control or escape
/// character from a file ever reaches the terminal raw.
public struct DiagnosticPrinter: Sendable {
  public enum Format: String, Sendable { case text, json }

  public var format: Format
  public var colour: Bool
  /// Returns the source line text for a path and 1-based line, used for the caret display.
  public var sourceLine: (@Sendable (String, Int) -> String?)?

  public init(format: Format = .text, colour: Bool = false, sourceLine: (@Sendable (String, Int) -> String?)? = nil) {
    self.format = format
    self.colour = colour
    self.sourceLine = sourceLine
  }

  public func render(_ diagnostics: [Diagnostic]) -> String {
    var out = ""
    for diagnostic in diagnostics.sortedByLocation() {
      switch format {
      case .text: out += renderText(diagnostic)
      case .json: out += renderJSON(diagnostic) + "\n"
      }
    }
    return out
  }

  func renderText(_ d: Diagnostic) -> String {
    var line = ""
    if let location = d.location { line += "\(escapeForDisplay(location.description)): " }
    line += paint(d.severity.rawValue + ":", d.severity) + " " + escapeForDisplay(d.message)
    if !d.code.isEmpty { line += " [\(d.code)]" }
    var out = line + "\n"
    if let location = d.location, let source = sourceLine?(location.path, location.line) {
      let shown = escapeForDisplay(source)
      out += "    " + shown + "\n"
      let prefix = String(String.UnicodeScalarView(source.unicodeScalars.prefix(max(0, location.column - 1))))
      let pad = String(repeating: " ", count: displayColumns(escapeForDisplay(prefix)))
      let length = max(1, (location.endColumn ?? location.column + 1) - location.column)
      let target = String(String.UnicodeScalarView(source.unicodeScalars.dropFirst(max(0, location.column - 1)).prefix(length)))
      let underline = "^" + String(repeating: "~", count: max(0, displayColumns(escapeForDisplay(target)) - 1))
      out += "    " + pad + paint(underline, d.severity) + "\n"
    }
    for note in d.notes { out += renderText(note) }
    return out
  }

  func renderJSON(_ d: Diagnostic) -> String {
    var fields: [String] = []
    fields.append("\"file\":" + jsonString(d.location?.path))
    fields.append("\"line\":" + (d.location.map { String($0.line) } ?? "null"))
    fields.append("\"column\":" + (d.location.map { String($0.column) } ?? "null"))
    fields.append("\"endColumn\":" + (d.location?.endColumn.map(String.init) ?? "null"))
    fields.append("\"severity\":" + jsonString(d.severity.rawValue))
    fields.append("\"code\":" + jsonString(d.code))
    fields.append("\"message\":" + jsonString(d.message))
    let notes = d.notes.map { renderJSON($0) }.joined(separator: ",")
    fields.append("\"notes\":[" + notes + "]")
    return "{" + fields.joined(separator: ",") + "}"
  }

  private func paint(_ text: String, _ severity: Diagnostic.Severity) -> String {
    guard colour else { return text }
    let code = switch severity {
    case .error: "1;31"
    case .warning: "1;33"
    case .note: "1;36"
    }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}

/// Replaces control characters, escape characters and bidirectional overrides with visible
/// `\u{…}` escapes, so text from a file can be printed to a terminal safely. Tabs stay tabs.
public func escapeForDisplay(_ text: String) -> String {
  var out = ""
  out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
  for scalar in text.unicodeScalars {
    if isUnsafeForTerminal(scalar) {
      out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    } else {
      out.unicodeScalars.append(scalar)
    }
  }
  return out
}

/// True for C0/C1 controls (except tab and newline), DEL, and bidi embedding/override/isolate marks.
public func isUnsafeForTerminal(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.value {
  case 0x09, 0x0A: return false
  case 0x00...0x1F, 0x7F...0x9F: return true
  case 0x202A...0x202E, 0x2066...0x2069: return true
  default: return false
  }
}

/// A JSON string literal (or `null`), escaping quotes, backslashes, control characters, line
/// separators and bidirectional overrides.
public func jsonString(_ value: String?) -> String {
  guard let value else { return "null" }
  var json = JSONBuffer(capacity: value.utf8.count + 2)
  json.string(value)
  return json.string
}

/// Columns a string takes in a terminal, counting Hangul and other wide characters as two.
/// (A small local copy of the rule; `CoachTerminal` has the full East Asian Width table.)
func displayColumns(_ text: String) -> Int {
  var width = 0
  for scalar in text.unicodeScalars {
    switch scalar.value {
    case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: continue
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      width += 2
    default: width += 1
    }
  }
  return width
}
