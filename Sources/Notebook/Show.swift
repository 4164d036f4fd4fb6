import NeuralKit
import NotebookFormat
import SVGCharts

/// Draws a training history as a loss curve on the page, with its final loss.
///
/// - Parameters:
///   - history: What `fit` returned; its `loss` is drawn against the epoch.
///   - title: The chart's title.
public func show(_ history: History, title: String = "训练损失") {
    show(["loss": history], title: title)
}

/// Draws several training histories as one chart, one curve per name (in the given order).
///
/// ```swift
/// show(["SGD": sgdHistory, "Adam": adamHistory], title: "两种优化器的训练损失")
/// ```
///
/// - Parameters:
///   - histories: The curves' names and histories, in legend order.
///   - title: The chart's title.
///   - logarithmicY: `true` or `false` to force the y scale; `nil` lets the data choose.
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
///
/// - Parameters:
///   - chart: The chart, drawn as inline SVG; its plotted numbers are recorded in `_freeze/`.
///   - measured: Whether its numbers vary between runs, so `mlbook check` must not compare them.
public func show(_ chart: some Chart, measured: Bool = false) {
    let series = measured ? [] : chart.plottedSeries
    Notebook.sendFigure(svg: chart.svg(), series: series)
}

/// Draws a table (see `Table`).
///
/// - Parameter table: The table; its numbers, except measured ones, are recorded and compared.
public func show(_ table: Table) {
    Notebook.sendHTML(table.html(), numbers: table.checkedNumbers)
}

/// Shows a rank-1 or rank-2 tensor as a table.
///
/// - Parameter tensor: A vector (one row) or a matrix; numbers are shown with 4 significant digits.
public func show(_ tensor: Tensor) {
    let rows = tensor.rank == 2 ? tensor.rows : [tensor.scalars]
    let body = rows.map { row in
        "<tr>" + row.map { "<td>\(formatSignificant(Double($0)))</td>" }.joined() + "</tr>"
    }.joined()
    Notebook.sendHTML("<table class=\"tensor\">\(body)</table>", numbers: tensor.scalars.map(Double.init))
}

/// Records a claim the text makes about a result. A false claim fails `mlbook build` and
/// `mlbook check` with this Markdown line.
///
/// ```swift
/// expect(history.finalLoss < history.loss[0], "训练后的损失低于第一个 epoch 的损失")
/// ```
///
/// - Parameters:
///   - condition: Whether the claim holds.
///   - claim: The claim in the book's words, shown in reports.
///   - line: The cell's source line; leave the default.
public func expect(_ condition: Bool, _ claim: String, line: Int = #line) {
    Notebook.sendClaim(line: line, text: claim, passed: condition)
}

/// Records the claim `value > bound`, with its margin `(value − bound)/|bound|`, which
/// `mlbook check --seeds N` reports at its tightest: how close the claim came to failing.
///
/// ```swift
/// expect(sgdLoss / adamLoss, above: 5, "Adam 的损失不到 SGD 的五分之一")
/// ```
///
/// - Parameters:
///   - value: The measured quantity.
///   - bound: The value it must exceed.
///   - claim: The claim in the book's words, shown in reports.
///   - line: The cell's source line; leave the default.
public func expect<Value: BinaryFloatingPoint>(
    _ value: Value, above bound: Value, _ claim: String, line: Int = #line
) {
    let (value, bound) = (Double(value), Double(bound))
    Notebook.sendClaim(line: line, text: claim, passed: value > bound, margin: relativeMargin(value - bound, bound))
}

/// Records the claim `value < bound`, with its margin `(bound − value)/|bound|` (see
/// `expect(_:above:_:)`).
///
/// - Parameters:
///   - value: The measured quantity.
///   - bound: The value it must stay under.
///   - claim: The claim in the book's words, shown in reports.
///   - line: The cell's source line; leave the default.
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
