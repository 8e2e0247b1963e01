import CoachDiagnostics

/// The shell of a self-contained HTML report: escaping, inline CSS, no scripts, no network.
enum HTMLPage {
  /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in content and in
  /// double-quoted attributes.
  static func escape(_ text: String) -> String { escapeHTML(text) }

  /// A whole page around `body` (already HTML), titled with the escaped `title`; `wide` for
  /// tables with many columns (the team table), which would scroll in the normal width.
  static func page(title: String, body: String, wide: Bool = false) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escape(title))</title>
    <style>\(css)</style>
    </head>
    <body>
    <main\(wide ? " class=\"wide\"" : "")>
    \(body)
    </main>
    </body>
    </html>

    """
  }

  /// A colour for a score 0–100: red up to 40, through amber, to green from 85.
  ///
  /// Most scores fall between 40 and 90, so the hue spreads over that range.
  static func scoreColor(_ score: Double, lightness: Int = 45) -> String {
    let hue = Int((min(max((score - 40) / 45, 0), 1) * 120).rounded())
    return "hsl(\(hue), 65%, \(lightness)%)"
  }

  private static let css = """
    :root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --panel: #f5f7fa; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff;
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; }
    main { max-width: 960px; margin: 0 auto; padding: 24px 20px 48px; }
    main.wide { max-width: 1400px; }
    main.wide th, main.wide td { padding: 6px 6px; }
    h1 { font-size: 1.6em; margin: 0 0 4px; }
    h2 { font-size: 1.15em; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
    .lead { color: var(--muted); margin: 0 0 16px; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
    .card { background: var(--panel); border-radius: 8px; padding: 10px 14px; min-width: 150px; }
    .card b { display: block; font-size: 1.4em; }
    .card span { color: var(--muted); font-size: 0.9em; }
    .empty { background: var(--panel); border-radius: 8px; padding: 24px; margin-top: 24px; }
    table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
    th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { background: var(--panel); font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .muted { color: var(--muted); }
    .nowrap { white-space: nowrap; }
    .scroll { overflow-x: auto; }
    svg { max-width: 100%; height: auto; font-family: inherit; }
    svg text { font-size: 12px; }
    """
}
