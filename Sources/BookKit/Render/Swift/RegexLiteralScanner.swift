/// Finds where a regex literal ends: `/a+b/`, `#/a"b/#`, or a multi-line `#/` literal.
///
/// The rules are those of the Swift lexer (SE-0354 and swift-syntax's `RegexLiteralLexer`),
/// which decide what is a regex at all: a bare `/…/` literal may not start with a space or
/// tab, nor end with one, nor contain an unbalanced `)`, nor stop at a `/` that begins a
/// comment, unless the caller knows that a regex must start here (`mustBeRegex`). An extended
/// literal, `#`s before the `/`, has none of these limits, and is multi-line when only spaces
/// follow its opening delimiter on that line. A backslash escapes the scalar after it; `(`
/// and `)` inside a `[…]` class are not groups.
struct RegexLiteralScanner {
    private let scalars: [Unicode.Scalar]
    private let mustBeRegex: Bool
    private var position: Int
    /// The number of `#`s before the opening `/`.
    private var hashes = 0
    /// Where the first line ends, for a multi-line literal: an unterminated one is cut there,
    /// so that it does not swallow the code after it.
    private var firstLineBreak: Int?
    private var groupDepth = 0
    private var characterClassDepth = 0
    /// The last unescaped space or tab, since a bare literal may not end with one.
    private var lastSpace: Int?

    private init(_ scalars: [Unicode.Scalar], start: Int, mustBeRegex: Bool) {
        self.scalars = scalars
        self.position = start
        self.mustBeRegex = mustBeRegex
    }

    /// Where the regex literal starting at `start` (its first `#` or its `/`) ends, or nil if
    /// there is none. When `mustBeRegex`, an unterminated literal ends at its line's end.
    static func end(in scalars: [Unicode.Scalar], from start: Int, mustBeRegex: Bool) -> Int? {
        var scanner = RegexLiteralScanner(scalars, start: start, mustBeRegex: mustBeRegex)
        return scanner.scan()
    }

    /// What ends the scan: the literal's end, or that it is not one.
    private enum Outcome {
        case end(Int)
        case unterminated
        case notARegex
    }

    private mutating func scan() -> Int? {
        switch scanLiteral() {
        case .end(let end): end
        case .unterminated: mustBeRegex ? position : nil
        case .notARegex: nil
        }
    }

    private mutating func scanLiteral() -> Outcome {
        let start = position
        while peek() == "#" {
            hashes += 1
            position += 1
        }
        guard peek() == "/" else { return .notARegex }
        position += 1
        if hashes == 0 {
            if peek() == " " || peek() == "\t", !mustBeRegex { return .notARegex }
            // `//` and `/*` start comments, and `*/` ends one.
            if peek() == "/" || peek() == "*" { return .notARegex }
            if start > 0 && scalars[start - 1] == "*" { return .notARegex }
        } else {
            skipToFirstLineBreak()
        }
        while true {
            if let outcome = closingDelimiter() { return outcome }
            if let outcome = skipPatternScalar() { return outcome }
        }
    }

    /// After `#/`: if only spaces and tabs are left on the line, the literal is multi-line,
    /// and its pattern starts at the line break.
    private mutating func skipToFirstLineBreak() {
        var index = position
        while index < scalars.count && (scalars[index] == " " || scalars[index] == "\t") { index += 1 }
        if index < scalars.count && SwiftLexicon.isLineBreak(scalars[index]) {
            firstLineBreak = index
            position = index
        }
    }

    /// The outcome if a closing delimiter starts at `position`: `/` and at least as many `#`s
    /// as opened (a few more are taken too, as the compiler does).
    private mutating func closingDelimiter() -> Outcome? {
        guard peek() == "/" else { return nil }
        var end = position + 1
        var closingHashes = 0
        if hashes > 0 {
            while end < scalars.count && scalars[end] == "#" {
                closingHashes += 1
                end += 1
            }
        }
        guard closingHashes >= hashes else { return nil }
        if hashes == 0 {
            // `/a//` is more likely `/a` and a comment than a regex.
            if end < scalars.count && (scalars[end] == "*" || scalars[end] == "/") { return .unterminated }
            if lastSpace == position - 1 && !mustBeRegex { return .notARegex }
        }
        return .end(end)
    }

    /// Skips one scalar of the pattern, or an escape and the scalar it escapes; returns an
    /// outcome if the pattern cannot go on.
    private mutating func skipPatternScalar() -> Outcome? {
        guard var scalar = peek() else { return endOfInput() }
        var isEscaped = false
        if scalar == "\\" {
            position += 1
            guard let escaped = peek() else { return endOfInput() }
            scalar = escaped
            isEscaped = true
        }
        if SwiftLexicon.isLineBreak(scalar) && firstLineBreak == nil {
            return .unterminated
        }
        position += 1
        guard !isEscaped else { return nil }
        switch scalar {
        case "(" where characterClassDepth == 0:
            groupDepth += 1
        case ")" where characterClassDepth == 0:
            if groupDepth == 0 {
                // An unbalanced `)`: `f(a /b)` divides.
                if !mustBeRegex { return .notARegex }
            } else {
                groupDepth -= 1
            }
        case "[":
            characterClassDepth += 1
        case "]":
            characterClassDepth = max(0, characterClassDepth - 1)
        case " ", "\t":
            lastSpace = position - 1
        default:
            break
        }
        return nil
    }

    /// The input ended inside the pattern: a multi-line literal is cut at its first line's end.
    private mutating func endOfInput() -> Outcome {
        if let firstLineBreak { position = firstLineBreak }
        return .unterminated
    }

    private func peek() -> Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }
}
