import CCMark

// Here rather than in `MarkdownDocument.swift`: the loader's sources (`Load/`) are compiled
// on their own for fuzzing, without the renderer's.
extension MarkdownDocument {
    /// `markdown` parsed as CommonMark, its GitHub tables turned into HTML (`GFMTables`) as
    /// cmark-gfm would render them.
    convenience init(_ markdown: String, renderingTables: Bool) {
        self.init(markdown)
        if renderingTables { GFMTables.render(in: self, source: markdown, references: nil) }
    }

    /// A piece of a document (the blocks after a table) parsed on its own, after the
    /// document's link `references` so its links resolve as the document's do, tables rendered.
    convenience init(fragment markdown: String, references: String) {
        let text = references.isEmpty ? markdown : references + "\n\n" + markdown
        self.init(text)
        GFMTables.render(in: self, source: text, references: references)
    }

    /// A fragment's HTML, CJK lines joined as the page's are; `tight`: its paragraphs stand in
    /// a tight list's item, so they lose their `<p>` as cmark renders them there.
    func fragmentHTML(tight: Bool) -> String {
        joinCJKLines()
        guard tight else { return html() }
        var html = ""
        var child = cmark_node_first_child(root)
        while let block = child {
            if MarkdownNode.type(block) == CMARK_NODE_PARAGRAPH {
                var inline = cmark_node_first_child(block)
                while let node = inline {
                    html += Self.html(of: node)
                    inline = cmark_node_next(node)
                }
                html += "\n"
            } else {
                html += Self.html(of: block)
            }
            child = cmark_node_next(block)
        }
        return html
    }
}
