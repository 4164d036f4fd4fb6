/// The byte-level pass of `MathProtector.protect`: copies Markdown to `output`, replacing each
/// formula by its placeholder. It works on UTF-8 bytes because every character it looks for
/// (`$`, `\`, `` ` ``, newline) is ASCII, which never occurs inside a multi-byte character.
struct MathScanner {
    let bytes: [UInt8]
    let codeLines: Set<Int>
    /// The paragraphs inside block quotes and list items: how far a formula there may run and
    /// the container prefixes it keeps out of its TeX.
    let containers: ContainerParagraphs
    /// The byte offset where each line starts.
    let lineStarts: [Int]
    /// For each line (0-based), the byte offset where its paragraph ends: a formula or code span
    /// never runs past a blank line or into a code block.
    let paragraphEnds: [Int]
    var output: [UInt8] = []
    var spans: [MathProtector.Span] = []
    var index = 0
    var line = 1
    var lineStart = 0

    init(_ markdown: String, codeLines: Set<Int>, containers: ContainerParagraphs = ContainerParagraphs()) {
        let bytes = Array(markdown.utf8)
        self.bytes = bytes
        self.codeLines = codeLines
        self.containers = containers
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        paragraphEnds = Self.paragraphEnds(bytes, codeLines: codeLines)
        output.reserveCapacity(bytes.count)
    }

    mutating func run() {
        while index < bytes.count {
            if index == lineStart, codeLines.contains(line) {
                copy(upTo: (bytes[index...].firstIndex(of: newline) ?? bytes.count - 1) + 1)
                continue
            }
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                let escapes = index + 1 < bytes.count && Self.isASCIIPunctuation(bytes[index + 1])
                copy(upTo: index + (escapes ? 2 : 1))
            case UInt8(ascii: "`"): copyCodeSpan()
            case UInt8(ascii: "$"): if !replaceMath() { copy(upTo: index + 1) }
            default: copy(upTo: index + 1)
            }
        }
    }

    private let newline = UInt8(ascii: "\n")
    private let dollar = UInt8(ascii: "$")

    /// Copies bytes up to `end`, counting lines.
    private mutating func copy(upTo end: Int) {
        let end = min(end, bytes.count)
        for position in index..<end where bytes[position] == newline {
            line += 1
            lineStart = position + 1
        }
        output += bytes[index..<end]
        index = end
    }

    /// A code span is copied whole; an opening run of backticks with no closing run of the same
    /// length is literal backticks, as in CommonMark.
    private mutating func copyCodeSpan() {
        let run = bytes[index...].prefix { $0 == UInt8(ascii: "`") }.count
        let limit = limit(ofLine: line)
        var position = index + run
        while position < limit {
            guard bytes[position] == UInt8(ascii: "`") else {
                position += 1
                continue
            }
            let closing = bytes[position..<limit].prefix { $0 == UInt8(ascii: "`") }.count
            if closing == run { return copy(upTo: position + closing) }
            position += closing
        }
        copy(upTo: index + run)
    }

    /// Replaces the formula opening at `index`, if one does; `false` leaves the `$` as text.
    private mutating func replaceMath() -> Bool {
        let display = index + 1 < bytes.count && bytes[index + 1] == dollar
        guard let (content, end) = display ? displayMath() : inlineMath() else {
            if display { copy(upTo: index + 2) }
            return display
        }
        var tex: [UInt8] = []
        var replacement = Array(MathProtector.placeholder(spans.count).utf8)
        var newlines = 0
        var prefixEnd = index
        for position in index..<end {
            if bytes[position] == newline {
                newlines += 1
                // The next line's container prefix stays in the Markdown, then a filler word
                // that `restore` removes, so the line is not blank and the container goes on.
                let prefix = min(
                    containers.prefix(ofLine: line + newlines, formulaStartingOn: line), end - position - 1)
                prefixEnd = position + 1 + prefix
                replacement += [newline] + bytes[(position + 1)..<prefixEnd]
                if prefix > 0 { replacement += Array(MathProtector.lineFiller.utf8) }
                tex.append(newline)
            } else if content.contains(position), position >= prefixEnd {
                tex.append(bytes[position])
            }
        }
        spans.append(
            MathProtector.Span(
                tex: String(decoding: tex, as: UTF8.self), display: display, line: line,
                column: index - lineStart + 1))
        output += replacement
        line += newlines
        if newlines > 0, let last = bytes[index..<end].lastIndex(of: newline) { lineStart = last + 1 }
        index = end
        return true
    }

    /// `$$…$$`: the content up to the next unescaped `$$`, if it has any non-space.
    private func displayMath() -> (Range<Int>, Int)? {
        let limit = limit(ofLine: line)
        var position = index + 2
        while position + 1 < limit {
            if bytes[position] == UInt8(ascii: "\\") {
                position += 2
            } else if bytes[position] == dollar, bytes[position + 1] == dollar {
                let content = (index + 2)..<position
                return bytes[content].allSatisfy(Self.isSpace) ? nil : (content, position + 2)
            } else {
                position += 1
            }
        }
        return nil
    }

    /// `$…$`: the opening `$` has a non-space after it; the first unescaped `$` outside braces
    /// after that closes it if a non-space precedes it and no digit follows, and otherwise
    /// there is no formula here (so `$5 and $6` stays text). A `$` inside braces opens math
    /// nested in `\text{…}`, as TeX reads it: `$\text{for $x>0$}$` is one formula.
    private func inlineMath() -> (Range<Int>, Int)? {
        let limit = limit(ofLine: line)
        guard index + 1 < limit, !Self.isSpace(bytes[index + 1]) else { return nil }
        var position = index + 1
        var braceDepth = 0
        while position < limit {
            switch bytes[position] {
            case UInt8(ascii: "\\"):
                position += 2
                continue
            case UInt8(ascii: "{"): braceDepth += 1
            case UInt8(ascii: "}"): braceDepth = max(braceDepth - 1, 0)
            default: break
            }
            guard bytes[position] == dollar, braceDepth == 0 else {
                position += 1
                continue
            }
            let followedByDigit = position + 1 < bytes.count && (0x30...0x39).contains(bytes[position + 1])
            guard !Self.isSpace(bytes[position - 1]), !followedByDigit else { return nil }
            return ((index + 1)..<position, position + 1)
        }
        return nil
    }

    /// Where a formula or code span starting on `line` must end: at the end of its paragraph,
    /// found by cmark inside containers and at the next blank or code line elsewhere.
    private func limit(ofLine line: Int) -> Int {
        guard let last = containers.lastLine(ofFormulaStartingOn: line) else { return paragraphEnds[line - 1] }
        return last < lineStarts.count ? lineStarts[last] : bytes.count
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    /// The characters a backslash escapes in CommonMark.
    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }

    /// For each line, where its paragraph ends: at the start of the next blank or code line.
    private static func paragraphEnds(_ bytes: [UInt8], codeLines: Set<Int>) -> [Int] {
        var starts = [0]
        for (position, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(position + 1) }
        let ends = starts.indices.map { $0 + 1 < starts.count ? starts[$0 + 1] : bytes.count }
        let breaks = starts.indices.map { line in
            codeLines.contains(line + 1) || bytes[starts[line]..<ends[line]].allSatisfy(isSpace)
        }
        var result = Array(repeating: bytes.count, count: starts.count)
        var end = bytes.count
        for line in starts.indices.reversed() {
            if breaks[line] { end = starts[line] }
            result[line] = breaks[line] ? ends[line] : end
        }
        return result
    }
}
