/// A rule's message or suggestion with `{match}`, `{replacement}` or `{name}` in it, split into
/// literal runs and placeholders once, when the pack is compiled: filling it copies whole runs
/// into a string of the exact size instead of testing every byte for a placeholder.
struct MessageTemplate: Sendable {
  enum Piece: Sendable {
    /// Bytes of the template, copied as they are.
    case literal(Range<Int>)
    case match, replacement, name
  }

  let utf8: [UInt8]
  let pieces: [Piece]

  /// `nil` when the text has no placeholder (it is then used as it is).
  init?(_ text: String) {
    let bytes = Array(text.utf8)
    var pieces: [Piece] = []
    var literalStart = 0
    var found = false
    func matches(_ i: Int, _ token: String) -> Bool {
      let t = Array(token.utf8)
      return i + t.count <= bytes.count && bytes[i..<(i + t.count)].elementsEqual(t)
    }
    var i = 0
    while i < bytes.count {
      // The placeholder at `i`, tested in this order: {match}, {replacement}, {name}.
      let placeholder: (Piece, Int)? =
        bytes[i] != UInt8(ascii: "{") ? nil
        : matches(i, "{match}") ? (.match, 7)
        : matches(i, "{replacement}") ? (.replacement, 13)
        : matches(i, "{name}") ? (.name, 6) : nil
      guard let (piece, length) = placeholder else {
        i += 1
        continue
      }
      if literalStart < i { pieces.append(.literal(literalStart..<i)) }
      pieces.append(piece)
      found = true
      i += length
      literalStart = i
    }
    guard found else { return nil }
    if literalStart < bytes.count { pieces.append(.literal(literalStart..<bytes.count)) }
    utf8 = bytes
    self.pieces = pieces
  }

  /// The text with every placeholder filled (a missing replacement or name fills as empty).
  func fill(match: String, replacement: String?, name: String?) -> String {
    var match = match, replacement = replacement ?? "", name = name ?? ""
    return match.withUTF8 { m in
      replacement.withUTF8 { r in
        name.withUTF8 { n in
          utf8.withUnsafeBufferPointer { template in
            var size = 0
            for piece in pieces {
              switch piece {
              case .literal(let range): size += range.count
              case .match: size += m.count
              case .replacement: size += r.count
              case .name: size += n.count
              }
            }
            return String(unsafeUninitializedCapacity: size) { out in
              var o = 0
              // `out` has exactly `size` bytes, the sum of the pieces' lengths copied here.
              func copy(_ source: UnsafeBufferPointer<UInt8>) {
                guard let base = source.baseAddress, !source.isEmpty, let target = out.baseAddress else { return }
                (target + o).initialize(from: base, count: source.count)
                o += source.count
              }
              for piece in pieces {
                switch piece {
                case .literal(let range): copy(UnsafeBufferPointer(rebasing: template[range]))
                case .match: copy(m)
                case .replacement: copy(r)
                case .name: copy(n)
                }
              }
              return o
            }
          }
        }
      }
    }
  }
}
