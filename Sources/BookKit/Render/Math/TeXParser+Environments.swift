/// How an environment lays out its cells; `\begin{…}` looks its name up here.
struct EnvironmentLayout {
    var alignments: [ColumnAlignment]
    var displayStyle: Bool
    var pairsColumns = false
    var open: String? = nil
    var close: String? = nil
    /// `array` reads its column alignments from an argument (`{lcr}`).
    var readsColumns = false
    /// `alignat` takes the number of its column pairs, which the layout does not need.
    var skipsArgument = false
    /// `smallmatrix` sets its cells at script size, close together.
    var isSmall = false
    /// `equation` is one formula, not a table.
    var isTable = true

    static let named: [String: EnvironmentLayout] = {
        let aligned = EnvironmentLayout(alignments: [.right, .left], displayStyle: true, pairsColumns: true)
        let gathered = EnvironmentLayout(alignments: [.center], displayStyle: true)
        let matrix = EnvironmentLayout(alignments: [.center], displayStyle: false)
        let cases = EnvironmentLayout(alignments: [.left], displayStyle: false, open: "{")
        let equation = EnvironmentLayout(alignments: [], displayStyle: true, isTable: false)
        return [
            "aligned": aligned, "align": aligned, "align*": aligned, "split": aligned,
            "gathered": gathered, "gather": gathered, "gather*": gathered,
            "equation": equation, "equation*": equation,
            "cases": cases, "dcases": with(cases) { $0.displayStyle = true },
            "rcases": with(cases) { ($0.open, $0.close) = (nil, "}") },
            "matrix": matrix, "pmatrix": with(matrix) { ($0.open, $0.close) = ("(", ")") },
            "bmatrix": with(matrix) { ($0.open, $0.close) = ("[", "]") },
            "Bmatrix": with(matrix) { ($0.open, $0.close) = ("{", "}") },
            "vmatrix": with(matrix) { ($0.open, $0.close) = ("|", "|") },
            "Vmatrix": with(matrix) { ($0.open, $0.close) = ("‖", "‖") },
            "array": with(matrix) { $0.readsColumns = true },
            "darray": with(matrix) { ($0.readsColumns, $0.displayStyle) = (true, true) },
            "subarray": with(matrix) { ($0.readsColumns, $0.isSmall) = (true, true) },
            "smallmatrix": with(matrix) { $0.isSmall = true },
            "psmallmatrix": with(matrix) { ($0.isSmall, $0.open, $0.close) = (true, "(", ")") },
            "bsmallmatrix": with(matrix) { ($0.isSmall, $0.open, $0.close) = (true, "[", "]") },
            "alignat": with(aligned) { $0.skipsArgument = true }, "alignat*": with(aligned) { $0.skipsArgument = true },
            "alignedat": with(aligned) { $0.skipsArgument = true },
            "multline": gathered, "multline*": gathered,
            "eqnarray": EnvironmentLayout(alignments: [.right, .center, .left], displayStyle: true),
            "eqnarray*": EnvironmentLayout(alignments: [.right, .center, .left], displayStyle: true),
        ]
    }()

    private static func with(_ layout: EnvironmentLayout, _ change: (inout EnvironmentLayout) -> Void)
        -> EnvironmentLayout
    {
        var layout = layout
        change(&layout)
        return layout
    }
}

/// `\begin{name} … \end{name}`: cells separated by `&`, rows by `\\`.
extension TeXParser {
    mutating func parseEnvironment(at offset: Int) throws(MathError) -> MathNode {
        let name = try parseEnvironmentName(of: "begin", at: offset)
        guard var layout = EnvironmentLayout.named[name] else {
            throw MathError("unsupported environment \(name)", offset: offset)
        }
        var verticalRules: [Int: TableRule] = [:]
        if layout.readsColumns { (layout.alignments, verticalRules) = try parseColumns(at: offset) }
        if layout.skipsArgument { _ = try parseEnvironmentName(of: "begin{\(name)}", at: offset) }
        let saved = displayStyle
        displayStyle = layout.displayStyle
        defer { displayStyle = saved }
        guard layout.isTable else {
            let row = try parseRow()
            try parseEnd(of: name, begunAt: offset)
            return row.count == 1 ? row[0] : .row(row)
        }
        var (rows, horizontalRules) = try parseTableRows(of: name, at: offset)
        if layout.pairsColumns { rows = Self.openingRightCells(rows) }
        var table = MathNode.table(
            MathTable(
                rows: rows, alignments: layout.alignments, displayStyle: layout.displayStyle,
                pairsColumns: layout.pairsColumns, verticalRules: verticalRules, horizontalRules: horizontalRules,
                compact: layout.isSmall))
        if layout.isSmall { table = .styled(table, MathStyle(scriptLevel: 1)) }
        guard layout.open != nil || layout.close != nil else { return table }
        return .fenced(open: layout.open, body: [table], close: layout.close)
    }

    /// Cells up to `\end{name}` and the row boundaries `\hline` draws a rule on; a final `\\`
    /// makes no empty row, and `\\[2pt]`'s extra space is dropped.
    private mutating func parseTableRows(of name: String, at offset: Int) throws(MathError) -> (
        [[MathNode]], [Int: TableRule]
    ) {
        let saved = (environmentDepth, bracketEnds)
        (environmentDepth, bracketEnds) = (environmentDepth + 1, false)
        defer { (environmentDepth, bracketEnds) = saved }
        var rows: [[MathNode]] = []
        var cells: [MathNode] = []
        var rules: [Int: TableRule] = [:]
        while true {
            while cells.isEmpty, let token = peek(), case .command(let name) = token.kind,
                name == "hline" || name == "hdashline"
            {
                position += 1
                rules[rows.count] = name == "hline" ? (rules[rows.count] == nil ? .solid : .double) : .dashed
            }
            let cell = try parseRow()
            cells.append(cell.count == 1 ? cell[0] : .row(cell))
            guard let token = next() else {
                throw MathError("\\begin{\(name)} without a matching \\end{\(name)}", offset: offset)
            }
            switch token.kind {
            case .character("&"): continue
            case .command("\\"): skipRowSpacing()
            case .command("end"):
                try parseEnd(of: name, begunAt: offset, endAt: token.offset)
                if cells != [.row([])] || rows.isEmpty { rows.append(cells) }
                return (rows, rules)
            default: throw unexpected(token)
            }
            rows.append(cells)
            cells = []
        }
    }

    /// `\end{name}`, after its `\end` when `endAt` says where that was.
    private mutating func parseEnd(of name: String, begunAt offset: Int, endAt: Int? = nil) throws(MathError) {
        var endOffset = endAt
        if endOffset == nil {
            guard let token = next(), token.kind == .command("end") else {
                throw MathError("\\begin{\(name)} without a matching \\end{\(name)}", offset: offset)
            }
            endOffset = token.offset
        }
        let end = endOffset ?? offset
        let closed = try parseEnvironmentName(of: "end", at: end)
        guard closed == name else {
            throw MathError("\\begin{\(name)} ended by \\end{\(closed)}", offset: end)
        }
    }

    /// The `{name}` after `\begin` or `\end`.
    private mutating func parseEnvironmentName(of command: String, at offset: Int) throws(MathError) -> String {
        guard next()?.kind == .character("{") else {
            throw MathError("missing {name} after \\\(command)", offset: offset)
        }
        var name = ""
        while let token = next() {
            guard case .character(let character) = token.kind else { break }
            if character == "}" { return name }
            name.append(character)
        }
        throw MathError("missing } after \\\(command){\(name)", offset: offset)
    }

    /// The column letters of `array` and the rules between them: `|` draws one, `||` two,
    /// `:` a dashed one (arydshln's).
    private mutating func parseColumns(at offset: Int) throws(MathError) -> ([ColumnAlignment], [Int: TableRule]) {
        let spec = try parseEnvironmentName(of: "begin{array}", at: offset)
        var alignments: [ColumnAlignment] = []
        var rules: [Int: TableRule] = [:]
        for letter in spec where letter != " " {
            switch letter {
            case "l": alignments.append(.left)
            case "c": alignments.append(.center)
            case "r": alignments.append(.right)
            case "|": rules[alignments.count] = rules[alignments.count] == nil ? .solid : .double
            case ":": rules[alignments.count] = .dashed
            default:
                throw MathError(
                    "array columns other than l, c, r, | and : are not supported: {\(spec)}", offset: offset)
            }
        }
        guard !alignments.isEmpty else { throw MathError("array needs at least one column: {\(spec)}", offset: offset) }
        return (alignments, rules)
    }

    /// Skips the optional `[length]` after `\\`.
    mutating func skipRowSpacing() {
        guard peek()?.kind == .character("[") else { return }
        let start = position
        while let token = next() {
            if token.kind == .character("]") { return }
        }
        position = start
    }

    /// amsmath starts each right-hand cell of `aligned` with an empty group, so the `=` after
    /// `&` is spaced as a relation; an empty `<mi>` does the same for MathML, where a first
    /// operator in a row would otherwise take prefix spacing.
    private static func openingRightCells(_ rows: [[MathNode]]) -> [[MathNode]] {
        rows.map { cells in
            cells.enumerated().map { column, cell in
                guard column % 2 == 1 else { return cell }
                let empty = MathNode.identifier("", upright: false)
                if case .row(let nodes) = cell { return .row([empty] + nodes) }
                return .row([empty, cell])
            }
        }
    }
}
