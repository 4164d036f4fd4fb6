/// The token before the current position, as the Swift lexer classes it: whether an
/// expression can start here decides whether a `/` begins a regex literal or divides.
enum PrecedingToken: Equatable {
    /// Nothing yet: the start of the input.
    case start
    /// `(`, `[` or `{`, an interpolation's `\(` included.
    case opening(Unicode.Scalar)
    /// `,`, `;` or `:`.
    case separator(Unicode.Scalar)
    /// A prefix or binary operator, `=`, or `#if`, `#else`, `#elseif`, `#endif`.
    case prefixOperator
    /// What ends an expression: a name, a literal, `)`, `]`, `}`, a postfix operator, `.`,
    /// `->`, an attribute, `#file`.
    case operand
    /// A reserved keyword.
    case keyword(String)
    /// The `?` or `!` of `try?` and `try!`, after which an expression must follow.
    case optionalTry

    /// Whether an expression may start after this token, as swift-syntax's
    /// `isInRegexLiteralPosition` decides.
    var expectsExpression: Bool {
        switch self {
        case .start, .opening, .separator, .prefixOperator: true
        case .operand, .optionalTry: false
        case .keyword(let word): !SwiftLexicon.literalKeywords.contains(word)
        }
    }
}

extension SwiftTokenizer {
    /// An operator such as `+`, `..<` or `/`, or a `.`; a regex literal if a `/` in it starts
    /// one, in which case the operator is the text before that `/`.
    mutating func lexOperator() {
        let start = position
        let isDotted = scalars[start] == "."
        position += 1
        if isDotted && peek() != "." {
            afterFunc = false
            preceding = .operand
            return
        }
        // `.` continues only an operator that starts with one; `//` and `/*` start comments.
        while let scalar = peek(), SwiftLexicon.isOperatorContinuation(scalar),
            isDotted || scalar != ".", !(scalar == "/" && (peek(1) == "/" || peek(1) == "*"))
        {
            position += 1
        }
        if let slash = scalars[start..<position].firstIndex(of: "/"),
            let regexEnd = regexLiteralEnd(operatorRange: start..<position, slash: slash)
        {
            position = slash
            afterFunc = false
            lexRegexLiteral(until: regexEnd)
            return
        }
        preceding = operatorKind(start..<position)
        afterFunc = false
    }

    /// The end of the regex literal that `slash`, inside the operator at `range`, starts, if
    /// the Swift lexer would lex one there (swift-syntax's `tryScanOperatorAsRegexLiteral`).
    /// An operator bound on its left (`a/b`) divides. One that looks binary (` / `, `a/b`)
    /// starts a regex only where an expression is expected; one that looks prefix (` /a`)
    /// starts one if a literal follows that a regex may be (no leading or trailing space, no
    /// unbalanced `)`).
    private func regexLiteralEnd(operatorRange range: Range<Int>, slash: Int) -> Int? {
        let isLeftBound = isLeftBound(range.lowerBound)
        guard !isLeftBound else { return nil }
        if case .keyword(let word) = preceding, word == "func" || word == "operator" { return nil }
        var mustBeRegex = false
        if !isRightBound(range.upperBound, isLeftBound: isLeftBound) {
            mustBeRegex = preceding == .optionalTry
            guard mustBeRegex || preceding.expectsExpression else { return nil }
            switch preceding {
            case .opening("("), .opening("["), .separator(","), .separator(":"):
                // An operator passed as an argument: `reduce(0, /)`.
                break
            default:
                mustBeRegex = true
            }
        }
        return RegexLiteralScanner.end(in: scalars, from: slash, mustBeRegex: mustBeRegex)
    }

    /// Emits the regex literal from `position` to `end`.
    mutating func lexRegexLiteral(until end: Int) {
        let start = position
        position = end
        emit(.string, from: start)
        afterFunc = false
        preceding = .operand
    }

    /// How the operator at `range` leaves the lexer: postfix (`x!`, `try?`), or expecting an
    /// operand (binary, prefix, `=`); `->` and `...` alone are punctuation that does not.
    private func operatorKind(_ range: Range<Int>) -> PrecedingToken {
        let text = String(String.UnicodeScalarView(scalars[range]))
        if text == "->" { return .operand }
        let isLeftBound = isLeftBound(range.lowerBound)
        guard isLeftBound && !isRightBound(range.upperBound, isLeftBound: isLeftBound) else { return .prefixOperator }
        if (text == "?" || text == "!") && preceding == .keyword("try") { return .optionalTry }
        return .operand
    }

    /// Whether the operator starting at `index` touches what is before it, as the Swift
    /// lexer decides: whitespace, an opening bracket, a separator and a comment's end do not.
    private func isLeftBound(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        switch scalars[index - 1] {
        case " ", "\r", "\n", "\t", "(", "[", "{", ",", ";", ":", "\0", "\u{A0}":
            return false
        case "/":
            return !(index >= 2 && scalars[index - 2] == "*")
        default:
            return true
        }
    }

    /// Whether the operator ending at `index` touches what follows it: whitespace, a closing
    /// bracket, a separator, a comment and the end do not; a `.` does when nothing touches
    /// the operator's left (`^.y` is prefix, `x^.y` postfix).
    private func isRightBound(_ index: Int, isLeftBound: Bool) -> Bool {
        guard index < scalars.count else { return false }
        switch scalars[index] {
        case " ", "\r", "\n", "\t", ")", "]", "}", ",", ";", ":", "\0", "\u{A0}":
            return false
        case ".":
            return !isLeftBound
        case "/":
            return !(index + 1 < scalars.count && (scalars[index + 1] == "/" || scalars[index + 1] == "*"))
        default:
            return true
        }
    }
}
