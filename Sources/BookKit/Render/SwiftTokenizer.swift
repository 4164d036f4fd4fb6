/// What a highlighted token is; the raw value is its CSS class.
enum SwiftTokenClass: String, CaseIterable, Sendable {
    /// Keywords, including contextual ones in declaration position (`mutating`, `some`, `get`).
    case keyword = "kw"
    /// An identifier that starts with an uppercase letter: `Tensor`, `Int`, `Dense`.
    case type = "ty"
    /// A function or method name: directly followed by `(`, or declared after `func`.
    case function = "fn"
    /// A string literal's text and quotes; an interpolation's code is tokenized apart.
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
/// It follows the Swift lexer where a tutorial can tell the difference: raw and multi-line
/// strings, interpolations that contain strings, nested block comments, hex floats, and
/// `t.0.1` tuple access. Malformed input never fails: an unterminated comment or multi-line
/// string runs to the end of the input, and an unterminated single-line string to the end of
/// its line, as the compiler reads it.
struct SwiftTokenizer {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var tokens: [SwiftToken] = []
    /// Set after the keyword `func`, so that the next identifier is classed as a function.
    private var afterFunc = false

    private init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// The tokens of `scalars`, sorted and not overlapping.
    static func tokens(in scalars: [Unicode.Scalar]) -> [SwiftToken] {
        var tokenizer = SwiftTokenizer(scalars)
        tokenizer.lexCode(interpolatedIn: nil)
        return tokenizer.tokens
    }

    /// How a string literal is delimited: the number of `#`s and whether it is `"""`.
    private struct StringDelimiter {
        let hashes: Int
        let isMultiline: Bool
    }

    // MARK: Code

    /// Lexes code to the end of the input, or, inside an interpolation, up to the `)` that
    /// closes it (not consumed); a single-line string's interpolation also ends at a newline.
    private mutating func lexCode(interpolatedIn string: StringDelimiter?) {
        var depth = 0
        while let scalar = peek() {
            if let string {
                if scalar == ")" && depth == 0 { return }
                if !string.isMultiline && SwiftLexicon.isLineBreak(scalar) { return }
            }
            if scalar == "(" { depth += 1 }
            if scalar == ")" { depth -= 1 }
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
        case "0"..."9":
            lexNumber()
        case "`":
            lexBacktickIdentifier()
        case "$":
            lexIdentifier()
        case _ where SwiftLexicon.isIdentifierHead(scalar):
            lexIdentifier()
        default:
            afterFunc = false
            position += 1
        }
    }

    /// After `#`: a raw string, a directive such as `#if` or `#file`, or a lone `#`.
    private mutating func lexHash() {
        var end = position
        while end < scalars.count && scalars[end] == "#" { end += 1 }
        if end < scalars.count && scalars[end] == "\"" {
            lexString()
        } else if peek(1).map(SwiftLexicon.isIdentifierHead) == true {
            lexWord(as: .directive, from: position + 1)
        } else {
            afterFunc = false
            position += 1
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

    // MARK: Strings

    /// A string literal from its opening `#`s or quote: single-line, `"""` or raw, with each
    /// interpolation's code lexed as code between string segments.
    private mutating func lexString() {
        afterFunc = false
        var segmentStart = position
        var hashes = 0
        while peek() == "#" {
            hashes += 1
            position += 1
        }
        let delimiter = StringDelimiter(hashes: hashes, isMultiline: matches("\"\"\""))
        position += delimiter.isMultiline ? 3 : 1
        while let scalar = peek() {
            if !delimiter.isMultiline && SwiftLexicon.isLineBreak(scalar) { break }
            if let length = closingLength(delimiter) {
                position += length
                break
            }
            if scalar == "\\" && hashesFollow(hashes, at: position + 1) {
                position += 1 + hashes
                guard peek() == "(" else {
                    skipEscapedScalar(delimiter)
                    continue
                }
                position += 1
                emit(.string, from: segmentStart)
                lexCode(interpolatedIn: delimiter)
                segmentStart = position
                guard peek() == ")" else { return }
                position += 1
                continue
            }
            position += 1
        }
        emit(.string, from: segmentStart)
    }

    /// The length of the delimiter that closes the string at `position`, if one does.
    private func closingLength(_ delimiter: StringDelimiter) -> Int? {
        let quotes = delimiter.isMultiline ? 3 : 1
        guard matches(delimiter.isMultiline ? "\"\"\"" : "\"") else { return nil }
        return hashesFollow(delimiter.hashes, at: position + quotes) ? quotes + delimiter.hashes : nil
    }

    /// Skips the scalar after a backslash, so that `\"` does not close the string; a newline
    /// still ends a single-line string, as the compiler reads it.
    private mutating func skipEscapedScalar(_ delimiter: StringDelimiter) {
        guard let escaped = peek() else { return }
        if delimiter.isMultiline || !SwiftLexicon.isLineBreak(escaped) { position += 1 }
    }

    /// Whether `count` `#`s start at `index`.
    private func hashesFollow(_ count: Int, at index: Int) -> Bool {
        guard index + count <= scalars.count else { return false }
        return scalars[index..<index + count].allSatisfy { $0 == "#" }
    }

    // MARK: Names

    /// An identifier, `$0` or `$name`: a keyword, or classed by its case and what follows.
    private mutating func lexIdentifier() {
        let start = position
        position += 1
        skip(while: SwiftLexicon.isIdentifierBody)
        let word = String(String.UnicodeScalarView(scalars[start..<position]))
        let tokenClass = !afterFunc && isKeyword(word, from: start) ? .keyword : nameClass(head: scalars[start])
        afterFunc = tokenClass == .keyword && word == "func"
        if let tokenClass { emit(tokenClass, from: start) }
    }

    /// `` `default` ``: a name spelled like a keyword, so never classed as one.
    private mutating func lexBacktickIdentifier() {
        let start = position
        var end = start + 1
        while end < scalars.count && scalars[end] != "`" && !SwiftLexicon.isLineBreak(scalars[end]) { end += 1 }
        guard end < scalars.count && scalars[end] == "`" && end > start + 1 else {
            afterFunc = false
            position += 1
            return
        }
        position = end + 1
        let tokenClass = nameClass(head: scalars[start + 1])
        afterFunc = false
        if let tokenClass { emit(tokenClass, from: start) }
    }

    /// The class of a name that is not a keyword, the name ending at `position`.
    private func nameClass(head: Unicode.Scalar) -> SwiftTokenClass? {
        if afterFunc { return .function }
        if head.properties.isUppercase { return .type }
        return peek() == "(" ? .function : nil
    }

    /// Whether `word`, ending at `position`, is used as a keyword here: any keyword may also
    /// be a member name (`x.default`) or an argument label (`f(in: x)`), and a contextual one
    /// may be a function (`xs.prefix(3)`) or any other name (`let set = Set<Int>()`).
    private func isKeyword(_ word: String, from start: Int) -> Bool {
        let isReserved = SwiftLexicon.reservedKeywords.contains(word)
        guard isReserved || SwiftLexicon.contextualKeywords.contains(word) else { return false }
        if start > 0 && scalars[start - 1] == "." { return SwiftLexicon.memberKeywords.contains(word) }
        if isArgumentLabel(from: start) { return false }
        if isReserved { return true }
        if peek() == "(" { return !SwiftLexicon.callableKeywords.contains(word) }
        return !isUsedAsName(from: start)
    }

    /// Whether the word from `start` to `position` is declared with `let` or `var`, or is
    /// followed by `=`, `.` or `[`, where a modifier or accessor never is.
    private func isUsedAsName(from start: Int) -> Bool {
        var next = position
        while next < scalars.count && SwiftLexicon.isWhitespace(scalars[next]) { next += 1 }
        if next < scalars.count && "=.[".unicodeScalars.contains(scalars[next]) { return true }
        var end = start
        while end > 0 && SwiftLexicon.isWhitespace(scalars[end - 1]) { end -= 1 }
        var wordStart = end
        while wordStart > 0 && SwiftLexicon.isIdentifierBody(scalars[wordStart - 1]) { wordStart -= 1 }
        let previous = String(String.UnicodeScalarView(scalars[wordStart..<end]))
        return previous == "let" || previous == "var"
    }

    /// Whether the word from `start` to `position` is followed by `:` and preceded by `(` or
    /// `,`, as a label is; `default:` in a `switch` is not.
    private func isArgumentLabel(from start: Int) -> Bool {
        guard peek() == ":" else { return false }
        var index = start - 1
        while index >= 0 && SwiftLexicon.isWhitespace(scalars[index]) { index -= 1 }
        return index >= 0 && (scalars[index] == "(" || scalars[index] == ",")
    }

    // MARK: Numbers

    /// An integer or float: `1_000`, `3.14`, `1e-7`, `0xFF`, `0x1p-24`, `0b1010`, `0o17`.
    /// After a `.` only digits are taken, so that `t.0.1` is two tuple indices.
    private mutating func lexNumber() {
        afterFunc = false
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
    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    /// Whether the input continues with `text` at the current position.
    private func matches(_ text: String) -> Bool {
        var index = position
        for scalar in text.unicodeScalars {
            guard index < scalars.count && scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    /// Advances while `predicate` holds.
    private mutating func skip(while predicate: (Unicode.Scalar) -> Bool) {
        while position < scalars.count && predicate(scalars[position]) { position += 1 }
    }

    /// Records `start..<position` as a token; empty ranges are dropped.
    private mutating func emit(_ tokenClass: SwiftTokenClass, from start: Int) {
        guard start < position else { return }
        tokens.append(SwiftToken(tokenClass: tokenClass, range: start..<position))
    }
}
