import NotebookFormat

/// A line chart of one or more series, rendered as an inline `<svg>` whose colors come from
/// CSS variables (`--chart-1` …), so a page's light and dark themes restyle it. The y axis
/// turns logarithmic by itself when the data spans more than two decades; NaN and ∞ break a
/// line instead of breaking the chart; long series are thinned to at most
/// `maximumPointsPerSeries` points, keeping each bucket's minimum and maximum.
///
/// ```swift
/// var chart = LineChart(title: "训练损失", xLabel: "epoch", yLabel: "loss")
/// chart.add("Adam", y: [0.3, 0.1, 0.08])
/// let svg = chart.svg()
/// ```
public struct LineChart: Chart {
    /// One named line.
    public struct Series: Sendable {
        /// The line's name, shown in the legend.
        public var name: String
        /// The x coordinates, one per point.
        public var x: [Double]
        /// The y coordinates, one per point; NaN and ±∞ leave a gap in the line.
        public var y: [Double]
    }

    /// The title above the plot, also the SVG's `<title>`.
    public var title: String
    /// The x axis' label.
    public var xLabel: String
    /// The y axis' label.
    public var yLabel: String
    /// The lines, in the order they were added (and drawn).
    public private(set) var series: [Series] = []
    /// nil chooses by the data (see `Axis.prefersLogarithmic`).
    public var logarithmicY: Bool?
    /// The most points a line is drawn with: longer lines keep each bucket's minimum and maximum.
    public var maximumPointsPerSeries = 1200
    /// The drawing's width in SVG user units (CSS pixels at 100 %).
    public var width = 640.0
    /// The drawing's height in SVG user units.
    public var height = 360.0

    /// Creates an empty chart.
    ///
    /// - Parameters:
    ///   - title: The chart's title.
    ///   - xLabel: The x axis' label.
    ///   - yLabel: The y axis' label.
    ///   - logarithmicY: `true` or `false` to force the y scale; `nil` lets the data choose.
    public init(title: String, xLabel: String = "", yLabel: String = "", logarithmicY: Bool? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logarithmicY = logarithmicY
    }

    /// Adds a series; `x` defaults to 1, 2, 3, … (epochs).
    ///
    /// - Parameters:
    ///   - name: The line's name, shown in the legend.
    ///   - x: The x coordinates; `nil` for 1, 2, 3, ….
    ///   - y: The y coordinates, as many as `x`.
    public mutating func add(_ name: String, x: [Double]? = nil, y: [Double]) {
        let xs = x ?? (0..<y.count).map { Double($0 + 1) }
        precondition(xs.count == y.count, "series \(name) has \(xs.count) x values and \(y.count) y values")
        series.append(Series(name: name, x: xs, y: y))
    }

    /// Each line's y values under its name.
    public var plottedSeries: [SeriesRecord] { series.map { SeriesRecord(name: $0.name, values: $0.y) } }

    /// The chart as inline SVG (two drawings, wide and narrow, at the default width).
    /// - Returns: The markup, ready to put in a page.
    public func svg() -> String {
        ChartLayout.svg(width: width, height: height) { width, height, kind in drawing(width, height, kind) }
    }

    private func drawing(_ width: Double, _ height: Double, _ kind: String) -> String {
        let allY = series.flatMap(\.y)
        let frame = PlotFrame(
            width: width, height: height, title: title, description: description, xLabel: xLabel,
            yLabel: yLabel, xAxis: Axis(covering: series.flatMap(\.x)),
            yAxis: Axis(covering: allY, logarithmic: logarithmicY ?? Axis.prefersLogarithmic(allY)),
            legend: series.map(\.name), marks: series.map { _ in .line }, svgClass: kind)
        var svg = frame.header()
        for (index, line) in series.enumerated() {
            let points = Downsampling.keepingExtremes(x: line.x, y: line.y, maximum: maximumPointsPerSeries)
            svg +=
                "<path class=\"series\" fill=\"none\" stroke=\"\(seriesColor(index))\" stroke-width=\"2\"\(dashAttribute(index)) d=\"\(pathData(points, frame))\"/>\n"
        }
        return svg + frame.footer()
    }

    /// A text summary for screen readers: each series' length and last value.
    public var description: String {
        let parts = series.map { line in
            "\(line.name)：\(line.y.count) 个点，最终值 \(line.y.last.map { formatSignificant($0) } ?? "—")"
        }
        return "\(xLabel) 与 \(yLabel) 的折线图。" + parts.joined(separator: "；")
    }

    /// An SVG path through the finite points; a NaN or infinite value lifts the pen.
    private func pathData(_ points: [(x: Double, y: Double)], _ frame: PlotFrame) -> String {
        var commands: [String] = []
        var penDown = false
        for (x, y) in points {
            guard x.isFinite, y.isFinite, !(frame.yAxis.logarithmic && y <= 0) else {
                penDown = false
                continue
            }
            commands.append("\(penDown ? "L" : "M")\(coordinate(frame.x(x))) \(coordinate(frame.y(y)))")
            penDown = true
        }
        return commands.joined(separator: " ")
    }
}

/// Thins long series for drawing without hiding spikes.
enum Downsampling {
    /// The first of the screen points in each `cellSize` square, in their order: points
    /// closer than a marker's width look the same drawn once.
    static func onePerCell(_ points: [(Double, Double)], cellSize: Double) -> [(Double, Double)] {
        var seen = Set<Int64>()
        return points.filter { x, y in
            let (column, row) = (Int64((x / cellSize).rounded(.down)), Int64((y / cellSize).rounded(.down)))
            return seen.insert(column &* 1_000_003 &+ row).inserted
        }
    }

    /// At most about `maximum` points: the series is cut into buckets and each keeps its
    /// minimum and maximum in their original order (non-finite values are always kept, so
    /// gaps stay gaps).
    static func keepingExtremes(x: [Double], y: [Double], maximum: Int) -> [(x: Double, y: Double)] {
        guard y.count > maximum, maximum >= 4 else { return Array(zip(x, y)) }
        let bucketSize = Int((Double(y.count) / Double(maximum / 2)).rounded(.up))
        var kept: [(x: Double, y: Double)] = []
        for start in stride(from: 0, to: y.count, by: bucketSize) {
            let range = start..<min(start + bucketSize, y.count)
            if let gap = range.first(where: { !y[$0].isFinite }) {
                kept.append((x[gap], y[gap]))
                continue
            }
            guard let low = range.min(by: { y[$0] < y[$1] }), let high = range.max(by: { y[$0] < y[$1] }) else {
                continue
            }
            for index in Set([low, high]).sorted() { kept.append((x[index], y[index])) }
        }
        return kept
    }
}
