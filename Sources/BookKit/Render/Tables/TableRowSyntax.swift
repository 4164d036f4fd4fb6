/// How GitHub (cmark-gfm's table extension) splits one line of a table into cells, written
/// out here because Debian's libcmark is plain CommonMark and has no table extension to call.
///
/// A row is `|? cell (| cell)* |?`: the outer pipes are optional, a pipe preceded by a
/// backslash belongs to the cell (also inside a code span, which does not protect a pipe), and
/// `\|` loses its backslash before the cell's inline Markdown is parsed.
enum TableRowSyntax {
    /// A column's alignment, from the colons of its delimiter cell (`:--`, `:-:`, `--:`).
    enum Alignment: String {
        case left, center, right
    }

    /// The cells of `line` (a table line without its container prefix or line break), trimmed
    /// and with `\|` unescaped; nil when the line has none (a lone `|`).
    static func cells(_ line: [UInt8]) -> [String]? {
        var cells: [String] = []
        var offset = pipeEnd(line, from: 0)
        while offset < line.count {
            let cellEnd = self.cellEnd(line, from: offset)
            let afterPipe = pipeEnd(line, from: cellEnd)
            if cellEnd > offset || afterPipe > cellEnd {
                cells.append(cellText(line[offset..<cellEnd]))
            }
            offset = afterPipe
            if afterPipe == cellEnd { break }
        }
        return cells.isEmpty ? nil : cells
    }

    /// The alignments of a delimiter row (`| :-- | --: |`, `--- | ---`), nil if `line` is not one.
    static func alignments(ofDelimiterRow line: [UInt8]) -> [Alignment?]? {
        guard let cells = cells(line) else { return nil }
        var alignments: [Alignment?] = []
        for cell in cells {
            let bytes = Array(cell.utf8)
            let left = bytes.first == UInt8(ascii: ":")
            let right = bytes.count > (left ? 1 : 0) && bytes.last == UInt8(ascii: ":")
            let dashes = bytes[(left ? 1 : 0)..<(bytes.count - (right ? 1 : 0))]
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            switch (left, right) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(nil)
            }
        }
        return alignments
    }

    /// After a `|` and the spaces following it at `offset`, or `offset` when no pipe is there.
    private static func pipeEnd(_ line: [UInt8], from offset: Int) -> Int {
        guard offset < line.count, line[offset] == UInt8(ascii: "|") else { return offset }
        var end = offset + 1
        while end < line.count, isSpaceCharacter(line[end]) { end += 1 }
        return end
    }

    /// Where the cell starting at `offset` ends: at the first pipe that no backslash precedes.
    /// (cmark-gfm's scanner takes the longest run of escaped characters and non-pipes, and a
    /// backslash may always be read as a plain character, so `\|` never ends a cell.)
    private static func cellEnd(_ line: [UInt8], from offset: Int) -> Int {
        var end = offset
        while end < line.count {
            if line[end] == UInt8(ascii: "|"), end == offset || line[end - 1] != UInt8(ascii: "\\") { break }
            end += 1
        }
        return end
    }

    /// `text` with each `\|` replaced by `|`, as cmark-gfm reads a cell or the paragraph
    /// before a table.
    static func unescapingPipes(_ text: String) -> String {
        String(decoding: unescapingPipes(Array(text.utf8)[...]), as: UTF8.self)
    }

    private static func unescapingPipes(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == UInt8(ascii: "\\"), index + 1 < text.endIndex, text[index + 1] == UInt8(ascii: "|") {
                index += 1
            }
            bytes.append(text[index])
            index += 1
        }
        return bytes
    }

    /// A cell's text: unescaped and trimmed.
    private static func cellText(_ cell: ArraySlice<UInt8>) -> String {
        let bytes = unescapingPipes(cell)
        let start = bytes.firstIndex { !isWhitespace($0) } ?? bytes.count
        let end = (bytes.lastIndex { !isWhitespace($0) } ?? -1) + 1
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// cmark-gfm's `spacechar`: space, tab, vertical tab, form feed.
    static func isSpaceCharacter(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        isSpaceCharacter(byte) || byte == 0x0A || byte == 0x0D
    }
}
