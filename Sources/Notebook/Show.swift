import NeuralKit
import NotebookFormat
import SVGCharts

/// Draws a training history as a loss curve on the page, with its final loss.
public func show(_ history: History, title: String = "训练损失") {
    show(["loss": history], title: title)
}

/// Draws several training histories as one chart, one curve per name (in the given order).
public func show(
    _ histories: KeyValuePairs<String, History>, title: String = "训练损失", logarithmicY: Bool? = nil
) {
    var chart = LineChart(title: title, xLabel: "epoch", yLabel: "loss", logarithmicY: logarithmicY)
    for (name, history) in histories {
        chart.add(name, y: history.loss.map(Double.init))
    }
    show(chart)
}

/// Draws any SVGCharts chart: `LineChart`, `ScatterChart`, `BarChart`, `Histogram`, `HeatMap`.
/// A chart of measurements (times, speeds) that differ between runs is shown with
/// `measured: true`: like `measured(_:)` for inline values, `mlbook check` then skips its numbers.
public func show(_ chart: some Chart, measured: Bool = false) {
    let series = measured ? [] : chart.plottedSeries
    Notebook.sendFigure(svg: chart.svg(), series: series)
}

/// Draws a table (see `Table`).
public func show(_ table: Table) {
    Notebook.sendHTML(table.html(), numbers: table.checkedNumbers)
}

/// Shows a rank-1 or rank-2 tensor as a table.
public func show(_ tensor: Tensor) {
    let rows = tensor.rank == 2 ? tensor.rows : [tensor.scalars]
    let body = rows.map { row in
        "<tr>" + row.map { "<td>\(formatSignificant(Double($0)))</td>" }.joined() + "</tr>"
    }.joined()
    Notebook.sendHTML("<table class=\"tensor\">\(body)</table>", numbers: tensor.scalars.map(Double.init))
}

/// Records a claim the text makes about a result. A false claim fails `mlbook build` and
/// `mlbook check` with this Markdown line.
public func expect(_ condition: Bool, _ claim: String, line: Int = #line) {
    Notebook.sendClaim(line: line, text: claim, passed: condition)
}

/// Records the claim `value > bound`, with its margin `(value − bound)/|bound|`, which
/// `mlbook check --seeds N` reports at its tightest: how close the claim came to failing.
///
/// ```swift
/// expect(sgdLoss / adamLoss, above: 5, "Adam 的损失不到 SGD 的五分之一")
/// ```
public func expect<Value: BinaryFloatingPoint>(
    _ value: Value, above bound: Value, _ claim: String, line: Int = #line
) {
    let (value, bound) = (Double(value), Double(bound))
    Notebook.sendClaim(line: line, text: claim, passed: value > bound, margin: relativeMargin(value - bound, bound))
}

/// Records the claim `value < bound`, with its margin `(bound − value)/|bound|` (see
/// `expect(_:above:_:)`).
public func expect<Value: BinaryFloatingPoint>(
    _ value: Value, below bound: Value, _ claim: String, line: Int = #line
) {
    let (value, bound) = (Double(value), Double(bound))
    Notebook.sendClaim(line: line, text: claim, passed: value < bound, margin: relativeMargin(bound - value, bound))
}

/// `difference/|bound|`, or the difference itself when the bound is 0; nil when not a number
/// (a NaN value fails the claim and has no margin).
private func relativeMargin(_ difference: Double, _ bound: Double) -> Double? {
    let margin = bound == 0 ? difference : difference / abs(bound)
    return margin.isNaN ? nil : margin
}
