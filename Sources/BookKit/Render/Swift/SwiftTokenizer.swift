/// What a highlighted token is; the raw value is its CSS class.
enum SwiftTokenClass: String, CaseIterable, Sendable {
    /// Keywords, including contextual ones in keyword position (`mutating`, `some`, `get`,
    /// `consume x`).
    case keyword = "kw"
    /// An identifier that starts with an uppercase letter: `Tensor`, `Int`, `Dense`.
    case type = "ty"
    /// A function or method name: directly followed by `(`, or declared after `func`.
    case function = "fn"
    /// A string or regex literal's text and delimiters; an interpolation's code is tokenized
    /// apart. Regex literals share the class: both are literal text in code.
    case string = "str"
    /// An integer or floating-point literal in any radix.
    case number = "num"
    /// A line, doc or (nested) block comment, and Quarto's `//|` option lines.
    case comment = "com"
    /// An attribute or property wrapper: `@MainActor`, `@discardableResult`.
    case attribute = "attr"
    /// `#` and a name: compiler directives, `#file`-style literals, freestanding macros.
    case directive = "dir"
}

/// A classified range of the source, in Unicode scalar offsets.
struct SwiftToken: Equatable, Sendable {
    /// What the text is.
    let tokenClass: SwiftTokenClass
    /// Where the text is, as offsets into the source's Unicode scalars.
    let range: Range<Int>
}

/// Splits Swift source into classified tokens, in order and without overlap; text between
/// tokens (whitespace, punctuation, operators, plain identifiers) is not a token.
///
/// It follows the lexical structure of The Swift Programming Language (and swift-syntax's
/// lexer where the book leaves a choice): raw strings with any number of `#`s, single- and
/// multi-line (`#"""#` is one line); interpolations that contain strings, to any depth;
/// regex literals, `#/…/#` and bare `/…/` where a `/` starts one rather than dividing; nested
/// block comments; hex floats; `t.0.1` tuple access; contextual keywords only where they are
/// keywords. Malformed input never fails: an unterminated comment or multi-line string runs
/// to the end of the input, and an unterminated single-line string to the end of its line, as
/// the compiler reads it.
///
/// It never recurses: a string's interpolations are a stack of `OpenInterpolation`s, so
/// nesting depth costs memory, not call stack, and the time is linear in the input.
struct SwiftTokenizer {
    let scalars: [Unicode.Scalar]
    var position = 0
    var tokens: [SwiftToken] = []
    /// Set after the keyword `func`, so that the next identifier is classed as a function.
    var afterFunc = false
    /// The token before `position`, which decides whether a `/` starts a regex literal.
    var preceding = PrecedingToken.start
    /// The `(`, `[` and `{` not yet closed, innermost last: a name after `(` is a label, one
    /// after `{` a statement's.
    var brackets: [Unicode.Scalar] = []
    /// The strings whose interpolation is being lexed as code, innermost last.
    var interpolations: [OpenInterpolation] = []

    private init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// The tokens of `scalars`, sorted and not overlapping.
    static func tokens(in scalars: [Unicode.Scalar]) -> [SwiftToken] {
        var tokenizer = SwiftTokenizer(scalars)
        tokenizer.lexAll()
        return tokenizer.tokens
    }

    // MARK: Code

    /// Lexes to the end of the input, going back to a string's text when the `)` that closes
    /// its interpolation comes.
    private mutating func lexAll() {
        while let scalar = peek() {
            if !interpolations.isEmpty {
                if closeInterpolation(at: scalar) { continue }
                if scalar == "(" { interpolations[interpolations.count - 1].parenthesisDepth += 1 }
                if scalar == ")" { interpolations[interpolations.count - 1].parenthesisDepth -= 1 }
            }
            lexToken(startingWith: scalar)
        }
    }

    /// Lexes one token, or skips one scalar of plain text.
    private mutating func lexToken(startingWith scalar: Unicode.Scalar) {
        switch scalar {
        case " ", "\t", "\n", "\r":
            position += 1
        case "/" where peek(1) == "/":
            lexLineComment()
        case "/" where peek(1) == "*":
            lexBlockComment()
        case "\"":
            lexString()
        case "#":
            lexHash()
        case "@" where peek(1).map(SwiftLexicon.isIdentifierHead) == true:
            lexWord(as: .attribute, from: position + 1)
            preceding = .operand
        case "0"..."9":
            lexNumber()
        case "`":
            lexBacktickIdentifier()
        case "$":
            lexIdentifier()
        case _ where SwiftLexicon.isIdentifierHead(scalar):
            lexIdentifier()
        case _ where SwiftLexicon.isOperatorHead(scalar):
            lexOperator()
        default:
            lexPunctuation(scalar)
        }
    }

    /// Skips a punctuation scalar, keeping track of brackets.
    private mutating func lexPunctuation(_ scalar: Unicode.Scalar) {
        afterFunc = false
        position += 1
        switch scalar {
        case "(", "[", "{":
            brackets.append(scalar)
            preceding = .opening(scalar)
        case ")", "]", "}":
            _ = brackets.popLast()
            preceding = .operand
        case ",", ";", ":":
            preceding = .separator(scalar)
        default:
            // `\`, a lone `@`, a backtick, or text that is not Swift.
            preceding = .operand
        }
    }

    /// After `#`: a raw string, a regex literal `#/…/#`, a directive such as `#if` or `#file`,
    /// or a lone `#`.
    private mutating func lexHash() {
        var end = position
        while end < scalars.count && scalars[end] == "#" { end += 1 }
        if end < scalars.count && scalars[end] == "\"" {
            lexString()
        } else if end < scalars.count && scalars[end] == "/",
            let regexEnd = RegexLiteralScanner.end(in: scalars, from: position, mustBeRegex: true)
        {
            lexRegexLiteral(until: regexEnd)
        } else if peek(1).map(SwiftLexicon.isIdentifierHead) == true {
            let start = position
            lexWord(as: .directive, from: position + 1)
            let name = String(String.UnicodeScalarView(scalars[start..<position]))
            // `#if x /a/` may start a regex, `#file /a/` may not.
            preceding = SwiftLexicon.conditionalDirectives.contains(name) ? .prefixOperator : .operand
        } else {
            lexPunctuation("#")
        }
    }

    /// Lexes `@name` or `#name`: the sigil at `position`, the name starting at `nameStart`.
    private mutating func lexWord(as tokenClass: SwiftTokenClass, from nameStart: Int) {
        let start = position
        position = nameStart
        skip(while: SwiftLexicon.isIdentifierBody)
        emit(tokenClass, from: start)
        afterFunc = false
    }

    // MARK: Comments

    /// `//`, `///` and `//|` comments, up to the end of the line.
    private mutating func lexLineComment() {
        let start = position
        skip { !SwiftLexicon.isLineBreak($0) }
        emit(.comment, from: start)
    }

    /// `/* … */`, nested as Swift nests them; unterminated, it runs to the end.
    private mutating func lexBlockComment() {
        let start = position
        var depth = 0
        while position < scalars.count {
            if scalars[position] == "/" && peek(1) == "*" {
                depth += 1
                position += 2
            } else if scalars[position] == "*" && peek(1) == "/" {
                depth -= 1
                position += 2
                if depth == 0 { break }
            } else {
                position += 1
            }
        }
        emit(.comment, from: start)
    }

    // MARK: Numbers

    /// An integer or float: `1_000`, `3.14`, `1e-7`, `0xFF`, `0x1p-24`, `0b1010`, `0o17`.
    /// After a `.` only digits are taken, so that `t.0.1` is two tuple indices.
    private mutating func lexNumber() {
        afterFunc = false
        preceding = .operand
        let start = position
        let radix = scalars[start] == "0" ? SwiftLexicon.radix(prefix: peek(1)) : nil
        if radix != nil { position += 2 }
        let base = radix ?? 10
        skip { SwiftLexicon.isDigit($0, base: base) || $0 == "_" }
        let isTupleIndex = start > 0 && scalars[start - 1] == "."
        if !isTupleIndex && (base == 10 || base == 16) { lexFraction(base: base) }
        emit(.number, from: start)
    }

    /// The fraction and exponent, if any: `.5e-3`, or in hex `.8p3`, where a fraction without
    /// its `p` exponent is a member access instead (`0xff.description`).
    private mutating func lexFraction(base: Int) {
        let mark = position
        if peek() == ".", let digit = peek(1), SwiftLexicon.isDigit(digit, base: base) {
            position += 1
            skip { SwiftLexicon.isDigit($0, base: base) || $0 == "_" }
        }
        if lexExponent(base: base) { return }
        if base == 16 { position = mark }
    }

    /// `e-7` after decimal digits, `p-24` after hex ones; returns whether there was one.
    private mutating func lexExponent(base: Int) -> Bool {
        guard let marker = peek(), (base == 10 ? "eE" : "pP").unicodeScalars.contains(marker) else { return false }
        var index = position + 1
        if index < scalars.count && (scalars[index] == "+" || scalars[index] == "-") { index += 1 }
        guard index < scalars.count && SwiftLexicon.isDigit(scalars[index], base: 10) else { return false }
        position = index
        skip { SwiftLexicon.isDigit($0, base: 10) || $0 == "_" }
        return true
    }

    // MARK: Helpers

    /// The scalar `offset` places after the current one, if the input goes that far.
    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    /// Whether the input continues with `text` at `index`.
    func matches(_ text: String, at index: Int) -> Bool {
        var index = index
        for scalar in text.unicodeScalars {
            guard index < scalars.count && scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    /// Advances while `predicate` holds.
    mutating func skip(while predicate: (Unicode.Scalar) -> Bool) {
        while position < scalars.count && predicate(scalars[position]) { position += 1 }
    }

    /// Records `start..<position` as a token; empty ranges are dropped.
    mutating func emit(_ tokenClass: SwiftTokenClass, from start: Int) {
        guard start < position else { return }
        tokens.append(SwiftToken(tokenClass: tokenClass, range: start..<position))
    }
}
