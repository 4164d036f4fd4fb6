import NotebookFormat

/// A matrix of values as colored cells (e.g. attention weights), the intensity scaled from the
/// smallest to the largest value; the color is a CSS variable, so dark mode restyles it.
///
/// ```swift
/// let chart = HeatMap(title: "注意力权重", values: weights, rowLabels: tokens, columnLabels: tokens)
/// ```
public struct HeatMap: Chart {
    /// The title above the plot, also the SVG's `<title>`.
    public var title: String
    /// The matrix, row by row; every row has the same length.
    public var values: [[Double]]
    /// One label per row, down the left side.
    public var rowLabels: [String]
    /// One label per column, along the bottom.
    public var columnLabels: [String]
    /// The x (column) axis' label.
    public var xLabel: String
    /// The y (row) axis' label.
    public var yLabel: String
    /// Print each value in its cell (for small matrices).
    public var showsValues: Bool

    /// Creates the chart.
    ///
    /// - Parameters:
    ///   - title: The chart's title.
    ///   - values: The matrix, row by row (rows of equal length).
    ///   - rowLabels: One label per row; `nil` for 0, 1, 2, ….
    ///   - columnLabels: One label per column; `nil` for 0, 1, 2, ….
    ///   - xLabel: The column axis' label.
    ///   - yLabel: The row axis' label.
    ///   - showsValues: Whether to print each value in its cell; `nil` prints them for 100 cells or fewer.
    public init(
        title: String, values: [[Double]], rowLabels: [String]? = nil, columnLabels: [String]? = nil,
        xLabel: String = "", yLabel: String = "", showsValues: Bool? = nil
    ) {
        let columns = values.first?.count ?? 0
        precondition(values.allSatisfy { $0.count == columns }, "heat map rows must have equal lengths")
        self.title = title
        self.values = values
        self.rowLabels = rowLabels ?? values.indices.map(String.init)
        self.columnLabels = columnLabels ?? (0..<columns).map(String.init)
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.showsValues = showsValues ?? (values.count * columns <= 100)
    }

    /// Each row's values, named `"row 0"`, `"row 1"`, ….
    public var plottedSeries: [SeriesRecord] {
        values.enumerated().map { SeriesRecord(name: "row \($0)", values: $1) }
    }

    /// The chart as inline SVG, sized by the matrix (square cells of at most 36 units).
    /// - Returns: The markup, ready to put in a page.
    public func svg() -> String {
        let columns = Double(max(values.first?.count ?? 0, 1))
        let width = 80 + min(36, 520 / max(Double(values.count), columns)) * columns + 24 + Self.scaleBand
        return ChartLayout.svg(width: width, height: 0) { width, _, kind in drawing(width, kind) }
    }

    /// The width the colour scale takes right of the grid.
    private static let scaleBand = 64.0

    /// Cells darker than this opacity carry their value in the background colour, lighter ones
    /// in the text colour, so a value stays legible on its cell in both themes.
    private static let strongOpacity = 0.55

    private func drawing(_ available: Double, _ kind: String) -> String {
        let rows = values.count
        let columns = values.first?.count ?? 0
        let (left, top) = (80.0, 44.0)
        let cell = min(
            36, 520 / Double(max(rows, columns, 1)), (available - left - 24 - Self.scaleBand) / Double(max(columns, 1)))
        // Column labels wider than their cells stand upright, reading upwards, below the grid.
        let widestLabel = columnLabels.map(estimatedTextWidth).max() ?? 0
        let uprightLabels = widestLabel > cell - 2
        let labelBand = uprightLabels ? widestLabel + 10 : 18
        let width = left + cell * Double(columns) + 24 + Self.scaleBand
        let height = max(top + cell * Double(rows) + labelBand + 26, top + 150)
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        let low = finite.min() ?? 0
        let span = max((finite.max() ?? 1) - low, 1e-12)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="\(kind) heat-map" width="\(coordinate(width))" height="\(coordinate(height))" viewBox="0 0 \(coordinate(width)) \(coordinate(height))" role="img">
            <title>\(escapeMarkup(title))</title>
            <desc>\(escapeMarkup(description))</desc>
            <text class="chart-title" x="\(coordinate(width / 2))" y="22" text-anchor="middle">\(escapeMarkup(fitted(title, to: width - 16, scale: 14.0 / 12)))</text>

            """
        let showsValues = showsValues && cell >= 24
        // Labels 12 px high need 14 px each: on small cells every n-th row and column is labelled.
        let labelStride = max(1, Int((14 / cell).rounded(.up)))
        for (row, rowValues) in values.enumerated() {
            for (column, value) in rowValues.enumerated() {
                let opacity = value.isFinite ? 0.08 + 0.92 * (value - low) / span : 0
                let (x, y) = (left + cell * Double(column), top + cell * Double(row))
                svg +=
                    "<rect x=\"\(coordinate(x))\" y=\"\(coordinate(y))\" width=\"\(coordinate(cell))\" height=\"\(coordinate(cell))\" fill=\"var(--chart-1)\" fill-opacity=\"\(formatSignificant(opacity, digits: 3))\"/>"
                if showsValues && value.isFinite {
                    let valueClass = opacity > Self.strongOpacity ? "cell-value on-strong" : "cell-value"
                    svg +=
                        "<text class=\"\(valueClass)\" x=\"\(coordinate(x + cell / 2))\" y=\"\(coordinate(y + cell / 2))\" text-anchor=\"middle\" dominant-baseline=\"middle\">\(formatSignificant(value, digits: 2))</text>"
                }
            }
            guard row % labelStride == 0 else { continue }
            svg +=
                "<text class=\"tick\" x=\"\(coordinate(left - 6))\" y=\"\(coordinate(top + cell * (Double(row) + 0.5)))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(escapeMarkup(rowLabels[row]))</text>\n"
        }
        for (column, label) in columnLabels.enumerated() where column % labelStride == 0 {
            let x = coordinate(left + cell * (Double(column) + 0.5))
            svg +=
                uprightLabels
                ? "<text class=\"tick\" transform=\"translate(\(x) \(coordinate(top + cell * Double(rows) + 6))) rotate(-90)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(escapeMarkup(label))</text>"
                : "<text class=\"tick\" x=\"\(x)\" y=\"\(coordinate(top + cell * Double(rows) + 14))\" text-anchor=\"middle\">\(escapeMarkup(label))</text>"
        }
        svg += colorScale(x: left + cell * Double(columns) + 20, top: top, low: low, high: low + span)
        svg +=
            "\n<text class=\"axis-label\" x=\"\(coordinate(left + cell * Double(columns) / 2))\" y=\"\(coordinate(height - 8))\" text-anchor=\"middle\">\(escapeMarkup(xLabel))</text>"
        svg +=
            "<text class=\"axis-label\" transform=\"translate(14 \(coordinate(top + cell * Double(rows) / 2))) rotate(-90)\" text-anchor=\"middle\">\(escapeMarkup(yLabel))</text>\n"
        return svg + "</svg>"
    }

    /// A vertical scale of ten steps from the smallest value (bottom) to the largest (top),
    /// labelled at both ends, drawn as the cells are.
    private func colorScale(x: Double, top: Double, low: Double, high: Double) -> String {
        let (steps, step) = (10, 12.0)
        var svg = ""
        for index in 0..<steps {
            let opacity = 0.08 + 0.92 * Double(steps - 1 - index) / Double(steps - 1)
            svg +=
                "<rect x=\"\(coordinate(x))\" y=\"\(coordinate(top + step * Double(index)))\" width=\"12\" height=\"\(coordinate(step))\" fill=\"var(--chart-1)\" fill-opacity=\"\(formatSignificant(opacity, digits: 3))\"/>"
        }
        svg +=
            "<rect class=\"frame\" x=\"\(coordinate(x))\" y=\"\(coordinate(top))\" width=\"12\" height=\"\(coordinate(step * Double(steps)))\" fill=\"none\"/>"
        svg +=
            "<text class=\"tick\" x=\"\(coordinate(x + 16))\" y=\"\(coordinate(top + 4))\" dominant-baseline=\"middle\">\(formatSignificant(high, digits: 2))</text>"
        svg +=
            "<text class=\"tick\" x=\"\(coordinate(x + 16))\" y=\"\(coordinate(top + step * Double(steps) - 4))\" dominant-baseline=\"middle\">\(formatSignificant(low, digits: 2))</text>\n"
        return svg
    }

    /// A text summary for screen readers: size and range.
    public var description: String {
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        return
            "\(values.count)×\(values.first?.count ?? 0) 的热力图，取值从 \(formatSignificant(finite.min() ?? 0)) 到 \(formatSignificant(finite.max() ?? 0))。"
    }
}
