/// Inline SVG charts for the HTML reports: no script, no external resource.
///
/// Attributes are single-quoted (`HTMLPage.escape` escapes both quote marks); every label is
/// escaped; each point and bar carries a `<title>`, which browsers show as a
/// tooltip without any script.
enum SVGChart {
  /// One point of a line chart.
  struct Point {
    /// The value, 0–100.
    var value: Double
    /// The tooltip text.
    var tooltip: String
  }

  /// One bar of a horizontal bar chart.
  struct Bar {
    /// The label left of the bar.
    var label: String
    /// The value 0–100, or `nil` for no bar.
    var value: Double?
    /// The text right of the bar (the value, a trend, or why there is no bar).
    var note: String
  }

  /// A line chart of scores 0–100 in order, with grid lines at 0, 25, 50, 75 and 100.
  ///
  /// - Parameters:
  ///   - firstLabel, lastLabel: texts under the first and last point (dates).
  static func line(_ points: [Point], title: String, firstLabel: String, lastLabel: String) -> String {
    let width = 640.0, height = 240.0
    let left = 40.0, right = 16.0, top = 12.0, bottom = 36.0
    let plotWidth = width - left - right, plotHeight = height - top - bottom
    func y(_ value: Double) -> Double { top + plotHeight * (1 - min(max(value, 0), 100) / 100) }
    func x(_ index: Int) -> Double {
      points.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1)
    }
    var svg = "<svg viewBox='0 0 \(n(width)) \(n(height))' width='\(n(width))' height='\(n(height))' role='img' aria-label='\(HTMLPage.escape(title))'>"
    svg += "<title>\(HTMLPage.escape(title))</title>"
    for grid in stride(from: 0.0, through: 100.0, by: 25.0) {
      svg += "<line stroke='#d9e2ec' x1='\(n(left))' y1='\(n(y(grid)))' x2='\(n(width - right))' y2='\(n(y(grid)))'/>"
      svg += "<text fill='#616e7c' x='\(n(left - 6))' y='\(n(y(grid) + 4))' text-anchor='end'>\(n(grid))</text>"
    }
    let coordinates = points.indices.map { "\(n(x($0))),\(n(y(points[$0].value)))" }.joined(separator: " ")
    if points.count > 1 {
      svg += "<polyline points='\(coordinates)' fill='none' stroke='#3e7cb1' stroke-width='2'/>"
    }
    for (index, point) in points.enumerated() {
      svg += "<circle cx='\(n(x(index)))' cy='\(n(y(point.value)))' r='4.5' fill='\(HTMLPage.scoreColor(point.value))' stroke='#fff' stroke-width='1.5'>"
      svg += "<title>\(HTMLPage.escape(point.tooltip))</title></circle>"
    }
    if let first = points.indices.first {
      let anchor = points.count == 1 ? "middle" : "start"
      svg += "<text fill='#616e7c' x='\(n(x(first)))' y='\(n(height - 12))' text-anchor='\(anchor)'>\(HTMLPage.escape(firstLabel))</text>"
    }
    if points.count > 1 {
      svg += "<text fill='#616e7c' x='\(n(x(points.count - 1)))' y='\(n(height - 12))' text-anchor='end'>\(HTMLPage.escape(lastLabel))</text>"
    }
    return svg + "</svg>"
  }

  /// Horizontal bars for values 0–100, one row per bar, coloured by value.
  static func bars(_ bars: [Bar], title: String) -> String {
    let labelWidth = 130.0, barWidth = 360.0, row = 28.0, width = 640.0
    let height = row * Double(bars.count) + 8
    var svg = "<svg viewBox='0 0 \(n(width)) \(n(height))' width='\(n(width))' height='\(n(height))' role='img' aria-label='\(HTMLPage.escape(title))'>"
    svg += "<title>\(HTMLPage.escape(title))</title>"
    for (index, bar) in bars.enumerated() {
      let top = 4 + row * Double(index)
      svg += "<text fill='#1f2933' x='\(n(labelWidth - 8))' y='\(n(top + 18))' text-anchor='end'>\(HTMLPage.escape(bar.label))</text>"
      svg += "<rect x='\(n(labelWidth))' y='\(n(top + 5))' width='\(n(barWidth))' height='16' rx='3' fill='#eef2f7'/>"
      if let value = bar.value {
        let length = barWidth * min(max(value, 0), 100) / 100
        svg += "<rect x='\(n(labelWidth))' y='\(n(top + 5))' width='\(n(length))' height='16' rx='3' fill='\(HTMLPage.scoreColor(value))'>"
        svg += "<title>\(HTMLPage.escape(bar.label)): \(HTMLPage.escape(bar.note))</title></rect>"
      }
      let noteColor = bar.value == nil ? "#616e7c" : "#1f2933"
      svg += "<text fill='\(noteColor)' x='\(n(labelWidth + barWidth + 8))' y='\(n(top + 18))'>\(HTMLPage.escape(bar.note))</text>"
    }
    return svg + "</svg>"
  }

  /// A coordinate with at most one decimal.
  private static func n(_ value: Double) -> String {
    ReportFormatting.number(value, decimals: 1, missing: "0")
  }
}
