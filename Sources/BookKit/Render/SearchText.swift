import CCMark
import Foundation

/// The words a reader can search for, taken from a chapter's Markdown tree and its results,
/// never from rendered HTML, so no markup can reach the index: prose and headings as libcmark
/// parsed them (character references already decoded), the author's raw HTML left out,
/// formulas as the characters of their parsed tree (`θt+1`), inline values as their text, and
/// every cell's code (without its `//|` options), caption and printed output. Charts and
/// tables of numbers are not searched.
enum SearchText {
    /// One part of a chapter: the text before its first `##`–`####` heading
    /// (`headingIndex` nil), or the text under one heading, the page's k-th of those levels.
    struct Section: Equatable {
        var headingIndex: Int?
        var title: String
        var text: String
    }

    /// The chapter's sections in page order; the first is titled with the chapter's title.
    static func sections(_ chapter: Chapter, result: ChapterResult) -> [Section] {
        let withValues = InlineValuePlaceholders.insert(chapter.inlineExpressions, into: chapter.markdown)
        // Formulas are cut out before libcmark sees them, as on the page, which would mangle TeX.
        let (markdown, formulas) = MathProtector.protect(withValues)
        let document = MarkdownDocument(markdown)
        var collector = SectionCollector(
            chapter: chapter, result: result, formulas: formulas,
            sections: [Section(headingIndex: nil, title: chapter.title, text: "")])
        collector.visitChildren(of: document.root)
        return collector.sections.map { section in
            var section = section
            section.text = collapsingWhitespace(section.text)
            return section
        }
    }

    /// Runs of whitespace as one space, except a lone line break between two CJK characters,
    /// which is dropped (a line break inside Chinese prose is not a word space, as
    /// `MarkdownDocument.joinCJKLines` has it on the page); blocks end in two line breaks.
    static func collapsingWhitespace(_ text: String) -> String {
        var joined = ""
        var space = ""
        for character in text {
            if character.isWhitespace {
                space.append(character)
                continue
            }
            if !space.isEmpty, let last = joined.last, !(space == "\n" && last.isWide && character.isWide) {
                joined.append(" ")
            }
            space = ""
            joined.append(character)
        }
        return joined
    }

    /// A formula as the characters a reader sees, run together (`θt+1`, not `θ t + 1`); its TeX
    /// when it does not parse (the page shows the TeX then too).
    static func formulaText(_ tex: String, display: Bool) -> String {
        var parser = TeXParser(tex, displayStyle: display)
        guard let nodes = try? parser.parseFormula() else { return tex }
        return nodes.map(characters).joined()
    }

    /// Accents as the combining marks a reader's text has (`\hat{m}` is m̂, not m^).
    private static let combiningAccents: [String: String] = [
        "^": "\u{302}", "~": "\u{303}", "ˉ": "\u{304}", "˙": "\u{307}", "¨": "\u{308}", "ˇ": "\u{30C}",
        "˘": "\u{306}", "´": "\u{301}", "`": "\u{300}", "˚": "\u{30A}", "→": "\u{20D7}",
    ]

    /// The characters of a formula's tree, in reading order.
    private static func characters(_ node: MathNode) -> String {
        switch node {
        case .identifier(let text, _), .number(let text), .text(let text, _), .function(let text, _, _),
            .largeOperator(let text, _):
            text
        case .symbol(let symbol): symbol.text
        case .space: ""
        case .row(let nodes): nodes.map(characters).joined()
        case .fraction(let numerator, let denominator, _, _): characters(numerator) + "/" + characters(denominator)
        case .root(let radicand, let index): (index.map(characters) ?? "") + "√" + characters(radicand)
        case .scripts(let base, let sub, let sup, _):
            characters(base) + (sub.map(characters) ?? "") + (sup.map(characters) ?? "")
        case .accent(let base, let mark, _, _): characters(base) + (combiningAccents[mark.text] ?? mark.text)
        case .fenced(let open, let body, let close): (open ?? "") + body.map(characters).joined() + (close ?? "")
        case .table(let table): table.rows.map { $0.map(characters).joined(separator: " ") }.joined(separator: " ")
        case .styled(let inner, _), .operatorGroup(let inner, _), .rule(let inner, _), .brace(let inner, _, _),
            .framed(let inner, _), .padded(let inner, _):
            characters(inner)
        case .phantom: ""
        }
    }
}

/// One walk over a chapter's Markdown tree, appending each node's words to the current section.
private struct SectionCollector {
    let chapter: Chapter
    let result: ChapterResult
    let formulas: [MathProtector.Span]
    var sections: [SearchText.Section]
    private var headingCount = 0
    private var cellCount = 0

    init(chapter: Chapter, result: ChapterResult, formulas: [MathProtector.Span], sections: [SearchText.Section]) {
        (self.chapter, self.result, self.formulas, self.sections) = (chapter, result, formulas, sections)
    }

    mutating func visitChildren(of node: OpaquePointer) {
        var child = cmark_node_first_child(node)
        while let current = child {
            visit(current)
            child = cmark_node_next(current)
        }
    }

    private mutating func visit(_ node: OpaquePointer) {
        switch MarkdownNode.type(node) {
        case CMARK_NODE_HEADING where (2...4).contains(cmark_node_get_heading_level(node)):
            var heading = SectionCollector(
                chapter: chapter, result: result, formulas: formulas,
                sections: [SearchText.Section(headingIndex: nil, title: "", text: "")])
            heading.visitChildren(of: node)
            let title = SearchText.collapsingWhitespace(heading.sections[0].text)
            sections.append(SearchText.Section(headingIndex: headingCount, title: title, text: ""))
            headingCount += 1
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
            break  // the author's own markup: not text
        case CMARK_NODE_CODE_BLOCK where MarkdownNode.isSwiftCell(node):
            append(cellText(cellCount))
            cellCount += 1
        case CMARK_NODE_CODE_BLOCK:
            append(MarkdownNode.literal(node))
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            append(expandingPlaceholders(MarkdownNode.literal(node)))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            append("\n")
        case CMARK_NODE_PARAGRAPH:
            let start = sections[sections.count - 1].text.endIndex
            visitChildren(of: node)
            let paragraph = sections[sections.count - 1].text[start...]
            if paragraph.hasPrefix("|") {  // a pipe table, which libcmark reads as a paragraph
                sections[sections.count - 1].text.replaceSubrange(start..., with: Self.tableText(paragraph))
            }
            append("\n\n")
        default:
            visitChildren(of: node)
            append("\n\n")
        }
    }

    private mutating func append(_ text: String) {
        sections[sections.count - 1].text += text
    }

    /// A cell's code as the page shows it, its caption, and its printed output.
    private func cellText(_ index: Int) -> String {
        guard chapter.cells.indices.contains(index) else { return "" }
        let cell = chapter.cells[index]
        let output = result.cells[safe: index].map { $0.output } ?? ""
        return "\n\n"
            + [ChapterRenderer.displayedCode(cell), cell.options.caption ?? "", output].joined(
                separator: "\n\n") + "\n\n"
    }

    /// Text with inline-value and formula placeholders replaced by the value's and formula's text.
    private func expandingPlaceholders(_ text: String) -> String {
        guard text.contains("MLBOOK") else { return text }
        let values = InlineValuePlaceholders.replace(in: text) { index in
            result.inlineValues[safe: index].flatMap { $0?.text } ?? ""
        }
        return Self.formulaPlaceholder.replacingMatches(in: values) { _, digits in
            Int(digits).flatMap { formulas[safe: $0] }.map {
                " " + SearchText.formulaText($0.tex, display: $0.display) + " "
            }
        }
    }

    /// A pipe table's cells as words: the `|---|` row dropped, the bars as spaces.
    private static func tableText(_ paragraph: Substring) -> String {
        paragraph.split(separator: "\n").filter { line in
            !line.allSatisfy { "|-: \t".contains($0) }
        }.map { $0.replacingOccurrences(of: "|", with: " ") }.joined(separator: "\n")
    }

    // A constant pattern: compiling it cannot fail.
    private static let formulaPlaceholder = try! NSRegularExpression(
        pattern: "\(MathProtector.placeholderPrefix)([0-9]+)Z")
}
