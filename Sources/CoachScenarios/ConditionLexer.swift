/// One token of a branch line (`if apology detected and mood >= 8 -> calm-down mood -2`).
struct Token: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    /// Letters, digits, `_`, `-` and `.`, starting with a letter: keywords, categories, rule and node ids.
    case word
    /// Digits.
    case number
    /// `+3`, `-2`.
    case signedNumber
    case comparison(Comparison)
    case openParen, closeParen
    /// `->`
    case arrow
    /// Anything else (`&&`, `사과`, `?`), kept whole so it can be reported.
    case bad
  }

  var kind: Kind
  var text: String
  /// 1-based column (Unicode scalars) of the first scalar.
  var column: Int
  /// Length in Unicode scalars.
  var length: Int

  var endColumn: Int { column + length }

  func isWord(_ word: String) -> Bool { kind == .word && text == word }
}

/// Splits part of a line into tokens; columns are 1-based scalar positions in the whole line.
enum ConditionLexer {
  static func tokens(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> [Token] {
    var tokens: [Token] = []
    var i = start
    func make(_ kind: Token.Kind, _ from: Int, _ to: Int) -> Token {
      Token(kind: kind, text: String(String.UnicodeScalarView(scalars[from..<to])), column: from + 1, length: to - from)
    }
    func isWordScalar(_ s: Unicode.Scalar) -> Bool {
      s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-" || s == ".")
    }
    while i < end {
      let s = scalars[i]
      if s == " " || s == "\t" {
        i += 1
        continue
      }
      let next: Unicode.Scalar? = i + 1 < end ? scalars[i + 1] : nil
      if s.isASCII && s.properties.isAlphabetic {
        var j = i + 1
        while j < end && isWordScalar(scalars[j]) {
          if scalars[j] == "-" && j + 1 < end && scalars[j + 1] == ">" { break }
          j += 1
        }
        tokens.append(make(.word, i, j))
        i = j
      } else if ("0"..."9").contains(s) || ((s == "+" || s == "-") && next.map { ("0"..."9").contains($0) } == true) {
        var j = i + 1
        while j < end && ("0"..."9").contains(scalars[j]) { j += 1 }
        tokens.append(make(("0"..."9").contains(s) ? .number : .signedNumber, i, j))
        i = j
      } else if s == "-" && next == ">" {
        tokens.append(make(.arrow, i, i + 2))
        i += 2
      } else if s == "(" {
        tokens.append(make(.openParen, i, i + 1))
        i += 1
      } else if s == ")" {
        tokens.append(make(.closeParen, i, i + 1))
        i += 1
      } else if s == ">" || s == "<" || s == "=" || s == "!" {
        if next == "=" {
          let op: Comparison = switch s {
          case ">": .greaterOrEqual
          case "<": .lessOrEqual
          case "=": .equal
          default: .notEqual
          }
          tokens.append(make(.comparison(op), i, i + 2))
          i += 2
        } else if s == "!" {
          tokens.append(make(.bad, i, i + 1))
          i += 1
        } else {
          let op: Comparison = s == ">" ? .greater : s == "<" ? .less : .equal
          tokens.append(make(.comparison(op), i, i + 1))
          i += 1
        }
      } else {
        // A run of anything else up to a space or a character that starts a known token.
        var j = i + 1
        while j < end {
          let c = scalars[j]
          if c == " " || c == "\t" || c == "(" || c == ")" || (c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))) { break }
          j += 1
        }
        tokens.append(make(.bad, i, j))
        i = j
      }
    }
    return tokens
  }
}
