/// Parses TeX math into `MathNode`s by recursive descent, keeping the part of TeX's state that
/// changes the output: whether the style is display (scripts become limits) and the current
/// math alphabet.
struct TeXParser {
    let tokens: [TeXToken]
    var position = 0
    var displayStyle: Bool
    var variant: MathVariant?
    /// How many environments enclose the current row: `&` and `\\` need one.
    var environmentDepth = 0
    /// How many `\left` wait for their `\right`: `\middle` needs one.
    var fenceDepth = 0
    /// Whether `]` ends the current row, as it does in the index of `\sqrt[…]`.
    var bracketEnds = false
    /// Whether `$` ends the current row, as it does in math inside `\text{…}`.
    var dollarEnds = false
    /// Whether the formula is a display formula, the only kind `\tag` and `\label` may number.
    let isDisplayFormula: Bool
    /// The formula's `\label{…}`, if it has one.
    var equationLabel: String?
    /// The formula's `\tag{…}` (or `\tag*{…}`, which prints without parentheses).
    var equationTag: EquationTag?

    init(_ tex: String, displayStyle: Bool) {
        tokens = TeXLexer.tokens(tex)
        self.displayStyle = displayStyle
        isDisplayFormula = displayStyle
    }

    /// The whole formula; anything left over (a stray `}`, `&`, `\right`) is an error. Lines
    /// separated by `\\` outside an environment are centred one under the other, as KaTeX and
    /// MathJax set them.
    mutating func parseFormula() throws(MathError) -> [MathNode] {
        var lines = [try parseRow()]
        while let token = peek(), token.kind == .command("\\") {
            position += 1
            skipRowSpacing()
            lines.append(try parseRow())
        }
        if let token = peek() { throw unexpected(token) }
        if lines.count > 1, lines.last == [] { lines.removeLast() }
        guard lines.count > 1 else { return lines[0] }
        let rows = lines.map { line in [line.count == 1 ? line[0] : MathNode.row(line)] }
        return [.table(MathTable(rows: rows, alignments: [.center], displayStyle: displayStyle, pairsColumns: false))]
    }

    // MARK: Tokens

    /// The next token that is not space, left in place.
    mutating func peek() -> TeXToken? {
        while position < tokens.count, tokens[position].kind == .space { position += 1 }
        return position < tokens.count ? tokens[position] : nil
    }

    /// The next token that is not space, consumed.
    mutating func next() -> TeXToken? {
        let token = peek()
        if token != nil { position += 1 }
        return token
    }

    /// The next token if it is `character`, with no space before it, consumed.
    mutating func take(_ character: Character) -> Bool {
        guard position < tokens.count, tokens[position].kind == .character(character) else { return false }
        position += 1
        return true
    }

    /// Whether `token` ends the row being parsed; the caller decides whether it belongs there.
    func endsRow(_ token: TeXToken) -> Bool {
        switch token.kind {
        case .character("}"), .character("&"), .command("\\"), .command("end"), .command("right"): true
        case .character("]"): bracketEnds
        case .character("$"): dollarEnds
        default: false
        }
    }

    /// The error for a token that ends a row where it has no business.
    func unexpected(_ token: TeXToken) -> MathError {
        let message =
            switch token.kind {
            case .character("}"): "unexpected '}' without a matching '{'"
            case .character("&"): "'&' is only allowed between the cells of an environment such as aligned"
            case .command("\\"): "'\\\\' is only allowed between the rows of an environment such as aligned"
            case .command("end"): "\\end without a matching \\begin"
            case .command("right"): "\\right without a matching \\left"
            case .command(let name): "unexpected \\\(name)"
            case .character(let character): "unexpected '\(character)'"
            case .space: "unexpected space"
            }
        return MathError(message, offset: token.offset)
    }

    // MARK: Rows and atoms

    /// Atoms up to the end of the row; `\displaystyle`, `\scriptstyle` and `\color` restyle the
    /// rest of it, and `\over` or `\choose` make a fraction of the two parts around them.
    mutating func parseRow() throws(MathError) -> [MathNode] {
        var row: [MathNode] = []
        while let token = peek(), !endsRow(token) {
            if case .command(let name) = token.kind, let command = TeXSymbols.commands[name],
                let whole = try parseRest(after: row, switchedBy: command, name: name, at: token.offset)
            {
                return whole
            }
            if let atom = try parseAtom(after: row) { row.append(atom) }
        }
        return row
    }

    /// The whole row when `command` is a switch that takes the rest of it (a style, font, size
    /// or colour) or an infix fraction; `nil` for any other command.
    private mutating func parseRest(after row: [MathNode], switchedBy command: TeXCommand, name: String, at offset: Int)
        throws(MathError) -> [MathNode]?
    {
        switch command {
        case .style(let style):
            position += 1
            let saved = displayStyle
            displayStyle = style.displayStyle ?? displayStyle
            defer { displayStyle = saved }
            return row + [.styled(.row(try parseRow()), style)]
        case .fontSwitch(let newVariant):
            position += 1
            let saved = variant
            variant = newVariant
            defer { variant = saved }
            return row + (try parseRow())
        case .sizeSwitch(let size):
            position += 1
            return row + [.styled(.row(try parseRow()), MathStyle(size: size))]
        case .color(switchesGroup: true):
            position += 1
            let color = try parseColor(of: name, at: offset)
            return row + [.styled(.row(try parseRow()), MathStyle(color: color))]
        case .infixFraction(let open, let close, let lineThickness):
            position += 1
            let denominator = try parseRow()
            let fraction = MathNode.fraction(
                Self.single(row), Self.single(denominator), style: .inherited, lineThickness: lineThickness)
            guard open != nil || close != nil else { return [fraction] }
            return [.fenced(open: open, body: [fraction], close: close)]
        case .infixAbove:
            position += 1
            let thickness = try parseDimension(of: name, at: offset)
            let denominator = try parseRow()
            return [.fraction(Self.single(row), Self.single(denominator), style: .inherited, lineThickness: thickness)]
        default: return nil
        }
    }

    /// A row as one node: its only atom, or the row itself.
    static func single(_ row: [MathNode]) -> MathNode {
        row.count == 1 ? row[0] : .row(row)
    }

    /// A base with its `\limits`, scripts and primes; `nil` for a command that prints nothing.
    mutating func parseAtom(after row: [MathNode]) throws(MathError) -> MathNode? {
        guard var base = try parseBase(after: row, single: false) else { return nil }
        while let token = peek(), case .command(let name) = token.kind,
            case .limits(let limits)? = TeXSymbols.commands[name]
        {
            position += 1
            switch base {
            case .largeOperator(let text, _): base = .largeOperator(text, limits: limits)
            case .function(let text, let movable, _): base = .function(text, movable: movable, limits: limits)
            case .operatorGroup(let content, _): base = .operatorGroup(content, limits: limits)
            default: throw MathError("\\\(name) must follow an operator such as \\sum", offset: token.offset)
            }
        }
        return try parseScripts(on: base)
    }

    /// `^`, `_` and primes after a base, in any order, as TeX allows (`x_i^2`, `f'^2`).
    mutating func parseScripts(on base: MathNode) throws(MathError) -> MathNode {
        var sub: MathNode?
        var sup: MathNode?
        var primes = 0
        while let token = peek(), case .character(let character) = token.kind, "^_'".contains(character) {
            position += 1
            if character == "_" {
                guard sub == nil else { throw MathError("double subscript", offset: token.offset) }
                sub = try parseArgument(of: "_", at: token.offset, displayStyle: false)
            } else {
                guard sup == nil else { throw MathError("double superscript", offset: token.offset) }
                if character == "'" {
                    primes += 1
                } else {
                    sup = try parseArgument(of: "^", at: token.offset, displayStyle: false)
                }
            }
        }
        let primed = Self.primed(base, primes)
        guard sub != nil || sup != nil else { return primed }
        return .scripts(base: primed, sub: sub, sup: sup, limits: primed.takesLimits)
    }

    /// TeX sets primes as superscripts, but a math font's prime (U+2032) is drawn raised for use
    /// on the baseline: as a MathML superscript it comes out tiny and floating, so it follows
    /// the base instead, and scripts go after it (`f'^2` is `f′` squared).
    private static func primed(_ base: MathNode, _ primes: Int) -> MathNode {
        guard primes > 0 else { return base }
        let marks = ["′", "″", "‴", "⁗"]
        let text = primes <= marks.count ? marks[primes - 1] : String(repeating: "′", count: primes)
        return .row([base, .symbol(MathOperator(text: text, atomClass: .ordinary, tight: true))])
    }

    /// One argument: a `{…}` group or a single token (`\frac12`, `x^\alpha`).
    mutating func parseArgument(of command: String, at offset: Int, displayStyle style: Bool? = nil) throws(MathError)
        -> MathNode
    {
        guard let token = peek(), !endsRow(token), token.kind != .character("^"), token.kind != .character("_") else {
            throw MathError("missing argument for \(command)", offset: offset)
        }
        let saved = displayStyle
        displayStyle = style ?? displayStyle
        defer { displayStyle = saved }
        return try parseBase(after: [], single: true) ?? .row([])
    }

    /// `{…}` after its `{`: the row inside, or its only atom.
    mutating func parseGroup(openedAt offset: Int) throws(MathError) -> MathNode {
        let saved = bracketEnds
        bracketEnds = false
        defer { bracketEnds = saved }
        let row = try parseRow()
        guard let token = next() else { throw MathError("'{' is never closed", offset: offset) }
        guard token.kind == .character("}") else { throw unexpected(token) }
        return row.count == 1 ? row[0] : .row(row)
    }

    /// The base of an atom: one token with what it takes (`single` stops a number or a run of
    /// upright letters after their first character, as TeX's arguments do).
    mutating func parseBase(after row: [MathNode], single: Bool) throws(MathError) -> MathNode? {
        guard let token = peek() else { return nil }
        if case .character(let character) = token.kind, "^_'".contains(character) {
            return .row([])
        }
        position += 1
        switch token.kind {
        case .command(let name): return try parseCommand(name, at: token.offset, after: row)
        case .character(let character):
            return try parseCharacter(character, at: token.offset, after: row, single: single)
        case .space: return nil
        }
    }

    // MARK: Characters

    mutating func parseCharacter(_ character: Character, at offset: Int, after row: [MathNode], single: Bool)
        throws(MathError) -> MathNode
    {
        switch character {
        case "{": return try parseGroup(openedAt: offset)
        case "~": return .space(width: "0.3333em")
        case "#", "$", "%", "&", "}", "\\": throw MathError("unexpected '\(character)'", offset: offset)
        case _ where character.isASCII && character.isNumber: return parseNumber(character, single: single)
        case _ where character.isLetter: return parseLetters(character, single: single)
        case _ where character.isNumber: return .number(String(character))
        default: break
        }
        if let (text, atomClass) = TeXSymbols.characters[character] {
            return .symbol(makeOperator(text, atomClass, after: row))
        }
        let text = String(character)
        if TeXSymbols.largeOperators.values.contains(text) || TeXSymbols.integrals.values.contains(text) {
            return .largeOperator(text, limits: displayStyle && TeXSymbols.largeOperators.values.contains(text))
        }
        return .symbol(makeOperator(text, TeXSymbols.unicodeClasses[text] ?? .ordinary, after: row))
    }

    /// Digits with at most one decimal point between digits, in the current alphabet.
    mutating func parseNumber(_ first: Character, single: Bool) -> MathNode {
        var text = String(first)
        while !single, position < tokens.count, case .character(let character) = tokens[position].kind {
            if character.isASCII, character.isNumber {
                text.append(character)
            } else if character == ".", !text.contains("."), position + 1 < tokens.count,
                case .character(let digit) = tokens[position + 1].kind, digit.isASCII, digit.isNumber
            {
                text.append(character)
            } else {
                break
            }
            position += 1
        }
        return .number(String(text.map { variant?.apply(to: $0) ?? $0 }))
    }

    /// A letter is one `<mi>`, as TeX spaces each letter on its own; in `\mathrm` a run of
    /// letters is one upright word.
    mutating func parseLetters(_ first: Character, single: Bool) -> MathNode {
        guard let variant else { return .identifier(String(first), upright: false) }
        guard variant == .normal else { return .identifier(String(variant.apply(to: first)), upright: false) }
        var word = String(first)
        while !single, let token = peek(), case .character(let character) = token.kind, character.isLetter {
            word.append(character)
            position += 1
        }
        return .identifier(word, upright: true)
    }

    /// An `<mo>` with the class TeX would give it here: a binary operator after an operator, a
    /// relation or an opening is a sign (`= -x`), and a bar opens or closes depending on what
    /// precedes it (`|w_i|`), which MathML's operator dictionary cannot tell apart.
    func makeOperator(_ text: String, _ atomClass: AtomClass, after row: [MathNode]) -> MathOperator {
        let previous = row.last { !$0.isSpace }?.atomClass
        let startsOperand =
            previous.map { [.binary, .relation, .largeOperator, .opening, .punctuation].contains($0) } ?? true
        var op = MathOperator(text: text, atomClass: atomClass)
        if atomClass == .ordinary, TeXSymbols.bars.contains(text) {
            op.atomClass = startsOperand ? .opening : .closing
        } else if atomClass == .binary, startsOperand {
            op.atomClass = .ordinary
            if previous != nil { op.form = .prefix }
        }
        if TeXSymbols.bars.contains(text), op.atomClass == .opening || op.atomClass == .closing {
            op.form = op.atomClass == .opening ? .prefix : .postfix
        }
        if TeXSymbols.stretchyInRows.contains(text) { op.stretchy = false }
        // TeX sets `/` as an ordinary symbol; MathML's dictionary would space it like `+`.
        if text == "/" { op.tight = true }
        return op
    }
}
