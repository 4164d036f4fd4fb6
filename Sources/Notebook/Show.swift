import NeuralKit
import NotebookFormat
import SVGCharts

/// Draws a training history as a loss curve on the page, with its final loss.
public func show(_ history: History, title: String = "训练损失") {
    show(["loss": history], title: title)
}

/// Draws several training histories as one chart, one curve per name (in the given order).
public func show(_ histories: KeyValuePairs<String, History>, title: String = "训练损失") {
    var chart = LineChart(title: title, xLabel: "epoch", yLabel: "loss")
    for (name, history) in histories {
        chart.add(name, y: history.loss.map(Double.init))
    }
    show(chart)
}

/// Draws any SVGCharts chart: `LineChart`, `ScatterChart`, `BarChart`, `Histogram`, `HeatMap`.
/// A chart of measurements (times, speeds) that differ between runs is shown with
/// `measured: true`: like `measured(_:)` for inline values, `mlbook check` then skips its numbers.
public func show(_ chart: some Chart, measured: Bool = false) {
    let series = measured ? [] : chart.plottedSeries.map { SeriesRecord(name: $0.name, values: $0.values) }
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
