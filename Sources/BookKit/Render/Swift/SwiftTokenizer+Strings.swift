/// How a string literal is delimited: the number of `#`s and whether it is `"""`.
struct StringDelimiter {
    let hashes: Int
    let isMultiline: Bool
}

/// A string literal whose interpolation `\(…)` is being lexed as code.
struct OpenInterpolation {
    let delimiter: StringDelimiter
    /// The `(`s opened inside the interpolation and not yet closed: the `)` that finds none
    /// open closes the interpolation.
    var parenthesisDepth = 0
    /// How many brackets were open outside the string, to forget those left open inside.
    let outerBracketCount: Int
}

extension SwiftTokenizer {
    /// A string literal from its opening `#`s or quote: single-line, `"""` or raw. Its text is
    /// lexed up to its end or its first interpolation, whose code the main loop lexes.
    mutating func lexString() {
        let start = position
        var hashes = 0
        while peek() == "#" {
            hashes += 1
            position += 1
        }
        let delimiter = StringDelimiter(hashes: hashes, isMultiline: opensMultilineString(hashes: hashes))
        position += delimiter.isMultiline ? 3 : 1
        lexStringText(delimiter, from: start)
    }

    /// Whether the quote at `position` opens a multi-line string: `"""`, except a raw string
    /// closed on the same line (`#"""#` is a quote, `#""" a "#` is `"" a `), as the compiler
    /// reads it.
    private func opensMultilineString(hashes: Int) -> Bool {
        guard matches("\"\"\"", at: position) else { return false }
        guard hashes > 0 else { return true }
        var index = position + 2
        while index < scalars.count && !SwiftLexicon.isLineBreak(scalars[index]) {
            if scalars[index] == "\"" && hashesFollow(hashes, at: index + 1) { return false }
            index += 1
        }
        return true
    }

    /// A string's text from `position`, emitted from `segmentStart`, up to its closing
    /// delimiter, or up to `\(` (included), where the interpolation's code begins.
    mutating func lexStringText(_ delimiter: StringDelimiter, from segmentStart: Int) {
        afterFunc = false
        while let scalar = peek() {
            if !delimiter.isMultiline && SwiftLexicon.isLineBreak(scalar) { break }
            if let length = closingLength(delimiter) {
                position += length
                break
            }
            if scalar == "\\" && hashesFollow(delimiter.hashes, at: position + 1) {
                position += 1 + delimiter.hashes
                guard peek() == "(" else {
                    skipEscapedScalar(delimiter)
                    continue
                }
                position += 1
                emit(.string, from: segmentStart)
                interpolations.append(OpenInterpolation(delimiter: delimiter, outerBracketCount: brackets.count))
                preceding = .opening("(")
                return
            }
            position += 1
        }
        emit(.string, from: segmentStart)
        preceding = .operand
    }

    /// Ends the innermost interpolation if `scalar`, at `position`, ends it: its `)`, after
    /// which the string's text goes on, or a line break in a single-line string, which ends
    /// the string too, as the compiler reads it. Returns whether it did.
    mutating func closeInterpolation(at scalar: Unicode.Scalar) -> Bool {
        guard let innermost = interpolations.last else { return false }
        let closes = scalar == ")" && innermost.parenthesisDepth == 0
        guard closes || (!innermost.delimiter.isMultiline && SwiftLexicon.isLineBreak(scalar)) else { return false }
        interpolations.removeLast()
        brackets.removeSubrange(min(innermost.outerBracketCount, brackets.count)...)
        if closes {
            position += 1
            lexStringText(innermost.delimiter, from: position - 1)
        } else {
            preceding = .operand
        }
        return true
    }

    /// The length of the delimiter that closes the string at `position`, if one does.
    private func closingLength(_ delimiter: StringDelimiter) -> Int? {
        let quotes = delimiter.isMultiline ? 3 : 1
        guard matches(delimiter.isMultiline ? "\"\"\"" : "\"", at: position) else { return nil }
        return hashesFollow(delimiter.hashes, at: position + quotes) ? quotes + delimiter.hashes : nil
    }

    /// Skips the scalar after a backslash, so that `\"` does not close the string; a newline
    /// still ends a single-line string, as the compiler reads it.
    private mutating func skipEscapedScalar(_ delimiter: StringDelimiter) {
        guard let escaped = peek() else { return }
        if delimiter.isMultiline || !SwiftLexicon.isLineBreak(escaped) { position += 1 }
    }

    /// Whether `count` `#`s start at `index`.
    func hashesFollow(_ count: Int, at index: Int) -> Bool {
        guard index + count <= scalars.count else { return false }
        return scalars[index..<index + count].allSatisfy { $0 == "#" }
    }
}
