/// A chart that renders itself as an inline `<svg>` and exposes the numbers it plots (so
/// `mlbook check` can compare them with recorded results).
public protocol Chart: Sendable {
    /// The chart as a standalone `<svg>` element with a `<title>` and a `<desc>`.
    func svg() -> String
    /// The plotted numbers, one named series each.
    var plottedSeries: [ChartSeries] { get }
}

/// Named numbers a chart plots.
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

/// The color of series `index`: a CSS variable the page's light and dark themes define.
func seriesColor(_ index: Int) -> String {
    "var(--chart-\(index % 6 + 1))"
}

/// A number for an SVG attribute: rounded to 0.1 user units, stable formatting.
func coordinate(_ value: Double) -> String {
    formatSignificant((value * 10).rounded() / 10, digits: 6)
}
