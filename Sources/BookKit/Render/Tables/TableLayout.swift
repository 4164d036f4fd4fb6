/// Where a GitHub table sits among a paragraph's lines, found as cmark-gfm finds it: the
/// first line that is a delimiter row under a line with as many cells; the lines before it
/// stay a paragraph, and rows follow until a line opens another block, lacks a container's
/// prefix, or has no cell.
struct TableLayout: Equatable {
    /// The paragraph lines before the header row.
    var before: Range<Int>
    var header: [String]
    var alignments: [TableRowSyntax.Alignment?]
    /// The body rows, each cut or padded to the header's width.
    var rows: [[String]]
    /// The lines after the table, which start other blocks.
    var after: Range<Int>

    /// The first table among `lines`, if any.
    init?(_ lines: [ContainerLines.Line]) {
        guard let delimiter = lines.indices.dropFirst().first(where: { Self.isDelimiterRow(lines, at: $0) }),
            let alignments = TableRowSyntax.alignments(ofDelimiterRow: Self.trimmed(lines[delimiter].text)),
            let header = TableRowSyntax.cells(Self.headerText(lines[delimiter - 1]))
        else { return nil }
        var rows: [[String]] = []
        var end = delimiter + 1
        while end < lines.count, !lines[end].isLazy, !TableEnd.startsBlock(lines[end].text),
            let cells = TableRowSyntax.cells(Self.trimmed(lines[end].text))
        {
            rows.append((0..<header.count).map { cells.indices.contains($0) ? cells[$0] : "" })
            end += 1
        }
        self.before = 0..<(delimiter - 1)
        self.header = header
        self.alignments = alignments
        self.rows = rows
        self.after = end..<lines.count
    }

    /// A delimiter row at `index` with a header of the same width above it; not lazy and not
    /// indented as code, since cmark-gfm only reads it so as a paragraph's own line.
    private static func isDelimiterRow(_ lines: [ContainerLines.Line], at index: Int) -> Bool {
        let line = lines[index]
        // Dashes alone under a paragraph line are a setext underline, which cmark-gfm tries first.
        let dashesOnly = line.text.allSatisfy { $0 == UInt8(ascii: "-") || TableRowSyntax.isSpaceCharacter($0) }
        guard !line.isLazy, !dashesOnly, line.text.prefix(while: { $0 == UInt8(ascii: " ") }).count < 4,
            let alignments = TableRowSyntax.alignments(ofDelimiterRow: trimmed(line.text)),
            let header = TableRowSyntax.cells(headerText(lines[index - 1]))
        else { return false }
        return header.count == alignments.count
    }

    /// A header line as cmark-gfm reads it from the paragraph's text: without its indentation,
    /// unless it is a lazy line, whose indentation cmark-gfm keeps.
    private static func headerText(_ line: ContainerLines.Line) -> [UInt8] {
        line.isLazy ? line.text : trimmed(line.text)
    }

    /// The line without its leading spaces (cmark-gfm reads rows from the first non-space).
    static func trimmed(_ text: [UInt8]) -> [UInt8] {
        Array(text.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
    }
}
