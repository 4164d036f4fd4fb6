/// The parts every x–y chart shares: the `<svg>` element with its title and description, the
/// legend, grid lines and tick labels of both axes, axis labels and the frame. Chart kinds
/// draw their marks between `header` and `footer`.
///
/// The legend (drawn when there are several series) sits in rows between the title and the
/// plot, centred, so it never covers a line or a bar; the chart grows by the legend's height,
/// so the plot keeps its size however many series there are.
struct PlotFrame {
    let width: Double
    /// The chart's height without the legend.
    let height: Double
    let title: String
    let description: String
    let xLabel: String
    let yLabel: String
    let xAxis: Axis
    let yAxis: Axis
    /// The `<svg>` element's classes (`chart`, and `chart-wide` or `chart-narrow`).
    let svgClass: String
    /// The legend's entries (series index, name, width) in rows that fit the plot's width;
    /// empty for fewer than two series.
    private let legendRows: [[LegendEntry]]
    let left = 64.0
    /// The height the legend adds above the plot.
    let legendHeight: Double
    var top: Double { 36 + legendHeight }
    var right: Double { width - 16 }
    var bottom: Double { height + legendHeight - 48 }
    /// The height of the whole chart.
    var totalHeight: Double { height + legendHeight }

    init(
        width: Double, height: Double, title: String, description: String, xLabel: String, yLabel: String,
        xAxis: Axis, yAxis: Axis, legend: [String], marks: [LegendMark] = [], svgClass: String = "chart"
    ) {
        (self.width, self.height, self.title, self.description) = (width, height, title, description)
        (self.xLabel, self.yLabel, self.xAxis, self.yAxis) = (xLabel, yLabel, xAxis, yAxis)
        self.svgClass = svgClass
        legendRows = Self.rows(of: legend, marks: marks, fitting: width - 16 - left)
        legendHeight = legendRows.isEmpty ? 0 : Double(legendRows.count) * 18 + 4
    }

    func x(_ value: Double) -> Double { xAxis.position(value, from: left, to: right) }
    func y(_ value: Double) -> Double { yAxis.position(value, from: bottom, to: top) }

    /// The opening `<svg>`, title, description, grid and ticks.
    func header(xTickLabels: [(position: Double, label: String)]? = nil) -> String {
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="\(svgClass)" width="\(coordinate(width))" height="\(coordinate(totalHeight))" viewBox="0 0 \(coordinate(width)) \(coordinate(totalHeight))" role="img">
            <title>\(escapeMarkup(title))</title>
            <desc>\(escapeMarkup(description))</desc>
            <text class="chart-title" x="\(coordinate(width / 2))" y="22" text-anchor="middle">\(escapeMarkup(fitted(title, to: width - 16, scale: 14.0 / 12)))</text>

            """
        svg += legendSVG()
        for tick in yAxis.ticks {
            let position = coordinate(y(tick))
            svg +=
                "<line class=\"grid\" x1=\"\(coordinate(left))\" x2=\"\(coordinate(right))\" y1=\"\(position)\" y2=\"\(position)\"/>"
            svg +=
                "<text class=\"tick\" x=\"\(coordinate(left - 6))\" y=\"\(position)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(yAxis.label(tick))</text>\n"
        }
        let labels = xTickLabels ?? xAxis.ticks.map { (x($0), xAxis.label($0)) }
        for (position, label) in Self.thinned(labels) {
            svg +=
                "<text class=\"tick\" x=\"\(coordinate(position))\" y=\"\(coordinate(bottom + 16))\" text-anchor=\"middle\">\(escapeMarkup(label))</text>\n"
        }
        return svg
    }

    /// Axis labels, frame and the closing tag.
    func footer() -> String {
        var svg =
            "<rect class=\"frame\" x=\"\(coordinate(left))\" y=\"\(coordinate(top))\" width=\"\(coordinate(right - left))\" height=\"\(coordinate(bottom - top))\" fill=\"none\"/>\n"
        svg +=
            "<text class=\"axis-label\" x=\"\(coordinate((left + right) / 2))\" y=\"\(coordinate(totalHeight - 10))\" text-anchor=\"middle\">\(escapeMarkup(xLabel))</text>\n"
        svg +=
            "<text class=\"axis-label\" transform=\"translate(16 \(coordinate((top + bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(escapeMarkup(yLabel))</text>\n"
        return svg + "</svg>"
    }

    /// Width of a legend entry's swatch and the gaps after the swatch and after the name.
    private static let (swatchWidth, swatchGap, entryGap) = (24.0, 6.0, 18.0)

    /// One legend entry: the series' index (its colour), its mark, its name, and the entry's width.
    private struct LegendEntry {
        let index: Int
        let mark: LegendMark
        let name: String
        let width: Double
    }

    /// Every `n`-th label, for the smallest `n` at which neighbours keep a gap of 8 units
    /// between their estimated extents, so tick labels never run into each other.
    static func thinned(_ labels: [(position: Double, label: String)]) -> [(position: Double, label: String)] {
        guard labels.count > 1 else { return labels }
        for stride in 1...labels.count {
            let kept = labels.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
            let fits = zip(kept, kept.dropFirst()).allSatisfy { a, b in
                abs(b.position - a.position) >= (estimatedTextWidth(a.label) + estimatedTextWidth(b.label)) / 2 + 8
            }
            if fits { return kept }
        }
        return Array(labels.prefix(1))
    }

    /// The entries of `names` in rows no wider than `available`; a name too long for a row of
    /// its own is shortened with "…".
    private static func rows(of names: [String], marks: [LegendMark], fitting available: Double) -> [[LegendEntry]] {
        guard names.count > 1 else { return [] }
        var rows: [[LegendEntry]] = [[]]
        var used = 0.0
        for (index, fullName) in names.enumerated() {
            var name = fullName
            while name.count > 1 && swatchWidth + swatchGap + estimatedTextWidth(name) > available {
                name = String(name.dropLast(name.hasSuffix("…") ? 2 : 1)) + "…"
            }
            let mark = index < marks.count ? marks[index] : .area
            let entry = LegendEntry(
                index: index, mark: mark, name: name, width: swatchWidth + swatchGap + estimatedTextWidth(name))
            if !rows[rows.count - 1].isEmpty && used + entryGap + entry.width > available {
                rows.append([])
                used = 0
            }
            used += (rows[rows.count - 1].isEmpty ? 0 : entryGap) + entry.width
            rows[rows.count - 1].append(entry)
        }
        return rows
    }

    /// The legend rows, each centred over the plot.
    private func legendSVG() -> String {
        var svg = ""
        for (row, entries) in legendRows.enumerated() {
            let rowWidth = entries.reduce(0) { $0 + $1.width } + Self.entryGap * Double(entries.count - 1)
            var x = (left + right - rowWidth) / 2
            let baseline = 44 + Double(row) * 18
            for entry in entries {
                svg += entry.mark.swatch(index: entry.index, x: x, width: Self.swatchWidth, middle: baseline - 4)
                svg +=
                    "<text class=\"legend\" x=\"\(coordinate(x + Self.swatchWidth + Self.swatchGap))\" y=\"\(coordinate(baseline))\">\(escapeMarkup(entry.name))</text>\n"
                x += entry.width + Self.entryGap
            }
        }
        return svg
    }
}

/// How a legend entry shows its series: a line with the series' dashes, a filled box, or a
/// point marker of a given shape.
enum LegendMark {
    case line
    case area
    case point(shape: Int)

    func swatch(index: Int, x: Double, width: Double, middle: Double) -> String {
        let color = seriesColor(index)
        switch self {
        case .line:
            return
                "<line x1=\"\(coordinate(x))\" x2=\"\(coordinate(x + width))\" y1=\"\(coordinate(middle))\" y2=\"\(coordinate(middle))\" stroke=\"\(color)\" stroke-width=\"2.5\"\(dashAttribute(index))/>"
        case .area:
            return
                "<rect x=\"\(coordinate(x + 4))\" y=\"\(coordinate(middle - 5))\" width=\"\(coordinate(width - 8))\" height=\"10\" fill=\"\(color)\" fill-opacity=\"\(index % 2 == 0 ? "0.9" : "0.45")\" stroke=\"\(color)\" stroke-width=\"1.5\"\(dashAttribute(index))/>"
        case .point(let shape):
            return pointMarker(shape: shape, x: x + width / 2, y: middle, color: color, radius: 4, opacity: 1)
        }
    }
}

/// `text` shortened with "…" until its estimated width (times `scale` for larger type) fits.
func fitted(_ text: String, to available: Double, scale: Double = 1) -> String {
    var shortened = text
    while shortened.count > 1 && estimatedTextWidth(shortened) * scale > available {
        shortened = String(shortened.dropLast(shortened.hasSuffix("…") ? 2 : 1)) + "…"
    }
    return shortened
}

/// The width of `text` at the charts' 12 px font, estimated without a font: wide characters
/// (East Asian scripts, full-width forms, emoji) take about 12 px, combining marks none, others
/// about 6.8.
func estimatedTextWidth(_ text: String) -> Double {
    text.unicodeScalars.reduce(0) { width, scalar in
        let wide = wideScalars.contains { $0.contains(scalar.value) }
        let combining = scalar.properties.generalCategory == .nonspacingMark
        return width + (combining ? 0 : wide ? 12 : 6.8)
    }
}

/// The code points drawn twice as wide as Latin letters.
private let wideScalars: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
    0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD,
]
