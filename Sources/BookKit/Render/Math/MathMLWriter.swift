import SVGCharts

/// Prints the tree as MathML Core: only elements and attributes Chromium lays out, attributes
/// always in the same order, so the output is stable for snapshot tests and page caches.
enum MathMLWriter {
    /// One element: a row of other than one node becomes an `<mrow>`, as `mfrac`, `msub` and
    /// `semantics` need a single child per argument.
    static func element(_ node: MathNode) -> String {
        if case .row(let nodes) = node, nodes.count == 1 { return element(nodes[0]) }
        return write(node)
    }

    /// The children of a row, with an invisible function application (U+2061) and TeX's thin
    /// space after a named function such as `\log`, which MathML would otherwise set tight.
    static func children(_ nodes: [MathNode]) -> String {
        var markup = ""
        for (index, node) in nodes.enumerated() {
            let previous = nodes[..<index].last { !$0.isSpace }
            if isFunction(node), let previous, [.ordinary, .closing].contains(previous.atomClass) {
                markup += thinSpace
            }
            markup += write(node)
            guard isFunction(node), let next = nodes[(index + 1)...].first(where: { !$0.isSpace }) else { continue }
            markup += "<mo>&#x2061;</mo>"
            if case .fenced = next {
                markup += thinSpace
            } else if [.ordinary, .largeOperator].contains(next.atomClass) {
                markup += thinSpace
            }
        }
        return markup
    }

    private static let thinSpace = "<mspace width=\"0.1667em\"></mspace>"

    /// Whether the node is a named function, perhaps with scripts (`\log_2`, `\max_x`).
    private static func isFunction(_ node: MathNode) -> Bool {
        switch node {
        case .function: true
        case .scripts(let base, _, _, _): isFunction(base)
        default: false
        }
    }

    static func write(_ node: MathNode) -> String {
        switch node {
        case .identifier(let text, let upright):
            let variant = upright && text.count == 1 ? " mathvariant=\"normal\"" : ""
            return "<mi\(variant)>\(escapeMarkup(text))</mi>"
        case .number(let text): return "<mn>\(escapeMarkup(text))</mn>"
        case .symbol(let op): return operatorElement(op)
        case .function(let name, let movable, _):
            if movable {
                return operatorElement(
                    MathOperator(text: name, atomClass: .largeOperator, tight: true, movableLimits: true))
            }
            return write(.identifier(name, upright: true))
        case .largeOperator(let text, _): return "<mo>\(text)</mo>"
        case .text(let text, let style):
            let attribute = style.map { " style=\"\($0)\"" } ?? ""
            return "<mtext\(attribute)>\(escapeMarkup(text))</mtext>"
        case .space(let width) where width.hasPrefix("-"):
            // Chromium clamps a negative mspace width to zero; a negative margin still pulls.
            return "<mspace style=\"margin-left: \(width)\"></mspace>"
        case .space(let width): return "<mspace width=\"\(width)\"></mspace>"
        case .row(let nodes): return "<mrow>\(children(nodes))</mrow>"
        case .styled(let content, let style): return styled(content, style)
        case .phantom(let content): return "<mphantom>\(children(rowNodes(content)))</mphantom>"
        case .operatorGroup(let content, _): return "<mrow>\(children(rowNodes(content)))</mrow>"
        case .fenced(let open, let body, let close): return fenced(open, body, close)
        case .table(let table): return MathMLWriter.table(table)
        default: return layout(node)
        }
    }

    /// The elements that place their children: fractions, roots, scripts and accents.
    private static func layout(_ node: MathNode) -> String {
        switch node {
        case .fraction(let numerator, let denominator, let style, let lineThickness):
            var attributes = lineThickness.map { " linethickness=\"\($0)\"" } ?? ""
            if style != .inherited { attributes += " displaystyle=\"\(style == .display)\"" }
            return "<mfrac\(attributes)>\(element(numerator))\(element(denominator))</mfrac>"
        case .root(let base, nil): return "<msqrt>\(children(rowNodes(base)))</msqrt>"
        case .root(let base, let index?): return "<mroot>\(element(base))\(element(index))</mroot>"
        case .scripts(let base, let sub, let sup, let limits): return scripts(base, sub, sup, limits: limits)
        case .accent(let base, let mark, let over, let isAccent):
            let name = over ? "mover" : "munder"
            let flag = isAccent ? (over ? " accent=\"true\"" : " accentunder=\"true\"") : ""
            return "<\(name)\(flag)>\(element(base))\(operatorElement(mark))</\(name)>"
        case .rule(let content, let over):
            let side = over ? "top" : "bottom"
            let style = "border-\(side): 0.04em solid; padding-\(side): 0.12em"
            return "<mrow style=\"\(style)\">\(children(rowNodes(content)))</mrow>"
        case .framed(let content, let style):
            return "<mrow style=\"\(escapeMarkup(style))\">\(children(rowNodes(content)))</mrow>"
        case .padded(let content, let padding):
            var attributes = padding.zeroWidth ? " width=\"0\"" : ""
            if padding.zeroHeight { attributes += " height=\"0\"" }
            if padding.zeroDepth { attributes += " depth=\"0\"" }
            let inner = children(rowNodes(content))
            return "<mpadded\(attributes)>\(padding.shown ? inner : "<mphantom>\(inner)</mphantom>")</mpadded>"
        case .brace(let base, let mark, let over):
            let name = over ? "mover" : "munder"
            return "<\(name)>\(element(base))<mo stretchy=\"true\">\(mark)</mo></\(name)>"
        default: return ""
        }
    }

    /// `<mstyle>` with the attributes the style sets; MathML Core gives every element
    /// `displaystyle`, `scriptlevel` and `mathcolor`.
    private static func styled(_ content: MathNode, _ style: MathStyle) -> String {
        var attributes = style.displayStyle.map { " displaystyle=\"\($0)\"" } ?? ""
        if let level = style.scriptLevel { attributes += " scriptlevel=\"\(level)\"" }
        if let color = style.color { attributes += " mathcolor=\"\(escapeMarkup(color))\"" }
        if let size = style.size { attributes += " mathsize=\"\(size)\"" }
        return "<mstyle\(attributes)>\(children(rowNodes(content)))</mstyle>"
    }

    private static func rowNodes(_ node: MathNode) -> [MathNode] {
        if case .row(let nodes) = node { return nodes }
        return [node]
    }

    /// `msub`/`msup`/`msubsup`, or `munder`/`mover`/`munderover` for limits.
    private static func scripts(_ base: MathNode, _ sub: MathNode?, _ sup: MathNode?, limits: Bool) -> String {
        let name =
            switch (sub != nil, sup != nil) {
            case (true, true): limits ? "munderover" : "msubsup"
            case (true, false): limits ? "munder" : "msub"
            default: limits ? "mover" : "msup"
            }
        let scripts = [sub, sup].compactMap { $0.map(element) }.joined()
        return "<\(name)>\(element(base))\(scripts)</\(name)>"
    }

    static func operatorElement(_ op: MathOperator) -> String {
        var attributes = ""
        if let form = op.form { attributes += " form=\"\(form.rawValue)\"" }
        if let stretchy = op.stretchy { attributes += " stretchy=\"\(stretchy)\"" }
        // An explicit spacing wins over `tight`: an attribute may appear only once.
        if let spacing = op.spacing {
            attributes += " lspace=\"\(spacing)\" rspace=\"\(spacing)\""
        } else if op.tight {
            attributes += " lspace=\"0\" rspace=\"0\""
        }
        if let size = op.size { attributes += " minsize=\"\(size)\" maxsize=\"\(size)\"" }
        if op.movableLimits { attributes += " movablelimits=\"true\"" }
        guard let scale = op.scale else { return "<mo\(attributes)>\(escapeMarkup(op.text))</mo>" }
        return scaledOperator(op.text, attributes: attributes, scale: scale)
    }

    /// A delimiter scaled with `font-size`, which grows it about the baseline; `voffset` lowers
    /// it back so its middle stays on the math axis (a quarter em above the baseline in Latin
    /// Modern Math, as in TeX's fonts). `mpadded` around one `<mo>` is still an operator, so
    /// the row spaces it as one.
    private static func scaledOperator(_ text: String, attributes: String, scale: Double) -> String {
        let drop = ((scale - 1) * 0.25 * 10_000).rounded() / 10_000
        return "<mpadded voffset=\"-\(drop)em\"><mo\(attributes) style=\"font-size: \(scale)em\">"
            + "\(escapeMarkup(text))</mo></mpadded>"
    }

    /// `\left … \right`: the delimiters stretch over the row between them (MathML Core stretches
    /// an operator to the height of its row's other children).
    private static func fenced(_ open: String?, _ body: [MathNode], _ close: String?) -> String {
        let opening = open.map {
            operatorElement(MathOperator(text: $0, atomClass: .opening, form: .prefix, stretchy: true))
        }
        let closing = close.map {
            operatorElement(MathOperator(text: $0, atomClass: .closing, form: .postfix, stretchy: true))
        }
        return "<mrow>\(opening ?? "")\(children(body))\(closing ?? "")</mrow>"
    }

    /// `<mtable>`: MathML Core has no `columnalign`, `columnlines` or `rowlines`, so alignment
    /// and rules are CSS on each cell, and paired columns (`aligned`) lose the padding between
    /// the two halves of a pair.
    private static func table(_ table: MathTable) -> String {
        let displayStyle = table.displayStyle ? " displaystyle=\"true\"" : ""
        let rows = table.rows.enumerated().map { row, cells in
            let markup = cells.enumerated().map { column, cell in
                let styles = cellStyles(table, row: row, column: column, columns: cells.count)
                let style = styles.isEmpty ? "" : " style=\"\(styles.joined(separator: "; "))\""
                return "<mtd\(style)>\(children(rowNodes(cell)))</mtd>"
            }
            return "<mtr>\(markup.joined())</mtr>"
        }
        return "<mtable\(displayStyle)>\(rows.joined())</mtable>"
    }

    /// Chromium lays a cell's content out as a block, which `text-align: right` does not move;
    /// `-webkit-right` (understood by Firefox and Safari too) aligns blocks as well.
    private static func cellStyles(_ table: MathTable, row: Int, column: Int, columns: Int) -> [String] {
        var styles: [String] = []
        if table.pairsColumns {
            styles +=
                column % 2 == 0
                ? ["text-align: -webkit-right", "padding-right: 0"] : ["text-align: -webkit-left", "padding-left: 0"]
        } else if !table.alignments.isEmpty {
            switch table.alignments[column % table.alignments.count] {
            case .left: styles.append("text-align: -webkit-left")
            case .right: styles.append("text-align: -webkit-right")
            case .center: break
            }
        }
        if table.compact { styles.append("padding: 0.1em 0.1389em") }
        if let rule = table.verticalRules[column] { styles.append("border-left: \(rule.rawValue)") }
        if column + 1 == table.alignments.count, let rule = table.verticalRules[column + 1] {
            styles.append("border-right: \(rule.rawValue)")
        }
        if let rule = table.horizontalRules[row] { styles.append("border-top: \(rule.rawValue)") }
        if row == table.rows.count - 1, let rule = table.horizontalRules[row + 1] {
            styles.append("border-bottom: \(rule.rawValue)")
        }
        return styles
    }
}
