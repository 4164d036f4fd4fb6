import CCMark

/// A table's HTML, in mlbook's form: the class the stylesheet styles (`table.prose`, which
/// scrolls sideways when wider than the page) and alignment as a `text-align` style where
/// cmark-gfm writes the obsolete `align` attribute.
enum TableHTML {
    static func table(_ layout: TableLayout, references: String) -> String {
        let cells = inlineHTML(of: layout.header + layout.rows.flatMap { $0 }, references: references)
        func row(_ tag: String, _ offset: Int) -> String {
            let columns = layout.alignments.indices.map { column in
                let style = layout.alignments[column].map { " style=\"text-align: \($0.rawValue)\"" } ?? ""
                return "<\(tag)\(style)>\(cells[offset + column])</\(tag)>"
            }
            return "<tr>" + columns.joined() + "</tr>"
        }
        let width = layout.alignments.count
        var html = "<table class=\"prose\"><thead>\(row("th", 0))</thead>"
        if !layout.rows.isEmpty {
            html += "<tbody>" + (1...layout.rows.count).map { row("td", $0 * width) }.joined() + "</tbody>"
        }
        return html + "</table>"
    }

    /// Each cell's Markdown as inline HTML, all parsed in one document after `references`.
    /// A cell is one line, so no block can start inside it; the word before it keeps its first
    /// character from opening one (`# x`, `- x`, `> x`, `1. x` stay text, as in cmark-gfm).
    static func inlineHTML(of cells: [String], references: String) -> [String] {
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        guard !filled.isEmpty else { return cells }
        let markdown = ([references] + filled.map { cellPrefix + cells[$0] }).joined(separator: "\n\n")
        let document = MarkdownDocument(markdown)
        var html = cells.map { _ in "" }
        var paragraph = cmark_node_first_child(document.root)
        for index in filled {
            guard let node = paragraph else { break }
            html[index] = inlineHTML(of: node)
            paragraph = cmark_node_next(node)
        }
        return html
    }

    /// The paragraph cmark-gfm splits off above a table, parsed as inline Markdown (so lines
    /// that look like link definitions stay text, as there); without `<p>` in a tight list.
    static func paragraphHTML(_ text: String, references: String, tight: Bool) -> String {
        // A lazy `===` or `---` line was paragraph text; alone it would underline a heading.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.allSatisfy { "=- \t".contains($0) } && line.contains(where: { $0 == "=" || $0 == "-" })
                ? "\\" + line.drop { $0 == " " || $0 == "\t" } : String(line)
        }
        let document = MarkdownDocument(references + "\n\n" + cellPrefix + lines.joined(separator: "\n"))
        document.joinCJKLines()
        guard let paragraph = cmark_node_first_child(document.root) else { return "" }
        let inline = inlineHTML(of: paragraph)
        return tight ? inline + "\n" : "<p>\(inline)</p>\n"
    }

    /// The HTML of a cell's paragraph without the `<p>` and the prefix word.
    private static func inlineHTML(of paragraph: OpaquePointer) -> String {
        let rendered = MarkdownDocument.html(of: paragraph)
            .trimmingCharacters(in: .newlines)
        let opening = "<p>" + cellPrefix
        guard rendered.hasPrefix(opening), rendered.hasSuffix("</p>") else { return rendered }
        return String(rendered.dropFirst(opening.count).dropLast("</p>".count))
    }

    private static let cellPrefix = "MLBOOKCELL "
}
