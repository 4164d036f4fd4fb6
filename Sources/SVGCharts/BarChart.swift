import NotebookFormat

/// Bars for named categories, one group of bars per category and one bar per series.
///
/// ```swift
/// var chart = BarChart(title: "每个 epoch 的时间", categories: ["1", "32", "全量"], yLabel: "秒")
/// chart.add("SGD", values: [0.9, 0.05, 0.01])
/// ```
public struct BarChart: Chart {
    /// The title above the plot, also the SVG's `<title>`.
    public var title: String
    /// The category names along the x axis, one group of bars each.
    public var categories: [String]
    /// The x axis' label.
    public var xLabel: String
    /// The y axis' label.
    public var yLabel: String
    /// The drawing's width in SVG user units (CSS pixels at 100 %).
    public var width = 640.0
    /// The drawing's height in SVG user units.
    public var height = 360.0
    private var series: [SeriesRecord] = []

    /// Creates a chart without bars.
    ///
    /// - Parameters:
    ///   - title: The chart's title.
    ///   - categories: The category names, in order.
    ///   - xLabel: The x axis' label.
    ///   - yLabel: The y axis' label.
    public init(title: String, categories: [String], xLabel: String = "", yLabel: String = "") {
        self.title = title
        self.categories = categories
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Adds one value per category.
    ///
    /// - Parameters:
    ///   - name: The series' name, shown in the legend.
    ///   - values: One value per category, in the order of `categories`.
    public mutating func add(_ name: String, values: [Double]) {
        precondition(
            values.count == categories.count, "\(name) has \(values.count) values for \(categories.count) categories")
        series.append(SeriesRecord(name: name, values: values))
    }

    /// Each series' values under its name.
    public var plottedSeries: [SeriesRecord] { series }

    /// The chart as inline SVG (two drawings, wide and narrow, at the default width).
    /// - Returns: The markup, ready to put in a page.
    public func svg() -> String {
        ChartLayout.svg(width: width, height: height) { width, height, kind in drawing(width, height, kind) }
    }

    private func drawing(_ width: Double, _ height: Double, _ kind: String) -> String {
        let yAxis = Axis(covering: series.flatMap(\.values), includingZero: true)
        let xAxis = Axis(covering: [0, Double(max(categories.count, 1))])
        let frame = PlotFrame(
            width: width, height: height, title: title, description: description, xLabel: xLabel, yLabel: yLabel,
            xAxis: xAxis, yAxis: yAxis, legend: series.map(\.name), svgClass: kind)
        let slot = (frame.right - frame.left) / Double(max(categories.count, 1))
        let barWidth = slot * 0.8 / Double(max(series.count, 1))
        let labels = categories.enumerated().map { (frame.left + slot * (Double($0) + 0.5), $1) }
        var svg = frame.header(xTickLabels: labels)
        let zero = frame.y(0)
        for (seriesIndex, bars) in series.enumerated() {
            for (category, value) in bars.values.enumerated() where value.isFinite {
                let x = frame.left + slot * (Double(category) + 0.1) + barWidth * Double(seriesIndex)
                let top = frame.y(value)
                svg +=
                    "<rect x=\"\(coordinate(x))\" y=\"\(coordinate(min(top, zero)))\" width=\"\(coordinate(barWidth))\" height=\"\(coordinate(abs(zero - top)))\" fill=\"\(seriesColor(seriesIndex))\" fill-opacity=\"\(seriesIndex % 2 == 0 ? "0.9" : "0.45")\" stroke=\"\(seriesColor(seriesIndex))\" stroke-width=\"1.5\"\(dashAttribute(seriesIndex))/>"
            }
            svg += "\n"
        }
        return svg + frame.footer()
    }

    /// A text summary for screen readers: every value.
    public var description: String {
        "\(yLabel) 的柱状图。"
            + series.map { bars in
                "\(bars.name)："
                    + zip(categories, bars.values).map { "\($0) \(formatSignificant($1))" }.joined(separator: "，")
            }.joined(separator: "；")
    }
}
