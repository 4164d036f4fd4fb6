import CCMark

/// A document's link reference definitions, as Markdown text: a cell or a piece of a
/// paragraph parsed on its own is parsed after them, so `[text][label]` resolves there as it
/// does in the rest of the document. (libcmark does not expose its reference map.)
enum ReferenceDefinitions {
    /// The definitions of `document`, in document order (the first of a label wins): the
    /// lines no leaf block covers (cmark drops a paragraph of definitions only), and the
    /// leading lines of paragraphs that start with `[`.
    static func text(of document: MarkdownDocument, lines: ContainerLines) -> String {
        var covered = Set<Int>()
        var candidates: [(line: Int, texts: [String])] = []
        for node in document.nodes() {
            let type = MarkdownNode.type(node)
            let first = MarkdownNode.startLine(node)
            let last = min(MarkdownNode.endLine(node), lines.lines.count)
            guard first >= 1, first <= last else { continue }
            switch type {
            case CMARK_NODE_PARAGRAPH:
                covered.formUnion(first...last)
                let paragraphLines = lines.lines(of: node, from: first, through: last)
                let texts = paragraphLines.map { String(decoding: $0.text, as: UTF8.self) }
                // cmark-gfm reads a paragraph that holds a table as a table before it looks for
                // definitions, so it has none.
                if texts.first?.first == "[", TableLayout(paragraphLines) == nil { candidates.append((first, texts)) }
            case CMARK_NODE_HEADING:
                // A setext heading's end line may be the line after its underline.
                covered.insert(first)
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                covered.formUnion(first...last)
            default:
                continue
            }
        }
        var run: [String] = []
        for number in 1...(lines.lines.count + 1) {
            let text = number <= lines.lines.count ? withoutContainerMarks(lines.lines[number - 1]) : ""
            if !covered.contains(number), !text.isEmpty {
                run.append(text)
            } else if !run.isEmpty {
                if run[0].first == "[" { candidates.append((number - run.count, run)) }
                run = []
            }
        }
        return candidates.sorted { $0.line < $1.line }.compactMap { definitions(in: $0.texts) }
            .joined(separator: "\n\n")
    }

    /// The longest run of leading lines that cmark parses to nothing: definitions only.
    private static func definitions(in texts: [String]) -> String? {
        for count in stride(from: texts.count, through: 1, by: -1) {
            let candidate = texts[..<count].joined(separator: "\n")
            if cmark_node_first_child(MarkdownDocument(candidate).root) == nil { return candidate }
        }
        return nil
    }

    /// A line without the `>` markers and indentation of the containers it may stand in.
    private static func withoutContainerMarks(_ line: [UInt8]) -> String {
        let marks: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")]
        return String(decoding: line.drop { marks.contains($0) }, as: UTF8.self)
            .trimmingCharacters(in: .whitespaces)
    }
}
