/// A line chart of one or more series, rendered as a standalone inline `<svg>` whose colors
/// come from CSS variables (`--chart-1` …), so a page's light and dark themes restyle it.
///
/// ```swift
/// var chart = LineChart(title: "训练损失", xLabel: "epoch", yLabel: "loss")
/// chart.add("Adam", y: [0.3, 0.1, 0.08])
/// let svg = chart.svg()
/// ```
public struct LineChart: Sendable {
    /// One named line.
    public struct Series: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public private(set) var series: [Series] = []
    /// The drawing size in user units (the SVG scales to its container).
    public var width = 640.0
    public var height = 360.0

    public init(title: String, xLabel: String = "", yLabel: String = "") {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Adds a series; `x` defaults to 1, 2, 3, … (epochs).
    public mutating func add(_ name: String, x: [Double]? = nil, y: [Double]) {
        let xs = x ?? (1...max(y.count, 1)).prefix(y.count).map(Double.init)
        precondition(xs.count == y.count, "series \(name) has \(xs.count) x values and \(y.count) y values")
        series.append(Series(name: name, x: xs, y: y))
    }

    /// The chart as an `<svg>` element with `<title>` and `<desc>` for screen readers.
    public func svg() -> String {
        let plot = (left: 64.0, right: width - 16, top: 36.0, bottom: height - 48)
        let xAxis = Axis(covering: series.flatMap(\.x))
        let yAxis = Axis(covering: series.flatMap(\.y))
        func px(_ x: Double) -> String { formatSignificant((xAxis.position(x, from: plot.left, to: plot.right) * 10).rounded() / 10) }
        func py(_ y: Double) -> String { formatSignificant((yAxis.position(y, from: plot.bottom, to: plot.top) * 10).rounded() / 10) }

        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(formatSignificant(width)) \(formatSignificant(height))" role="img" aria-labelledby="t d">
            <title>\(escapeXML(title))</title>
            <desc>\(escapeXML(description))</desc>
            <text class="chart-title" x="\(formatSignificant(width / 2))" y="22" text-anchor="middle">\(escapeXML(title))</text>

            """
        for tick in yAxis.ticks {
            svg += "<line class=\"grid\" x1=\"\(formatSignificant(plot.left))\" x2=\"\(formatSignificant(plot.right))\" y1=\"\(py(tick))\" y2=\"\(py(tick))\"/>"
            svg += "<text class=\"tick\" x=\"\(formatSignificant(plot.left - 6))\" y=\"\(py(tick))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(formatSignificant(tick))</text>\n"
        }
        for tick in xAxis.ticks {
            svg += "<text class=\"tick\" x=\"\(px(tick))\" y=\"\(formatSignificant(plot.bottom + 16))\" text-anchor=\"middle\">\(formatSignificant(tick))</text>\n"
        }
        svg += "<rect class=\"frame\" x=\"\(formatSignificant(plot.left))\" y=\"\(formatSignificant(plot.top))\" width=\"\(formatSignificant(plot.right - plot.left))\" height=\"\(formatSignificant(plot.bottom - plot.top))\" fill=\"none\"/>\n"
        for (index, line) in series.enumerated() {
            svg += "<path class=\"series\" fill=\"none\" stroke=\"var(--chart-\(index % 6 + 1))\" stroke-width=\"2\" d=\"\(pathData(line, px: px, py: py))\"/>\n"
        }
        if series.count > 1 {
            for (index, line) in series.enumerated() {
                let y = plot.top + 14 + Double(index) * 18
                svg += "<rect x=\"\(formatSignificant(plot.right - 120))\" y=\"\(formatSignificant(y - 8))\" width=\"14\" height=\"4\" fill=\"var(--chart-\(index % 6 + 1))\"/>"
                svg += "<text class=\"legend\" x=\"\(formatSignificant(plot.right - 100))\" y=\"\(formatSignificant(y))\">\(escapeXML(line.name))</text>\n"
            }
        }
        svg += "<text class=\"axis-label\" x=\"\(formatSignificant((plot.left + plot.right) / 2))\" y=\"\(formatSignificant(height - 10))\" text-anchor=\"middle\">\(escapeXML(xLabel))</text>\n"
        svg += "<text class=\"axis-label\" transform=\"translate(16 \(formatSignificant((plot.top + plot.bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(escapeXML(yLabel))</text>\n"
        return svg + "</svg>"
    }

    /// A text summary for screen readers: each series' length and last value.
    public var description: String {
        let parts = series.map { line in
            let last = line.y.last.map { formatSignificant($0) } ?? "—"
            return "\(line.name)：\(line.y.count) 个点，最终值 \(last)"
        }
        return "\(xLabel) 与 \(yLabel) 的折线图。" + parts.joined(separator: "；")
    }

    /// An SVG path through the finite points; a NaN or infinite value breaks the line.
    private func pathData(_ line: Series, px: (Double) -> String, py: (Double) -> String) -> String {
        var commands: [String] = []
        var penDown = false
        for (x, y) in zip(line.x, line.y) {
            guard x.isFinite, y.isFinite else {
                penDown = false
                continue
            }
            commands.append("\(penDown ? "L" : "M")\(px(x)) \(py(y))")
            penDown = true
        }
        return commands.joined(separator: " ")
    }
}
