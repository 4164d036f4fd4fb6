import CCMark

/// What `MathScanner` must know of the paragraphs inside block quotes and list items, from
/// cmark's tree: how far a formula starting in one may run, and how long each later line's
/// container prefix (`> `, an item's indentation) is. A formula leaves the prefixes out of its
/// TeX and keeps them in the Markdown, so the quote or item goes on after it.
struct ContainerParagraphs {
    /// One paragraph inside containers, and the lines after its first a formula may run on.
    private struct Region {
        /// The last line a formula starting in the paragraph may reach: before the first line
        /// that is blank inside the containers, lacks their prefix, or is code.
        var last: Int
        /// For the lines after the first, up to `last`, the length of the prefix in bytes.
        var prefixes: [Int: Int]
    }

    private var regionOfLine: [Int: Int] = [:]
    private var regions: [Region] = []

    init() {}

    init(_ document: MarkdownDocument, _ markdown: String, codeLines: Set<Int>) {
        let lines = ContainerLines(markdown)
        for node in document.nodes() where MarkdownNode.type(node) == CMARK_NODE_PARAGRAPH {
            let containers = ContainerLines.containers(of: node)
            let first = MarkdownNode.startLine(node)
            let last = min(MarkdownNode.endLine(node), lines.lines.count)
            guard !containers.isEmpty, first >= 1, last >= first else { continue }
            var region = Region(last: first, prefixes: [:])
            // The containers' own lines, not the paragraph's: a TeX line such as `> + b` opens
            // a list item to cmark, yet inside the formula it is the quote's line.
            while region.last < lines.lines.count, !codeLines.contains(region.last + 1),
                let text = lines.text(ofLine: region.last + 1, inside: containers[...]),
                text.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") })
            {
                region.last += 1
                region.prefixes[region.last] = lines.lines[region.last - 1].count - text.count
            }
            for number in first...last { regionOfLine[number] = regions.count }
            regions.append(region)
        }
    }

    /// The last line a formula starting on line `start` may reach, if that line is in a paragraph
    /// inside containers (elsewhere a blank line ends it).
    func lastLine(ofFormulaStartingOn start: Int) -> Int? {
        regionOfLine[start].map { regions[$0].last }
    }

    /// The container prefix's length on `line` for a formula starting on line `start`.
    func prefix(ofLine line: Int, formulaStartingOn start: Int) -> Int {
        regionOfLine[start].flatMap { regions[$0].prefixes[line] } ?? 0
    }
}
