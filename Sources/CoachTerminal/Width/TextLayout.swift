// Padding, truncation and wrapping by display width (Hangul and other wide characters count 2).
// All three treat escape sequences as zero-width, so styled text can be laid out too.

/// Pads `text` with spaces to `width` columns; text already that wide or wider is returned as is.
public func pad(_ text: String, to width: Int, align: TextAlignment = .left) -> String {
  let missing = width - displayWidth(text)
  guard missing > 0 else { return text }
  switch align {
  case .left: return text + spaces(missing)
  case .right: return spaces(missing) + text
  case .center: return spaces(missing / 2) + text + spaces(missing - missing / 2)
  }
}

/// Shortens `text` to at most `width` columns, ending it with `ellipsis` when anything was cut.
///
/// Cuts between grapheme clusters, so the result can be one column narrower than `width` when a
/// wide character would straddle the edge (use ``pad(_:to:align:)`` to fill it). Escape
/// sequences before the cut are kept, and a reset (`ESC[0m`) is appended if there were any.
public func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
  guard width > 0 else { return "" }
  if displayWidth(text) <= width { return text }
  let ellipsisWidth = displayWidth(ellipsis)
  guard ellipsisWidth <= width else { return truncate(ellipsis, toWidth: width, ellipsis: "") }
  let budget = width - ellipsisWidth
  var kept = "", used = 0, sawEscape = false, full = false
  ANSIScanner.forEachSegment(in: text) { segment in
    switch segment {
    case .escape(let sequence):
      if !full {
        kept += sequence
        sawEscape = true
      }
    case .character(let character):
      guard !full else { return }
      let w = displayWidth(of: character)
      if used + w > budget {
        full = true
      } else {
        kept.append(character)
        used += w
      }
    }
  }
  return kept + ellipsis + (sawEscape ? ANSIScanner.reset : "")
}

/// Wraps `text` into lines of at most `width` columns, each starting with `indent` spaces.
///
/// Breaks at spaces (Korean and English both put spaces between words); a word longer than a
/// line is broken between grapheme clusters. Newlines in `text` start new lines and blank lines
/// are kept; runs of spaces between words collapse to one. A line can only exceed `width` when
/// `width - indent` is narrower than a single wide character.
public func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
  let prefix = spaces(max(0, indent))
  let available = max(1, width - max(0, indent))
  var lines: [String] = []
  let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
  for paragraph in paragraphs {
    let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
    var line = "", lineWidth = 0
    func flush() {
      lines.append(prefix + line)
      line = ""
      lineWidth = 0
    }
    if words.isEmpty {
      lines.append("")  // no trailing spaces on blank lines
      continue
    }
    for word in words {
      let word = String(word)
      let wordWidth = displayWidth(word)
      if lineWidth > 0 && lineWidth + 1 + wordWidth <= available {
        line += " " + word
        lineWidth += 1 + wordWidth
        continue
      }
      if lineWidth > 0 { flush() }
      if wordWidth <= available {
        line = word
        lineWidth = wordWidth
        continue
      }
      // An over-long word: fill lines grapheme by grapheme.
      ANSIScanner.forEachSegment(in: word) { segment in
        switch segment {
        case .escape(let sequence): line += sequence
        case .character(let character):
          let w = displayWidth(of: character)
          if lineWidth > 0 && lineWidth + w > available { flush() }
          line.append(character)
          lineWidth += w
        }
      }
    }
    if lineWidth > 0 || !line.isEmpty { flush() }
  }
  return lines
}

func spaces(_ count: Int) -> String {
  count > 0 ? String(repeating: " ", count: count) : ""
}
