import NotebookFormat

/// Points, optionally with lines through them (a fitted model over its data).
///
/// ```swift
/// var chart = ScatterChart(title: "数据与拟合", xLabel: "x", yLabel: "y")
/// chart.addPoints("样本", x: xs, y: ys)
/// chart.addLine("拟合", x: [0, 1], y: [1, 3])
/// ```
public struct ScatterChart: Chart {
    struct Layer: Sendable {
        var name: String
        var x: [Double]
        var y: [Double]
        var isLine: Bool
    }

    /// The title above the plot, also the SVG's `<title>`.
    public var title: String
    /// The x axis' label.
    public var xLabel: String
    /// The y axis' label.
    public var yLabel: String
    /// The drawing's width in SVG user units (CSS pixels at 100 %).
    public var width = 640.0
    /// The drawing's height in SVG user units.
    public var height = 360.0
    private var layers: [Layer] = []

    /// Creates an empty chart.
    ///
    /// - Parameters:
    ///   - title: The chart's title.
    ///   - xLabel: The x axis' label.
    ///   - yLabel: The y axis' label.
    public init(title: String, xLabel: String = "", yLabel: String = "") {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Adds a set of points.
    ///
    /// - Parameters:
    ///   - name: The set's name, shown in the legend.
    ///   - x: The x coordinates.
    ///   - y: The y coordinates, as many as `x`.
    public mutating func addPoints(_ name: String, x: [Double], y: [Double]) {
        precondition(x.count == y.count, "\(name) has \(x.count) x values and \(y.count) y values")
        layers.append(Layer(name: name, x: x, y: y, isLine: false))
    }

    /// Adds a line through points in the given order (e.g. a model's predictions on a grid).
    ///
    /// - Parameters:
    ///   - name: The line's name, shown in the legend.
    ///   - x: The x coordinates.
    ///   - y: The y coordinates, as many as `x`.
    public mutating func addLine(_ name: String, x: [Double], y: [Double]) {
        precondition(x.count == y.count, "\(name) has \(x.count) x values and \(y.count) y values")
        layers.append(Layer(name: name, x: x, y: y, isLine: true))
    }

    /// Two series per set of points or line: `"name.x"` and `"name.y"`, every point (none thinned).
    public var plottedSeries: [SeriesRecord] {
        layers.flatMap {
            [SeriesRecord(name: "\($0.name).x", values: $0.x), SeriesRecord(name: "\($0.name).y", values: $0.y)]
        }
    }

    /// The chart as inline SVG (two drawings, wide and narrow, at the default width).
    /// - Returns: The markup, ready to put in a page.
    public func svg() -> String {
        ChartLayout.svg(width: width, height: height) { width, height, kind in drawing(width, height, kind) }
    }

    /// The mark of each layer: lines by their dashes, point sets by their marker shapes.
    private var marks: [LegendMark] {
        var shapes = 0
        return layers.map { layer in
            if layer.isLine { return .line }
            shapes += 1
            return .point(shape: shapes - 1)
        }
    }

    private func drawing(_ width: Double, _ height: Double, _ kind: String) -> String {
        let marks = marks
        let frame = PlotFrame(
            width: width, height: height, title: title, description: description, xLabel: xLabel, yLabel: yLabel,
            xAxis: Axis(covering: layers.flatMap(\.x)), yAxis: Axis(covering: layers.flatMap(\.y)),
            legend: layers.map(\.name), marks: marks, svgClass: kind)
        var svg = frame.header()
        for (index, layer) in layers.enumerated() {
            let points = zip(layer.x, layer.y).filter { $0.isFinite && $1.isFinite }
            if layer.isLine {
                let thinned = Downsampling.keepingExtremes(
                    x: points.map(\.0), y: points.map(\.1), maximum: 1200)
                let path = thinned.enumerated().map {
                    "\($0 == 0 ? "M" : "L")\(coordinate(frame.x($1.x))) \(coordinate(frame.y($1.y)))"
                }
                svg +=
                    "<path fill=\"none\" stroke=\"\(seriesColor(index))\" stroke-width=\"2\"\(dashAttribute(index)) d=\"\(path.joined(separator: " "))\"/>\n"
            } else if case .point(let shape) = marks[index] {
                // A marker is 3.5 units wide: of the points that fall in one 1.5-unit square only
                // the first is drawn (100,000 points would otherwise make megabytes of identical
                // marks); the axes still cover every point, and `plottedSeries` keeps them all.
                let onScreen = points.map { (frame.x($0.0), frame.y($0.1)) }
                for (x, y) in Downsampling.onePerCell(onScreen, cellSize: 1.5) {
                    svg += pointMarker(shape: shape, x: x, y: y, color: seriesColor(index))
                }
                svg += "\n"
            }
        }
        return svg + frame.footer()
    }

    /// A text summary for screen readers.
    public var description: String {
        "\(xLabel) 与 \(yLabel) 的散点图。"
            + layers.map { "\($0.name)：\($0.x.count) 个\($0.isLine ? "线上点" : "点")" }.joined(separator: "；")
    }
}
