import Foundation

/// A display formula's own number, `\tag{3a}` (shown “(3a)”) or `\tag*{A}` (shown “A”).
struct EquationTag: Equatable {
    var text: String
    var parenthesized: Bool

    /// The tag as the page shows it at the right of the formula.
    var shown: String { parenthesized ? "(\(text))" : text }
}

/// The commands that stack, stretch, colour, frame or space what they take: the amsmath and
/// xcolor additions to plain TeX that ML writing uses most.
extension TeXParser {
    mutating func parseLayoutCommand(_ command: TeXCommand, name: String, at offset: Int, after row: [MathNode])
        throws(MathError) -> MathNode?
    {
        switch command {
        case .stacked(let over):
            let script = try parseArgument(of: "\\" + name, at: offset, displayStyle: false)
            let base = Self.fixedFunction(try parseArgument(of: "\\" + name, at: offset))
            return .scripts(base: base, sub: over ? nil : script, sup: over ? script : nil, limits: true)
        case .substack: return try parseSubstack(at: offset)
        case .extensibleArrow(let arrow): return try parseExtensibleArrow(arrow, command: name, at: offset)
        case .modulo(let form): return try parseModulo(form, command: name, at: offset)
        case .color(switchesGroup: false):
            let color = try parseColor(of: name, at: offset)
            return .styled(try parseArgument(of: "\\" + name, at: offset), MathStyle(color: color))
        case .equationNumber(let isLabel): return try parseEquationNumber(isLabel: isLabel, command: name, at: offset)
        case .horizontalRule:
            throw MathError(
                "\\\(name) is only allowed at the start of a row of an environment such as array", offset: offset)
        case .framed(let frame): return try parseFrame(frame, command: name, at: offset)
        case .generalFraction: return try parseGeneralFraction(at: offset)
        case .padded(var padding):
            if padding.shown, peek()?.kind == .character("[") {
                position += 1
                let side = next()?.kind
                guard side == .character("t") || side == .character("b"), next()?.kind == .character("]") else {
                    throw MathError("\\\(name) takes [t] or [b]", offset: offset)
                }
                (padding.zeroHeight, padding.zeroDepth) = (side == .character("t"), side == .character("b"))
            }
            return .padded(try parseArgument(of: "\\" + name, at: offset), padding)
        case .strut:
            let parenthesis = MathNode.symbol(MathOperator(text: "(", atomClass: .opening, stretchy: false))
            return .padded(parenthesis, Padding(zeroWidth: true, shown: false))
        case .phantom: return .phantom(try parseArgument(of: "\\" + name, at: offset))
        case .explicitSpace: return .space(width: try parseDimension(of: name, at: offset))
        case .atomClass(let atomClass):
            return Self.classed(try parseArgument(of: "\\" + name, at: offset), atomClass)
        case .color, .style, .fontSwitch, .sizeSwitch:
            throw MathError("\\\(name) must be inside a group, as in {\\\(name) …}", offset: offset)
        default: throw MathError("unexpected \\\(name)", offset: offset)
        }
    }

    /// `\genfrac{left}{right}{thickness}{style}{numerator}{denominator}`; an empty group keeps
    /// the default (no delimiter, the font's rule, the surrounding style), and style 0–3 is
    /// display, text, script or scriptscript.
    private mutating func parseGeneralFraction(at offset: Int) throws(MathError) -> MathNode {
        let open = try parseOptionalGroup(at: offset) { parser throws(MathError) in
            try parser.parseDelimiter(after: "genfrac", at: offset)
        }
        let close = try parseOptionalGroup(at: offset) { parser throws(MathError) in
            try parser.parseDelimiter(after: "genfrac", at: offset)
        }
        let thickness = try parseOptionalGroup(at: offset) { parser throws(MathError) in
            var text = ""
            while let token = parser.peek(), case .character(let character) = token.kind, character != "}" {
                text.append(character)
                parser.position += 1
            }
            return try Self.cssLength(text, command: "genfrac", at: offset)
        }
        let level = try parseOptionalGroup(at: offset) { parser throws(MathError) in
            guard let token = parser.next(), case .character(let digit) = token.kind,
                let level = digit.wholeNumberValue,
                level <= 3
            else { throw MathError("the style of \\genfrac is 0, 1, 2 or 3", offset: offset) }
            return level
        }
        let style: FractionStyle = level.map { $0 == 0 ? .display : .text } ?? .inherited
        let fraction = try parseFraction(style, command: "genfrac", at: offset, lineThickness: thickness)
        let scaled =
            level.map { $0 >= 2 ? MathNode.styled(fraction, MathStyle(scriptLevel: $0 - 1)) : fraction } ?? fraction
        guard open != nil || close != nil else { return scaled }
        return .fenced(open: open ?? nil, body: [scaled], close: close ?? nil)
    }

    /// `{…}` (or a single token, as TeX allows) read by `body`, or `nil` for the empty group `{}`.
    private mutating func parseOptionalGroup<Value>(
        at offset: Int, _ body: (inout TeXParser) throws(MathError) -> Value
    ) throws(MathError) -> Value? {
        guard peek()?.kind == .character("{") else { return try body(&self) }
        position += 1
        if peek()?.kind == .character("}") {
            position += 1
            return nil
        }
        let value = try body(&self)
        guard next()?.kind == .character("}") else {
            throw MathError("\\genfrac takes six arguments in braces", offset: offset)
        }
        return value
    }

    /// Frames and strikes as CSS on an `<mrow>`: borders, backgrounds, and diagonal lines drawn
    /// as gradients, which need no SVG and scale with the content.
    private mutating func parseFrame(_ frame: Frame, command: String, at offset: Int) throws(MathError) -> MathNode {
        let padding = "padding: 0.2em 0.3em"
        let line = { (direction: String) in
            "linear-gradient(\(direction), transparent calc(50% - 0.03em), currentcolor calc(50% - 0.03em), "
                + "currentcolor calc(50% + 0.03em), transparent calc(50% + 0.03em))"
        }
        switch frame {
        case .boxed:
            return .framed(try parseArgument(of: "\\" + command, at: offset), style: "border: 0.06em solid; \(padding)")
        case .fbox:
            return .framed(
                try parseText(of: command, at: offset, style: nil), style: "border: 0.06em solid; \(padding)")
        case .colorbox:
            let background = try parseColor(of: command, at: offset)
            return .framed(
                try parseText(of: command, at: offset, style: nil), style: "background-color: \(background); \(padding)"
            )
        case .fcolorbox:
            let border = try parseColor(of: command, at: offset)
            let background = try parseColor(of: command, at: offset)
            let style = "border: 0.06em solid \(border); background-color: \(background); \(padding)"
            return .framed(try parseText(of: command, at: offset, style: nil), style: style)
        case .cancel, .backwardCancel, .crossCancel, .strikeout:
            let directions: [String] =
                switch frame {
                case .cancel: ["to top right"]
                case .backwardCancel: ["to bottom right"]
                case .crossCancel: ["to top right", "to bottom right"]
                default: ["to bottom"]
                }
            let style = "background: " + directions.map(line).joined(separator: ", ")
            return .framed(try parseArgument(of: "\\" + command, at: offset), style: style)
        }
    }

    /// `\substack{i \in S \\ j < i}`: lines centred under one another, in the script's size.
    private mutating func parseSubstack(at offset: Int) throws(MathError) -> MathNode {
        guard next()?.kind == .character("{") else {
            throw MathError("\\substack takes its lines in braces", offset: offset)
        }
        let saved = (environmentDepth, bracketEnds, displayStyle)
        (environmentDepth, bracketEnds, displayStyle) = (environmentDepth + 1, false, false)
        defer { (environmentDepth, bracketEnds, displayStyle) = saved }
        var rows: [[MathNode]] = []
        while true {
            rows.append([Self.single(try parseRow())])
            guard let token = next() else { throw MathError("'{' is never closed", offset: offset) }
            switch token.kind {
            case .command("\\"): skipRowSpacing()
            case .character("}"):
                if rows.count > 1, rows.last == [.row([])] { rows.removeLast() }
                return .table(
                    MathTable(
                        rows: rows, alignments: [.center], displayStyle: false, pairsColumns: false, compact: true))
            default: throw unexpected(token)
            }
        }
    }

    /// `\xrightarrow[below]{above}`: MathML Core stretches an operator under or over to the width
    /// of its scripts, and the labels get TeX's room of about a third of an em at each end.
    private mutating func parseExtensibleArrow(_ arrow: String, command: String, at offset: Int) throws(MathError)
        -> MathNode
    {
        let saved = displayStyle
        displayStyle = false
        defer { displayStyle = saved }
        var below: MathNode?
        if peek()?.kind == .character("[") {
            position += 1
            let savedBracket = bracketEnds
            bracketEnds = true
            defer { bracketEnds = savedBracket }
            below = Self.single(try parseRow())
            guard next()?.kind == .character("]") else {
                throw MathError("missing ']' after the label under \\\(command)", offset: offset)
            }
        }
        let above = try parseArgument(of: "\\" + command, at: offset)
        let padded = { (label: MathNode) -> MathNode in
            .row([.space(width: "0.3em"), label, .space(width: "0.3em")])
        }
        let arrowOperator = MathOperator(text: arrow, atomClass: .relation, stretchy: true)
        let hasAbove = above != .row([]) || below == nil
        return .scripts(
            base: .symbol(arrowOperator), sub: below.map(padded), sup: hasAbove ? padded(above) : nil, limits: true)
    }

    /// amsmath's spacing: `\bmod` is a binary operator; `\mod`, `\pmod` and `\pod` put a quad
    /// (display) or less (text) before “mod n”, with two thin spaces after the word.
    private mutating func parseModulo(_ form: Modulo, command: String, at offset: Int) throws(MathError) -> MathNode {
        if form == .binary {
            return .symbol(MathOperator(text: "mod", atomClass: .binary, spacing: "0.2222em"))
        }
        let argument = try parseArgument(of: "\\" + command, at: offset)
        let word: [MathNode] = [.identifier("mod", upright: true), .space(width: "0.3333em")]
        let open = MathNode.symbol(MathOperator(text: "(", atomClass: .opening, stretchy: false))
        let close = MathNode.symbol(MathOperator(text: ")", atomClass: .closing, stretchy: false))
        switch form {
        case .spaced: return .row([.space(width: displayStyle ? "1em" : "0.6667em")] + word + [argument])
        case .parenthesized:
            return .row([.space(width: displayStyle ? "1em" : "0.4444em"), open] + word + [argument, close])
        default: return .row([.space(width: displayStyle ? "1em" : "0.4444em"), open, argument, close])
        }
    }

    /// `\tag{…}` and `\label{…}` print nothing in the formula: the page reads them back
    /// (`MathConverter.equationNumbering`) to number the formula and give it an id.
    private mutating func parseEquationNumber(isLabel: Bool, command: String, at offset: Int) throws(MathError)
        -> MathNode?
    {
        guard isDisplayFormula else {
            throw MathError("\\\(command) is only allowed in a display formula ($$ … $$)", offset: offset)
        }
        let starred = take("*")
        let text = try parseTextContent(of: command, at: offset, keepsSpaces: !isLabel)
            .replacingOccurrences(of: "\u{A0}", with: " ").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw MathError("\\\(command) needs a name, as in \\\(command){…}", offset: offset) }
        if isLabel {
            guard equationLabel == nil else { throw MathError("a formula can have only one \\label", offset: offset) }
            guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_:.".contains($0)) }) else {
                throw MathError("a \\label may hold only letters, digits and - _ : .", offset: offset)
            }
            equationLabel = text
        } else {
            guard equationTag == nil else { throw MathError("a formula can have only one \\tag", offset: offset) }
            equationTag = EquationTag(text: text, parenthesized: !starred)
        }
        return nil
    }

    /// A named function (or a run of them, `\arg\min`) under or over something stays a function,
    /// so the operand after it gets TeX's thin space, but one word whose script never moves.
    private static func fixedFunction(_ base: MathNode) -> MathNode {
        let nodes: [MathNode]
        if case .row(let row) = base { nodes = row } else { nodes = [base] }
        var names: [String] = []
        for node in nodes {
            guard case .function(let name, _, _) = node else { return base }
            names.append(name)
        }
        return .function(names.joined(separator: "\u{2009}"), movable: false, limits: true)
    }

    /// `\mathrel{…}` and the others: a single operator keeps its `<mo>` with the class's space
    /// on both sides; anything else gets the space as glue around it.
    private static func classed(_ node: MathNode, _ atomClass: AtomClass) -> MathNode {
        let spacing: String? =
            switch atomClass {
            case .relation: "0.2778em"
            case .binary: "0.2222em"
            case .largeOperator: "0.1667em"
            default: nil
            }
        if case .symbol(var op) = node {
            op.atomClass = atomClass
            op.form = nil
            if let spacing { op.spacing = spacing } else { op.tight = true }
            if atomClass == .punctuation { return .row([.symbol(op), .space(width: "0.1667em")]) }
            return .symbol(op)
        }
        if atomClass == .punctuation { return .row([node, .space(width: "0.1667em")]) }
        guard let spacing else { return node }
        return .row([.space(width: spacing), node, .space(width: spacing)])
    }
}
