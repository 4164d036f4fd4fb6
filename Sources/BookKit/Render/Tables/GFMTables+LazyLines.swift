import CCMark

extension GFMTables {
    /// Lines `numbers` of the paragraph `node`, which lack some of its containers' prefixes:
    /// cmark-gfm does not continue a table lazily, so the containers the first of them lacks
    /// close there, the lines follow the outermost closed container (a list item's whole list),
    /// and the blocks that came after the paragraph in that container go on in a new one.
    static func insertAfterClosedContainers(
        _ node: OpaquePointer, lines numbers: ClosedRange<Int>, in lines: ContainerLines, references: String
    ) {
        let containers = ContainerLines.containers(of: node)
        let depth = lines.matchedDepth(ofLine: numbers.lowerBound, inside: containers)
        guard containers.indices.contains(depth) else { return }
        let container = containers[depth]
        let isItem = MarkdownNode.type(container) == CMARK_NODE_ITEM
        guard let closed = isItem ? cmark_node_parent(container) : container,
            let block = cmark_node_new(CMARK_NODE_HTML_BLOCK)
        else { return }
        let text = numbers.map { number in
            let bytes = lines.text(ofLine: number, inside: containers[..<depth])
            return String(decoding: bytes ?? ContainerLines.withoutIndentation(lines.lines[number - 1]), as: UTF8.self)
        }.joined(separator: "\n")
        cmark_node_set_literal(block, fragmentHTML(text, references, closed).trimmingCharacters(in: .newlines))
        cmark_node_insert_after(closed, block)
        let rest = isItem ? container : child(of: container, holding: node)
        if let reopened = reopened(closed, withBlocksAfter: rest, in: lines) {
            cmark_node_insert_after(block, reopened)
        }
    }

    /// The child of `container` that is `node` or holds it.
    private static func child(of container: OpaquePointer, holding node: OpaquePointer) -> OpaquePointer {
        var current = node
        while let parent = cmark_node_parent(current), parent != container { current = parent }
        return current
    }

    /// A new container like `closed` (a list or a block quote) holding the blocks after
    /// `child` in it, moved there; nil when there are none.
    private static func reopened(
        _ closed: OpaquePointer, withBlocksAfter child: OpaquePointer, in lines: ContainerLines
    )
        -> OpaquePointer?
    {
        guard let first = cmark_node_next(child), let container = cmark_node_new(MarkdownNode.type(closed)) else {
            return nil
        }
        if MarkdownNode.type(closed) == CMARK_NODE_LIST {
            cmark_node_set_list_type(container, cmark_node_get_list_type(closed))
            cmark_node_set_list_delim(container, cmark_node_get_list_delim(closed))
            cmark_node_set_list_tight(container, cmark_node_get_list_tight(closed))
            cmark_node_set_list_start(container, Int32(number(of: first, in: lines) ?? 1))
        }
        var next: OpaquePointer? = first
        while let block = next {
            next = cmark_node_next(block)
            cmark_node_append_child(container, block)
        }
        return container
    }

    /// The number an ordered list item's marker gives it in the source.
    private static func number(of item: OpaquePointer, in lines: ContainerLines) -> Int? {
        let line = lines.lines[MarkdownNode.startLine(item) - 1]
        let start = min(line.count, max(0, Int(cmark_node_get_start_column(item)) - 1))
        return Int(String(decoding: line[start...].prefix { (0x30...0x39).contains($0) }, as: UTF8.self))
    }
}
