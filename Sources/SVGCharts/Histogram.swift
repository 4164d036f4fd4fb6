import NotebookFormat

/// The distribution of one or more samples over shared bins (e.g. weights under L1 vs L2),
/// drawn as overlaid, half-transparent step areas.
///
/// ```swift
/// var chart = Histogram(title: "权重分布", xLabel: "权重", bins: 30)
/// chart.add("L1", values: l1Weights)
/// chart.add("L2", values: l2Weights)
/// ```
public struct Histogram: Chart {
    /// The title above the plot, also the SVG's `<title>`.
    public var title: String
    /// The x axis' label.
    public var xLabel: String
    /// The y axis' label (default "个数", count).
    public var yLabel: String
    /// The number of equal-width bins.
    public var bins: Int
    /// The drawing's width in SVG user units (CSS pixels at 100 %).
    public var width = 640.0
    /// The drawing's height in SVG user units.
    public var height = 360.0
    private var samples: [SeriesRecord] = []

    /// Creates a histogram without samples.
    ///
    /// - Parameters:
    ///   - title: The chart's title.
    ///   - xLabel: The x axis' label.
    ///   - yLabel: The y axis' label.
    ///   - bins: The number of bins, at least 1.
    public init(title: String, xLabel: String = "", yLabel: String = "个数", bins: Int = 30) {
        precondition(bins > 0, "a histogram needs at least one bin, got \(bins)")
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.bins = bins
    }

    /// Adds a sample (non-finite values are left out).
    ///
    /// - Parameters:
    ///   - name: The sample's name, shown in the legend.
    ///   - values: The sample's values.
    public mutating func add(_ name: String, values: [Double]) {
        samples.append(SeriesRecord(name: name, values: values.filter(\.isFinite)))
    }

    /// The bin edges shared by every sample: `bins` equal widths over their joint range.
    public var edges: [Double] {
        let all = samples.flatMap(\.values)
        var low = all.min() ?? 0
        var high = all.max() ?? 1
        if low == high {
            low -= 0.5
            high += 0.5
        }
        return (0...bins).map { low + (high - low) * Double($0) / Double(bins) }
    }

    /// The count of each sample in each bin (the last bin includes its right edge).
    public var counts: [[Int]] {
        let edges = edges
        let (low, span) = (edges[0], edges[bins] - edges[0])
        return samples.map { sample in
            var counts = [Int](repeating: 0, count: bins)
            for value in sample.values {
                counts[min(Int((value - low) / span * Double(bins)), bins - 1)] += 1
            }
            return counts
        }
    }

    /// Each sample's bin counts under its name.
    public var plottedSeries: [SeriesRecord] {
        zip(samples, counts).map { SeriesRecord(name: $0.name, values: $1.map(Double.init)) }
    }

    /// The chart as inline SVG (two drawings, wide and narrow, at the default width).
    /// - Returns: The markup, ready to put in a page.
    public func svg() -> String {
        ChartLayout.svg(width: width, height: height) { width, height, kind in drawing(width, height, kind) }
    }

    private func drawing(_ width: Double, _ height: Double, _ kind: String) -> String {
        let (edges, counts) = (edges, counts)
        let frame = PlotFrame(
            width: width, height: height, title: title, description: description, xLabel: xLabel, yLabel: yLabel,
            xAxis: Axis(covering: [edges[0], edges[bins]]),
            yAxis: Axis(covering: counts.flatMap { $0.map(Double.init) }, includingZero: true),
            legend: samples.map(\.name), svgClass: kind)
        var svg = frame.header()
        for (index, binCounts) in counts.enumerated() {
            var path = "M\(coordinate(frame.x(edges[0]))) \(coordinate(frame.y(0)))"
            for (bin, count) in binCounts.enumerated() {
                path += " L\(coordinate(frame.x(edges[bin]))) \(coordinate(frame.y(Double(count))))"
                path += " L\(coordinate(frame.x(edges[bin + 1]))) \(coordinate(frame.y(Double(count))))"
            }
            path += " L\(coordinate(frame.x(edges[bins]))) \(coordinate(frame.y(0))) Z"
            svg +=
                "<path d=\"\(path)\" fill=\"\(seriesColor(index))\" fill-opacity=\"0.45\" stroke=\"\(seriesColor(index))\" stroke-width=\"1.5\"\(dashAttribute(index))/>\n"
        }
        return svg + frame.footer()
    }

    /// A text summary for screen readers.
    public var description: String {
        "\(xLabel) 的直方图，\(bins) 个区间。" + samples.map { "\($0.name)：\($0.values.count) 个值" }.joined(separator: "；")
    }
}
