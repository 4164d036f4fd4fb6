import CCMark
import Foundation

/// GitHub tables, which Debian's libcmark (plain CommonMark) lacks, rendered as cmark-gfm's
/// table extension renders them. The pass works on cmark's tree, so a table is found wherever
/// a paragraph may stand — in list items and block quotes — and never inside code: each
/// paragraph whose lines hold a table becomes raw HTML (the paragraph text before the table,
/// the table, and the blocks after it), its cells parsed as inline Markdown only.
///
/// ```
/// | 原文 | NeuralKit |
/// |---|:---:|
/// | `Dense(1)` | `Dense(1, inputSize: 1)` |
/// ```
enum GFMTables {
    /// Replaces every paragraph (or setext heading, whose underline may be a table's last row)
    /// of `document` that holds a table. `source` is the Markdown `document` was parsed from;
    /// `references` the link definitions cells resolve against (nil: `document`'s own).
    static func render(in document: MarkdownDocument, source: String, references: String?) {
        let lines = ContainerLines(source)
        var definitions = references
        var absorbed: [OpaquePointer] = []
        defer { absorbed.forEach { cmark_node_free($0) } }
        for node in document.nodes() where !absorbed.contains(node) {
            guard let (first, firstLast) = textLines(of: node, in: lines) else { continue }
            var paragraphLines = lines.lines(of: node, from: first, through: firstLast)
            guard var layout = TableLayout(paragraphLines) else { continue }
            // Read before the tree changes, as cmark-gfm reads them: from the source.
            if definitions == nil { definitions = ReferenceDefinitions.text(of: document, lines: lines) }
            let last = continueThroughUnderline(
                node, lines: &paragraphLines, layout: &layout, last: firstLast, in: lines, absorbed: &absorbed)
            let references = definitions ?? ""
            var html = ""
            if !layout.before.isEmpty {
                // cmark-gfm unescapes `\|` in the paragraph it splits off the table, too.
                let before = TableRowSyntax.unescapingPipes(text(of: paragraphLines[layout.before]))
                html += TableHTML.paragraphHTML(before, references: references, tight: isInTightList(node))
            }
            html += TableHTML.table(layout, references: references)
            if let lazy = layout.after.first, paragraphLines[lazy].isLazy {
                // cmark-gfm does not continue a table lazily: the containers the line lacks
                // close, and the rest of the paragraph's lines follow them.
                insertAfterClosedContainers(
                    node, lines: (first + lazy)...last, in: lines, references: references)
            } else if !layout.after.isEmpty {
                html += "\n" + fragmentHTML(text(of: paragraphLines[layout.after]), references, node)
            }
            document.replace(node, withHTML: html.trimmingCharacters(in: .newlines), inline: false)
        }
    }

    /// A table whose rows ran through a setext underline (`===`, a row to cmark-gfm) goes on
    /// into the paragraph cmark started on the next line: its lines join `paragraphLines`, and
    /// the node leaves the tree (into `absorbed`, freed when the pass ends). The last line.
    private static func continueThroughUnderline(
        _ node: OpaquePointer, lines paragraphLines: inout [ContainerLines.Line], layout: inout TableLayout,
        last: Int, in lines: ContainerLines, absorbed: inout [OpaquePointer]
    ) -> Int {
        var (current, last) = (node, last)
        while layout.after.isEmpty, MarkdownNode.type(current) == CMARK_NODE_HEADING,
            let next = cmark_node_next(current),
            let (nextFirst, nextLast) = textLines(of: next, in: lines, allowingOneLine: true), nextFirst == last + 1
        {
            let extended = paragraphLines + lines.lines(of: next, from: nextFirst, through: nextLast)
            guard let extendedLayout = TableLayout(extended) else { break }
            (paragraphLines, layout) = (extended, extendedLayout)
            cmark_node_unlink(next)
            absorbed.append(next)
            (current, last) = (next, nextLast)
        }
        return last
    }

    /// Blocks that follow a table, standing where `node` stands.
    static func fragmentHTML(_ markdown: String, _ references: String, _ node: OpaquePointer) -> String {
        MarkdownDocument(fragment: markdown, references: references)
            .fragmentHTML(tight: isInTightList(node))
    }

    private static func text(of lines: ArraySlice<ContainerLines.Line>) -> String {
        lines.map { String(decoding: $0.text, as: UTF8.self) }.joined(separator: "\n")
    }

    /// The lines of a paragraph, or of a setext heading with its underline; nil for other nodes
    /// and for paragraphs of one line (a table needs two) unless `allowingOneLine`.
    private static func textLines(of node: OpaquePointer, in lines: ContainerLines, allowingOneLine: Bool = false)
        -> (Int, Int)?
    {
        let type = MarkdownNode.type(node)
        let first = MarkdownNode.startLine(node)
        let last = min(MarkdownNode.endLine(node), lines.lines.count)
        guard type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING, first >= 1,
            last > first || (allowingOneLine && last == first && type == CMARK_NODE_PARAGRAPH)
        else { return nil }
        guard type == CMARK_NODE_HEADING else { return (first, last) }
        // cmark may count the line after a setext underline as the heading's; stop at the underline.
        let headingLines = lines.lines(of: node, from: first, through: last)
        guard
            let underline = headingLines.indices.dropFirst().first(where: { isSetextUnderline(headingLines[$0].text) })
        else { return nil }
        return (first, first + underline)
    }

    private static func isSetextUnderline(_ text: [UInt8]) -> Bool {
        let trimmed = TableLayout.trimmed(text).prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        let rest = TableLayout.trimmed(text).dropFirst(trimmed.count)
        guard let mark = trimmed.first, mark == UInt8(ascii: "=") || mark == UInt8(ascii: "-") else { return false }
        return trimmed.allSatisfy { $0 == mark }
            && rest.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// Whether `node` is a paragraph of a tight list's item, which cmark renders without `<p>`.
    private static func isInTightList(_ node: OpaquePointer) -> Bool {
        guard let item = cmark_node_parent(node), MarkdownNode.type(item) == CMARK_NODE_ITEM,
            let list = cmark_node_parent(item)
        else { return false }
        return cmark_node_get_list_tight(list) != 0
    }
}
