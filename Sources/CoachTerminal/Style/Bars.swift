// Score bars and meters: exactly `width` columns, coloured by meaning only when styled.

/// A bar for a 0–100 score, exactly `width` columns wide.
///
/// Filled cells use eighth-blocks for precision (a score above 0 shows at least a sliver and only
/// 100 fills the bar); a `nil` score (category not judged) draws dimmed placeholders, and the
/// caller prints "n/a" beside it. When styled, the filled part takes the score's band colour
/// (``StyleRole/forScore(_:)``) and the empty part is muted.
public func scoreBar(_ score: Int?, width: Int, styler: Styler = .plain, glyphs: BarGlyphs = .blocks) -> String {
  guard width > 0 else { return "" }
  guard let score else {
    return styler(.muted, String(repeating: glyphs.placeholder, count: width))
  }
  let clamped = min(100, max(0, score))
  let (filled, empty) = barCells(clamped, of: 100, width: width, glyphs: glyphs)
  return styler(StyleRole.forScore(clamped), filled) + styler(.muted, empty)
}

/// A meter for `value` out of `max` (e.g. a 0–10 mood), exactly `width` columns wide.
///
/// The filled part takes `role` when styled (none by default); the empty part is muted.
public func meter(
  _ value: Int, max maximum: Int, width: Int, styler: Styler = .plain, role: StyleRole? = nil,
  glyphs: BarGlyphs = .blocks
) -> String {
  guard width > 0 else { return "" }
  guard maximum > 0 else { return styler(.muted, String(repeating: glyphs.empty, count: width)) }
  let clamped = min(maximum, max(0, value))
  let (filled, empty) = barCells(clamped, of: maximum, width: width, glyphs: glyphs)
  return (role.map { styler($0, filled) } ?? filled) + styler(.muted, empty)
}

/// The filled and empty parts of a bar; their widths add up to `width`.
func barCells(_ value: Int, of maximum: Int, width: Int, glyphs: BarGlyphs) -> (filled: String, empty: String) {
  let steps = glyphs.partials.isEmpty ? 1 : 8
  var units = value * width * steps / maximum  // floor: only the maximum fills the bar
  if value > 0 && units == 0 { units = 1 }
  let fullCells = units / steps, remainder = units % steps
  var filled = String(repeating: glyphs.full, count: fullCells)
  if remainder > 0 { filled.append(glyphs.partials[remainder - 1]) }
  let used = fullCells + (remainder > 0 ? 1 : 0)
  return (filled, String(repeating: glyphs.empty, count: width - used))
}
