/// Control sequences: symbols come from `TeXSymbols`, constructs parse their arguments here.
extension TeXParser {
    /// The node for `\name`; `nil` for commands that print nothing.
    mutating func parseCommand(_ name: String, at offset: Int, after row: [MathNode]) throws(MathError) -> MathNode? {
        guard let command = TeXSymbols.commands[name] else {
            throw MathError("unsupported TeX command \\\(name)", offset: offset)
        }
        switch command {
        case .ordinary(let text, let upright): return ordinary(text, upright: upright)
        case .symbol(let text, let atomClass): return .symbol(makeOperator(text, atomClass, after: row))
        case .largeOperator(let text, let limits): return .largeOperator(text, limits: limits && displayStyle)
        case .function(let text, let movable): return .function(text, movable: movable, limits: movable && displayStyle)
        case .space(let width): return .space(width: width)
        case .ignored: return nil
        case .accent(let mark, let stretchy, let over):
            let base = try parseArgument(of: "\\" + name, at: offset)
            let mark = MathOperator(text: mark, atomClass: .ordinary, stretchy: stretchy)
            return .accent(base: base, mark: mark, over: over, isAccent: true)
        case .rule(let over): return .rule(try parseArgument(of: "\\" + name, at: offset), over: over)
        case .brace(let mark, let over):
            return .brace(try parseArgument(of: "\\" + name, at: offset), mark: mark, over: over)
        case .font(let variant): return try parseStyled(variant, command: name, at: offset)
        case .text(let style): return try parseText(of: name, at: offset, style: style)
        case .fraction(let style): return try parseFraction(style, command: name, at: offset)
        default: return try parseConstruct(command, name: name, at: offset, after: row)
        }
    }

    /// The commands that shape what follows them rather than print a symbol.
    private mutating func parseConstruct(_ command: TeXCommand, name: String, at offset: Int, after row: [MathNode])
        throws(MathError) -> MathNode?
    {
        switch command {
        case .binomial(let style):
            let fraction = try parseFraction(style, command: name, at: offset, lineThickness: "0")
            return .fenced(open: "(", body: [fraction], close: ")")
        case .squareRoot: return try parseRoot(at: offset)
        case .left: return try parseFenced(at: offset)
        case .middle:
            guard fenceDepth > 0 else {
                throw MathError("\\middle is only allowed between \\left and \\right", offset: offset)
            }
            let delimiter = try parseDelimiter(after: name, at: offset)
            return delimiter.map { .symbol(MathOperator(text: $0, atomClass: .relation, stretchy: true)) }
        case .big(let size, let atomClass):
            return try parseBig(size: size, atomClass, command: name, at: offset, after: row)
        case .begin: return try parseEnvironment(at: offset)
        case .operatorName:
            let limits = take("*")
            let text = try parseTextContent(of: name, at: offset, keepsSpaces: false)
            return .function(text, movable: limits, limits: limits && displayStyle)
        case .mathOperator:
            return .operatorGroup(try parseArgument(of: "\\" + name, at: offset), limits: displayStyle)
        case .not: return try parseNegation(at: offset)
        case .limits: throw MathError("\\\(name) must follow an operator such as \\sum", offset: offset)
        case .style: throw MathError("\\\(name) must be inside a group, as in {\\\(name) …}", offset: offset)
        default: return try parseLayoutCommand(command, name: name, at: offset, after: row)
        }
    }

    /// A symbol in the current alphabet; a styled character carries its style, so it is not
    /// marked upright.
    func ordinary(_ text: String, upright: Bool) -> MathNode {
        guard let variant, variant != .normal else { return .identifier(text, upright: upright || variant == .normal) }
        let styled = String(text.map { variant.apply(to: $0) })
        return .identifier(styled, upright: upright && styled == text)
    }

    /// `\mathbf{…}` and the other alphabets: the argument parsed with the alphabet in force.
    mutating func parseStyled(_ newVariant: MathVariant, command: String, at offset: Int) throws(MathError) -> MathNode
    {
        let saved = variant
        variant = newVariant
        defer { variant = saved }
        return try parseArgument(of: "\\" + command, at: offset)
    }

    /// `\frac{a}{b}`: its parts are never in display style, which is what turns `\sum` limits
    /// into scripts inside fractions, as in TeX.
    mutating func parseFraction(
        _ style: FractionStyle, command: String, at offset: Int, lineThickness: String? = nil
    ) throws(MathError) -> MathNode {
        let numerator = try parseArgument(of: "\\" + command, at: offset, displayStyle: false)
        let denominator = try parseArgument(of: "\\" + command, at: offset, displayStyle: false)
        return .fraction(numerator, denominator, style: style, lineThickness: lineThickness)
    }

    /// `\sqrt{x}` or `\sqrt[n]{x}`.
    mutating func parseRoot(at offset: Int) throws(MathError) -> MathNode {
        var index: MathNode?
        if peek()?.kind == .character("[") {
            position += 1
            let saved = (bracketEnds, displayStyle)
            (bracketEnds, displayStyle) = (true, false)
            defer { (bracketEnds, displayStyle) = saved }
            let row = try parseRow()
            guard next()?.kind == .character("]") else {
                throw MathError("missing ']' after the index of \\sqrt", offset: offset)
            }
            index = row.count == 1 ? row[0] : .row(row)
        }
        return .root(try parseArgument(of: "\\sqrt", at: offset), index: index)
    }

    /// `\left( … \right)`: the delimiters stretch to the row between them.
    mutating func parseFenced(at offset: Int) throws(MathError) -> MathNode {
        let open = try parseDelimiter(after: "left", at: offset)
        let saved = bracketEnds
        bracketEnds = false
        fenceDepth += 1
        defer { (bracketEnds, fenceDepth) = (saved, fenceDepth - 1) }
        let body = try parseRow()
        guard let token = next(), token.kind == .command("right") else {
            throw MathError("\\left without a matching \\right", offset: offset)
        }
        let close = try parseDelimiter(after: "right", at: token.offset)
        return .fenced(open: open, body: body, close: close)
    }

    /// The delimiter after `\left`, `\right`, `\middle` or `\big`; `nil` for the invisible `.`.
    mutating func parseDelimiter(after command: String, at offset: Int) throws(MathError) -> String? {
        guard let token = next() else { throw MathError("missing delimiter after \\\(command)", offset: offset) }
        switch token.kind {
        case .character("."): return nil
        case .character("<"): return "⟨"
        case .character(">"): return "⟩"
        case .character(let character) where TeXSymbols.delimiterCharacters.contains(character):
            return String(character)
        case .command(let name) where TeXSymbols.delimiterCommands[name] != nil:
            return TeXSymbols.delimiterCommands[name]
        default: throw MathError("\\\(command) must be followed by a delimiter", offset: token.offset)
        }
    }

    /// `\big(`, `\Bigl[` and so on: a delimiter of a fixed size, with the class its suffix gives
    /// (`l` opens, `r` closes, `m` relates) or, without one, its own.
    ///
    /// Chromium gives a stretchy operator the width of the font's widest variant whatever its
    /// height (Latin Modern's `(` is 0.875em wide where its glyph is 0.389em, its `/` 2.57em),
    /// which leaves gaps of a quarter em beside a stretched `\big(`. So `\big` and `\Big`, and
    /// slashes at every size, are the glyph scaled; `\bigg` and `\Bigg`, whose variants are
    /// nearly that wide and would look too heavy scaled, and bars, whose variants all share one
    /// width, stretch.
    mutating func parseBig(size: String, _ atomClass: AtomClass, command: String, at offset: Int, after row: [MathNode])
        throws(MathError) -> MathNode
    {
        guard let delimiter = try parseDelimiter(after: command, at: offset) else { return .space(width: "0.12em") }
        let ownClass: AtomClass =
            TeXSymbols.openingDelimiters.contains(delimiter)
            ? .opening
            : TeXSymbols.closingDelimiters.contains(delimiter) ? .closing : .ordinary
        var op = makeOperator(delimiter, atomClass == .ordinary ? ownClass : atomClass, after: row)
        op.form =
            switch op.atomClass {
            case .opening: .prefix
            case .closing: .postfix
            case .relation: .infix
            default: op.form
            }
        let scale = Double(size.dropLast(2)) ?? 1
        if !TeXSymbols.bars.contains(delimiter), scale < 2 || TeXSymbols.slashes.contains(delimiter) {
            (op.stretchy, op.scale) = (false, scale)
        } else {
            (op.stretchy, op.size) = (true, size)
        }
        // Fence-like, as TeX sets them: no space of the dictionary's, which would add gaps
        // around a `|` or `/`; `\bigm` keeps a relation's space on both sides.
        if op.atomClass == .relation { op.spacing = "0.2778em" } else { op.tight = true }
        return .symbol(op)
    }

    /// `\not=` and `\not\in`: the negated relations Unicode has a character for.
    mutating func parseNegation(at offset: Int) throws(MathError) -> MathNode {
        let token = next()
        let text: String? =
            switch token?.kind {
            case .character(let character)?: TeXSymbols.characters[character]?.0
            case .command(let name)?: TeXSymbols.allRelations[name]
            default: nil
            }
        guard let text, let negated = TeXSymbols.negations[text] else {
            throw MathError("\\not is only supported before a relation such as = or \\in", offset: offset)
        }
        return .symbol(MathOperator(text: negated, atomClass: .relation))
    }
}
