/// Splits text into terminal escape sequences and visible grapheme clusters.
///
/// Recognises CSI (`ESC [ … final`, which includes SGR colours), OSC/DCS/APC/PM/SOS strings
/// (ended by BEL or `ESC \`), `ESC` + intermediates + final, and two-character `ESC x`.
/// Width measurement, truncation and wrapping use it so styled text keeps its columns.
enum ANSIScanner {
  enum Segment {
    /// An escape sequence: takes no columns.
    case escape(Substring)
    /// One grapheme cluster of visible (or control) text.
    case character(Character)
  }

  /// The SGR sequence that resets every attribute.
  static let reset = "\u{1B}[0m"

  private enum State { case text, escape, csi, string, stringEscape, intermediate }

  /// Calls `body` for every segment of `text`, in order.
  static func forEachSegment(in text: String, _ body: (Segment) -> Void) {
    var state = State.text
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      let value = character.unicodeScalars.first!.value
      switch state {
      case .text:
        if character == "\u{1B}" {
          state = .escape
          start = index
        } else {
          body(.character(character))
        }
        index = next
        continue
      case .escape:
        switch value {
        case 0x5B: state = .csi  // [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .string  // ] P X ^ _
        case 0x20...0x2F: state = .intermediate
        case 0x30...0x7E:
          body(.escape(text[start..<next]))
          state = .text
        default:  // a lone ESC: emit it, then read this character as text
          body(.escape(text[start..<index]))
          state = .text
          continue
        }
      case .csi, .intermediate:
        let parameters: ClosedRange<UInt32> = state == .csi ? 0x20...0x3F : 0x20...0x2F
        if parameters.contains(value) { break }
        if (0x40...0x7E).contains(value) || (state == .intermediate && (0x30...0x3F).contains(value)) {
          body(.escape(text[start..<next]))
        } else {  // malformed: end the sequence before this character and read it as text
          body(.escape(text[start..<index]))
          state = .text
          continue
        }
        state = .text
      case .string:
        if value == 0x07 {
          body(.escape(text[start..<next]))
          state = .text
        } else if character == "\u{1B}" {
          state = .stringEscape
        }
      case .stringEscape:
        if character == "\\" {
          body(.escape(text[start..<next]))
          state = .text
        } else {
          state = .string
        }
      }
      index = next
    }
    if state != .text { body(.escape(text[start..<text.endIndex])) }
  }

  /// True when `text` may contain an escape sequence (it has an ESC byte).
  static func mayContainEscapes(_ text: String) -> Bool {
    text.utf8.contains(0x1B)
  }
}
