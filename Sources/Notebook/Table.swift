import NeuralKit
import SVGCharts

/// A table for the page: a header row and rows of values, formatted like inline values
/// (numbers with 4 significant digits). Measured values (`measured(seconds)`) are shown but
/// not compared by `mlbook check`; every other number is.
///
/// ```swift
/// var table = Table(["宽度", "参数量", "训练时间 (s)", "验证损失"])
/// table.add(["4", 17, measured(0.12), 0.083])
/// show(table)
/// ```
public struct Table {
    /// The header row: one name per column.
    public var columns: [String]
    /// Each row's cells as text, and the numbers in it that `check` compares.
    private var rows: [(cells: [(text: String, isNumber: Bool)], numbers: [Double])] = []

    /// Creates a table without rows.
    ///
    /// - Parameter columns: The column names, in order.
    public init(_ columns: [String]) {
        self.columns = columns
    }

    /// Adds a row; it must have one value per column.
    ///
    /// - Parameter values: One value per column: text, a number, or `measured(…)`.
    public mutating func add(_ values: [Any]) {
        precondition(values.count == columns.count, "a row of \(values.count) values for \(columns.count) columns")
        var cells: [(text: String, isNumber: Bool)] = []
        var numbers: [Double] = []
        for value in values {
            let (text, number, measured) = InlineFormat.format(value)
            cells.append((text, number != nil))
            if let number, !measured { numbers.append(number) }
        }
        rows.append((cells, numbers))
    }

    /// The numbers `check` compares, row by row.
    var checkedNumbers: [Double] { rows.flatMap(\.numbers) }

    /// The table as HTML; numeric cells are right-aligned by the stylesheet.
    func html() -> String {
        let head = columns.map { "<th>\(escapeMarkup($0))</th>" }.joined()
        let body = rows.map { row in
            "<tr>"
                + row.cells.map { "<td\($0.isNumber ? "" : " class=\"text\"")>\(escapeMarkup($0.text))</td>" }.joined()
                + "</tr>"
        }.joined(separator: "\n")
        return "<table class=\"data\"><thead><tr>\(head)</tr></thead><tbody>\n\(body)\n</tbody></table>"
    }
}
