/// The parts every x–y chart shares: the `<svg>` element with its title and description, the
/// legend, grid lines and tick labels of both axes, axis labels and the frame. Chart kinds
/// draw their marks between `header` and `footer`.
///
/// The legend (drawn when there are several series) sits in rows between the title and the
/// plot, centred, so it never covers a line or a bar; the plot starts below it.
struct PlotFrame {
    let width: Double
    let height: Double
    let title: String
    let description: String
    let xLabel: String
    let yLabel: String
    let xAxis: Axis
    let yAxis: Axis
    /// The series' names, in order; shown when there are at least two.
    let legend: [String]
    let left = 64.0
    var top: Double { 36 + (legendRows.isEmpty ? 0 : Double(legendRows.count) * 18 + 4) }
    var right: Double { width - 16 }
    var bottom: Double { height - 48 }

    func x(_ value: Double) -> Double { xAxis.position(value, from: left, to: right) }
    func y(_ value: Double) -> Double { yAxis.position(value, from: bottom, to: top) }

    /// The opening `<svg>`, title, description, grid and ticks.
    func header(xTickLabels: [(position: Double, label: String)]? = nil) -> String {
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" width="\(coordinate(width))" height="\(coordinate(height))" viewBox="0 0 \(coordinate(width)) \(coordinate(height))" role="img">
            <title>\(escapeXML(title))</title>
            <desc>\(escapeXML(description))</desc>
            <text class="chart-title" x="\(coordinate(width / 2))" y="22" text-anchor="middle">\(escapeXML(title))</text>

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
        for (position, label) in labels {
            svg +=
                "<text class=\"tick\" x=\"\(coordinate(position))\" y=\"\(coordinate(bottom + 16))\" text-anchor=\"middle\">\(escapeXML(label))</text>\n"
        }
        return svg
    }

    /// Axis labels, frame and the closing tag.
    func footer() -> String {
        var svg =
            "<rect class=\"frame\" x=\"\(coordinate(left))\" y=\"\(coordinate(top))\" width=\"\(coordinate(right - left))\" height=\"\(coordinate(bottom - top))\" fill=\"none\"/>\n"
        svg +=
            "<text class=\"axis-label\" x=\"\(coordinate((left + right) / 2))\" y=\"\(coordinate(height - 10))\" text-anchor=\"middle\">\(escapeXML(xLabel))</text>\n"
        svg +=
            "<text class=\"axis-label\" transform=\"translate(16 \(coordinate((top + bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(escapeXML(yLabel))</text>\n"
        return svg + "</svg>"
    }

    /// Width of a legend entry's swatch and the gaps after the swatch and after the name.
    private static let (swatchWidth, swatchGap, entryGap) = (14.0, 6.0, 18.0)

    /// The legend's entries (series index, name, width) in rows that fit the plot's width.
    private var legendRows: [[(index: Int, name: String, width: Double)]] {
        guard legend.count > 1 else { return [] }
        var rows: [[(index: Int, name: String, width: Double)]] = [[]]
        var used = 0.0
        for (index, name) in legend.enumerated() {
            let entry = Self.swatchWidth + Self.swatchGap + estimatedTextWidth(name)
            if !rows[rows.count - 1].isEmpty && used + Self.entryGap + entry > right - left {
                rows.append([])
                used = 0
            }
            used += (rows[rows.count - 1].isEmpty ? 0 : Self.entryGap) + entry
            rows[rows.count - 1].append((index, name, entry))
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
                svg +=
                    "<rect x=\"\(coordinate(x))\" y=\"\(coordinate(baseline - 6))\" width=\"\(coordinate(Self.swatchWidth))\" height=\"4\" fill=\"\(seriesColor(entry.index))\"/>"
                svg +=
                    "<text class=\"legend\" x=\"\(coordinate(x + Self.swatchWidth + Self.swatchGap))\" y=\"\(coordinate(baseline))\">\(escapeXML(entry.name))</text>\n"
                x += entry.width + Self.entryGap
            }
        }
        return svg
    }
}

/// The width of `text` at the charts' 12 px font, estimated without a font: wide (CJK,
/// full-width) characters take about 12 px, others about 6.8.
func estimatedTextWidth(_ text: String) -> Double {
    text.unicodeScalars.reduce(0) { width, scalar in
        width
            + (scalar.properties.isIdeographic || (0xFF00...0xFFEF).contains(scalar.value)
                || (0x3000...0x303F).contains(scalar.value) ? 12 : 6.8)
    }
}
