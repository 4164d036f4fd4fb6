import NotebookFormat

/// A chart that renders itself as an inline `<svg>` and exposes the numbers it plots (so
/// `mlbook check` can compare them with recorded results).
public protocol Chart: Sendable {
    /// The chart as `<svg>` markup with a `<title>` and a `<desc>`: one element, or two for a
    /// chart wider than a phone (see `ChartLayout`).
    /// - Returns: The markup, ready to put in a page.
    func svg() -> String
    /// The plotted numbers, one named series each.
    var plottedSeries: [SeriesRecord] { get }
}

/// A chart is drawn twice when it is wider than a phone: at its own size (`chart-wide`) and
/// laid out again at `narrowWidth` (`chart-narrow`), whose text stays at 12 px instead of
/// shrinking with the picture; the page's stylesheet shows one of the two by the window's
/// width, so no script is needed.
enum ChartLayout {
    /// The narrow drawing's width: a 375 px phone shows it at about 343 px, text at ≥ 11 px.
    static let narrowWidth = 360.0

    /// Both drawings of a chart of `width` × `height`, or one when it is already narrow.
    static func svg(width: Double, height: Double, draw: (_ width: Double, _ height: Double, _ kind: String) -> String)
        -> String
    {
        guard width > narrowWidth + 40 else { return draw(width, height, "chart") }
        let narrowHeight = max(240, (height * 0.8).rounded())
        return draw(width, height, "chart chart-wide") + "\n" + draw(narrowWidth, narrowHeight, "chart chart-narrow")
    }
}

/// The color of series `index`: a CSS variable the page's light and dark themes define
/// (`ChartPalette`).
func seriesColor(_ index: Int) -> String {
    ChartPalette.variable(index)
}

/// The dash pattern of line `index`, so lines differ by more than colour (the first is solid).
func seriesDash(_ index: Int) -> String? {
    let patterns = [nil, "7 4", "2 3", "9 3 2 3", "14 5", "4 2 1 2"]
    return patterns[index % patterns.count]
}

/// ` stroke-dasharray="…"` for line `index`, or nothing for a solid line.
func dashAttribute(_ index: Int) -> String {
    seriesDash(index).map { " stroke-dasharray=\"\($0)\"" } ?? ""
}

/// A point marker of shape `shape` (circle, square, triangle, diamond, cycling) at `x`, `y`.
func pointMarker(shape: Int, x: Double, y: Double, color: String, radius: Double = 3.5, opacity: Double = 0.8)
    -> String
{
    let fill = "fill=\"\(color)\" fill-opacity=\"\(formatSignificant(opacity, digits: 2))\""
    let r = radius
    switch shape % 4 {
    case 0: return "<circle cx=\"\(coordinate(x))\" cy=\"\(coordinate(y))\" r=\"\(coordinate(r))\" \(fill)/>"
    case 1:
        return
            "<rect x=\"\(coordinate(x - r))\" y=\"\(coordinate(y - r))\" width=\"\(coordinate(2 * r))\" height=\"\(coordinate(2 * r))\" \(fill)/>"
    case 2:
        let points = [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]
        return "<polygon points=\"\(polygonPoints(points))\" \(fill)/>"
    default:
        let points = [(x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y)]
        return "<polygon points=\"\(polygonPoints(points))\" \(fill)/>"
    }
}

private func polygonPoints(_ points: [(Double, Double)]) -> String {
    points.map { "\(coordinate($0.0)),\(coordinate($0.1))" }.joined(separator: " ")
}

/// A number for an SVG attribute: rounded to 0.1 user units, stable formatting.
func coordinate(_ value: Double) -> String {
    formatSignificant((value * 10).rounded() / 10, digits: 6)
}
