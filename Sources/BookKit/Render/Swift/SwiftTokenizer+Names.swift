extension SwiftTokenizer {
    /// An identifier, `$0` or `$name`: a keyword, or classed by its case and what follows.
    mutating func lexIdentifier() {
        let start = position
        position += 1
        skip(while: SwiftLexicon.isIdentifierBody)
        let word = String(String.UnicodeScalarView(scalars[start..<position]))
        let tokenClass = !afterFunc && isKeyword(word, from: start) ? .keyword : nameClass(head: scalars[start])
        afterFunc = tokenClass == .keyword && word == "func"
        // As the compiler's lexer sees it: a reserved word is a keyword token wherever it is.
        preceding = SwiftLexicon.reservedKeywords.contains(word) ? .keyword(word) : .operand
        if let tokenClass { emit(tokenClass, from: start) }
    }

    /// `` `default` ``: a name spelled like a keyword, so never classed as one.
    mutating func lexBacktickIdentifier() {
        let start = position
        var end = start + 1
        while end < scalars.count && scalars[end] != "`" && !SwiftLexicon.isLineBreak(scalars[end]) { end += 1 }
        guard end < scalars.count && scalars[end] == "`" && end > start + 1 else {
            afterFunc = false
            position += 1
            preceding = .operand
            return
        }
        position = end + 1
        let tokenClass = nameClass(head: scalars[start + 1])
        afterFunc = false
        preceding = .operand
        if let tokenClass { emit(tokenClass, from: start) }
    }

    /// The class of a name that is not a keyword, the name ending at `position`.
    private func nameClass(head: Unicode.Scalar) -> SwiftTokenClass? {
        if afterFunc { return .function }
        if head.properties.isUppercase { return .type }
        return peek() == "(" ? .function : nil
    }

    /// Whether `word`, ending at `position`, is used as a keyword here: any keyword may also
    /// be a member name (`x.default`) or an argument label (`f(in: x)`, `func f(in x: Int)`),
    /// and a contextual one may be a function (`xs.prefix(3)`) or any other name
    /// (`let set = Set<Int>()`).
    private func isKeyword(_ word: String, from start: Int) -> Bool {
        let isReserved = SwiftLexicon.reservedKeywords.contains(word)
        let isOperatorKeyword = SwiftLexicon.operatorKeywords.contains(word)
        let isAccessorKeyword = SwiftLexicon.accessorKeywords.contains(word)
        guard isReserved || isOperatorKeyword || isAccessorKeyword || SwiftLexicon.contextualKeywords.contains(word)
        else { return false }
        if start > 0 && scalars[start - 1] == "." { return isMemberKeyword(word, dot: start - 1) }
        if isArgumentLabel(from: start) { return false }
        if isReserved { return true }
        if isOperatorKeyword { return startsKeywordPrefixedSyntax(word) }
        if isAccessorKeyword { return nextScalar(from: position, crossingLines: true) == "{" }
        if peek() == "(" { return !SwiftLexicon.callableKeywords.contains(word) }
        return !isUsedAsName(from: start) && !isOperandOrCaseName(word, from: start)
    }

    /// Whether `word` after the `.` at `dot` is a keyword: `Int.self`, `super.init()`,
    /// `T.Type`, but `.Type` alone is an enum case, as in `case .Type`.
    private func isMemberKeyword(_ word: String, dot: Int) -> Bool {
        guard SwiftLexicon.memberKeywords.contains(word) else { return false }
        guard word == "Type" || word == "Protocol" else { return true }
        guard dot > 0 else { return false }
        let before = scalars[dot - 1]
        return SwiftLexicon.isIdentifierBody(before) || ")]>?!`".unicodeScalars.contains(before)
    }

    /// Whether the contextual keyword `word`, from `start` to `position`, stands where only an
    /// operand or a name can: before `,`, `)`, `]`, `;`, an operator or `in`
    /// (`f(a, postfix)`, `{ prefix in prefix + x }`), after `case` or `,` (`case optional`),
    /// after a binary operator (`x == prefix`), or as a parameter's second name
    /// (`_ prefix: String`); `private(set)` keeps its keyword, and `some`, `any` and their
    /// kin, which begin types, keep theirs beside operators (`some ~Copyable`, `as? any P`).
    private func isOperandOrCaseName(_ word: String, from start: Int) -> Bool {
        let before = previousSignificantIndex(before: start)
        let next = nextScalar(from: position, crossingLines: false)
        if let next, ",)];".unicodeScalars.contains(next) {
            return !(word == "set" && before.map { scalars[$0] } == "(")
        }
        if next == "{" && !SwiftLexicon.blockKeywords.contains(word) { return true }
        if nextWordIsIn() { return true }
        let beginsType = SwiftLexicon.typeOperatorKeywords.contains(word)
        if let next, next != ".", SwiftLexicon.isOperatorHead(next), !beginsType { return true }
        guard let before else { return false }
        if scalars[before] == "," && !beginsType { return true }
        if SwiftLexicon.isIdentifierBody(scalars[before]) {
            var wordStart = before
            while wordStart > 0 && SwiftLexicon.isIdentifierBody(scalars[wordStart - 1]) { wordStart -= 1 }
            let previous = String(String.UnicodeScalarView(scalars[wordStart...before]))
            return previous == "case" || peek() == ":"
        }
        let isArrow = scalars[before] == ">" && before > 0 && scalars[before - 1] == "-"
        return SwiftLexicon.isOperatorHead(scalars[before]) && scalars[before] != "." && !isArrow
            && !SwiftLexicon.typeOperatorKeywords.contains(word)
    }

    /// Whether the next word on the line after `position` is `in`, as after a closure's
    /// parameter.
    private func nextWordIsIn() -> Bool {
        var index = position
        while index < scalars.count && (scalars[index] == " " || scalars[index] == "\t") { index += 1 }
        guard index > position, matches("in", at: index) else { return false }
        return index + 2 == scalars.count || !SwiftLexicon.isIdentifierBody(scalars[index + 2])
    }

    /// The index of the last scalar before `index` that is not whitespace, if any.
    private func previousSignificantIndex(before index: Int) -> Int? {
        var index = index - 1
        while index >= 0 && SwiftLexicon.isWhitespace(scalars[index]) { index -= 1 }
        return index >= 0 ? index : nil
    }

    /// Whether the word from `start` to `position` is declared with `let` or `var`, or is
    /// followed by `=`, `.` or `[`, where a modifier or accessor never is.
    private func isUsedAsName(from start: Int) -> Bool {
        if let next = nextScalar(from: position, crossingLines: true), "=.[".unicodeScalars.contains(next) {
            return true
        }
        var end = start
        while end > 0 && SwiftLexicon.isWhitespace(scalars[end - 1]) { end -= 1 }
        var wordStart = end
        while wordStart > 0 && SwiftLexicon.isIdentifierBody(scalars[wordStart - 1]) { wordStart -= 1 }
        let previous = String(String.UnicodeScalarView(scalars[wordStart..<end]))
        return previous == "let" || previous == "var"
    }

    /// Whether the word from `start` to `position` is an argument label or a parameter's
    /// name: after `(` or `,`, followed by `:` (`f(in: x)`), or, inside parentheses, by a
    /// second name and `:` (`func f(in x: Int)`), or the second name itself
    /// (`withExtension extension: String`); `default:` in a `switch` is not, nor
    /// `if a, let b: Int = c`.
    private func isArgumentLabel(from start: Int) -> Bool {
        guard let index = previousSignificantIndex(before: start) else { return false }
        if peek() == ":" && innermostBracket == "(" && isParameterFirstName(endingAt: index) { return true }
        guard scalars[index] == "(" || scalars[index] == "," else { return false }
        if peek() == ":" { return true }
        guard innermostBracket == "(", let next = nextScalar(from: position, crossingLines: true),
            SwiftLexicon.isIdentifierHead(next) || next == "`"
        else { return false }
        var end = position
        while end < scalars.count && SwiftLexicon.isWhitespace(scalars[end]) { end += 1 }
        if scalars[end] == "`" {
            end += 1
            while end < scalars.count && scalars[end] != "`" && !SwiftLexicon.isLineBreak(scalars[end]) { end += 1 }
            end += 1
        } else {
            while end < scalars.count && SwiftLexicon.isIdentifierBody(scalars[end]) { end += 1 }
        }
        return end < scalars.count && scalars[end] == ":"
    }

    /// Whether a parameter's first name ends at `end`, inclusive: a name or `_` after `(` or `,`.
    private func isParameterFirstName(endingAt end: Int) -> Bool {
        guard SwiftLexicon.isIdentifierBody(scalars[end]) else { return false }
        var wordStart = end
        while wordStart > 0 && SwiftLexicon.isIdentifierBody(scalars[wordStart - 1]) { wordStart -= 1 }
        guard let before = previousSignificantIndex(before: wordStart) else { return false }
        return scalars[before] == "(" || scalars[before] == ","
    }

    /// The innermost bracket open at `position`: an interpolation's `\(` counts as `(`.
    private var innermostBracket: Unicode.Scalar? {
        if let interpolation = interpolations.last, brackets.count <= interpolation.outerBracketCount {
            return "("
        }
        return brackets.last
    }

    /// Whether `word`, ending at `position`, begins an expression or statement that it
    /// prefixes (`consume x`, `unsafe f()`, `yield &x`, `discard self`), as swift-syntax's
    /// parser decides from the token after it, on the same line: an operand or a prefix
    /// operator, not a binary operator, a closing bracket or a line break.
    private func startsKeywordPrefixedSyntax(_ word: String) -> Bool {
        var index = position
        while index < scalars.count && (scalars[index] == " " || scalars[index] == "\t") { index += 1 }
        guard index < scalars.count else { return false }
        let next = scalars[index]
        switch next {
        case "(", "[", ".":
            // `unsafe (x)` prefixes, `unsafe(x)` calls; the others always call or access.
            return word == "unsafe" && index > position
        case "{":
            return word == "unsafe"
        case "\"", "'", "$", "@", "\\", "#", "`", "0"..."9":
            return true
        case _ where SwiftLexicon.isIdentifierHead(next):
            var end = index
            while end < scalars.count && SwiftLexicon.isIdentifierBody(scalars[end]) { end += 1 }
            let following = String(String.UnicodeScalarView(scalars[index..<end]))
            return !SwiftLexicon.reservedKeywords.contains(following)
                || SwiftLexicon.expressionKeywords.contains(following)
        case _ where SwiftLexicon.isOperatorHead(next):
            // A prefix operator: `consume &x`, `yield !flag`, `unsafe /a/`; `copy = 1` is not.
            return index > position && index + 1 < scalars.count && !SwiftLexicon.isWhitespace(scalars[index + 1])
                && next != "=" && !matches("->", at: index)
        default:
            return false
        }
    }

    /// The first scalar at or after `index` that is not a space or tab (nor a line break,
    /// when `crossingLines`).
    func nextScalar(from index: Int, crossingLines: Bool) -> Unicode.Scalar? {
        var index = index
        while index < scalars.count,
            scalars[index] == " " || scalars[index] == "\t"
                || (crossingLines && SwiftLexicon.isLineBreak(scalars[index]))
        {
            index += 1
        }
        return index < scalars.count ? scalars[index] : nil
    }
}
