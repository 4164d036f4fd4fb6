/// The parts every x–y chart shares: the `<svg>` element with its title and description, grid
/// lines and tick labels of both axes, axis labels, the frame and the legend. Chart kinds
/// draw their marks between `header` and `footer`.
struct PlotFrame {
    let width: Double
    let height: Double
    let title: String
    let description: String
    let xLabel: String
    let yLabel: String
    let xAxis: Axis
    let yAxis: Axis
    let left = 64.0
    let top = 36.0
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

    /// Axis labels, frame, legend (when there are several series) and the closing tag.
    func footer(legend names: [String]) -> String {
        var svg =
            "<rect class=\"frame\" x=\"\(coordinate(left))\" y=\"\(coordinate(top))\" width=\"\(coordinate(right - left))\" height=\"\(coordinate(bottom - top))\" fill=\"none\"/>\n"
        if names.count > 1 {
            let longest = names.map(\.count).max() ?? 0
            let boxLeft = right - 34 - Double(longest) * 7.5
            // A panel behind the legend keeps it readable over the lines.
            svg +=
                "<rect class=\"legend-panel\" x=\"\(coordinate(boxLeft - 8))\" y=\"\(coordinate(top + 4))\" width=\"\(coordinate(right - boxLeft + 2))\" height=\"\(coordinate(Double(names.count) * 18 + 6))\" rx=\"4\"/>\n"
            for (index, name) in names.enumerated() {
                let rowY = top + 16 + Double(index) * 18
                svg +=
                    "<rect x=\"\(coordinate(boxLeft))\" y=\"\(coordinate(rowY - 6))\" width=\"14\" height=\"4\" fill=\"\(seriesColor(index))\"/>"
                svg +=
                    "<text class=\"legend\" x=\"\(coordinate(boxLeft + 20))\" y=\"\(coordinate(rowY))\">\(escapeXML(name))</text>\n"
            }
        }
        svg +=
            "<text class=\"axis-label\" x=\"\(coordinate((left + right) / 2))\" y=\"\(coordinate(height - 10))\" text-anchor=\"middle\">\(escapeXML(xLabel))</text>\n"
        svg +=
            "<text class=\"axis-label\" transform=\"translate(16 \(coordinate((top + bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(escapeXML(yLabel))</text>\n"
        return svg + "</svg>"
    }
}
