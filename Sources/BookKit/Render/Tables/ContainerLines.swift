import CCMark

/// The source lines of a paragraph as its block quotes and list items leave them: libcmark
/// keeps a paragraph's raw text to itself, so the `>` markers and item indentation that
/// cmark stripped are stripped again here, from the containers' positions in its tree.
struct ContainerLines {
    /// One line of a paragraph, after its containers' prefixes.
    struct Line {
        /// The text, with the spaces before it (its indentation inside the container).
        var text: [UInt8]
        /// A lazy continuation line: it lacks a container's prefix, so cmark-gfm would end a
        /// table there and close the containers.
        var isLazy: Bool
    }

    let lines: [[UInt8]]

    init(_ markdown: String) {
        lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    }

    /// The lines `first...last` (1-based) of `block`, a paragraph or setext heading.
    func lines(of block: OpaquePointer, from first: Int, through last: Int) -> [Line] {
        let containers = Self.containers(of: block)
        return (first...last).map { number in
            let bytes = lines[number - 1]
            if number == first {
                let start = min(bytes.count, max(0, Int(cmark_node_get_start_column(block)) - 1))
                return Line(text: Array(bytes[start...]), isLazy: false)
            }
            if let text = self.text(ofLine: number, inside: containers[...]) { return Line(text: text, isLazy: false) }
            // cmark-gfm keeps a lazy line's indentation in the paragraph's text (it matters
            // when the line is a table's header: the spaces before a first `|` are a cell).
            let depth = matchedDepth(ofLine: number, inside: containers)
            return Line(text: text(ofLine: number, inside: containers[..<depth]) ?? bytes, isLazy: true)
        }
    }

    /// Line `number` after the prefixes of `containers`, nil when one of them is missing.
    func text(ofLine number: Int, inside containers: ArraySlice<OpaquePointer>) -> [UInt8]? {
        let bytes = lines[number - 1]
        return contentStart(of: number, inside: containers).map { Array(bytes[min($0, bytes.count)...]) }
    }

    /// How many of `containers` (outermost first) line `number` has the prefix of.
    func matchedDepth(ofLine number: Int, inside containers: [OpaquePointer]) -> Int {
        (0...containers.count).last { contentStart(of: number, inside: containers[..<$0]) != nil } ?? 0
    }

    /// A lazy line's text: cmark strips its indentation.
    static func withoutIndentation(_ bytes: [UInt8]) -> [UInt8] {
        Array(bytes.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
    }

    /// The block quotes and list items around `block`, outermost first.
    static func containers(of block: OpaquePointer) -> [OpaquePointer] {
        var containers: [OpaquePointer] = []
        var current = cmark_node_parent(block)
        while let node = current {
            let type = MarkdownNode.type(node)
            if type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_ITEM { containers.append(node) }
            current = cmark_node_parent(node)
        }
        return containers.reversed()
    }

    /// Where line `number`'s content starts inside `containers`, or nil when a container's
    /// prefix is missing (a lazy line). Tabs count as one column (the book indents with spaces).
    private func contentStart(of number: Int, inside containers: ArraySlice<OpaquePointer>) -> Int? {
        let bytes = lines[number - 1]
        var position = 0
        for (depth, container) in zip(containers.indices, containers) {
            let opensHere = MarkdownNode.startLine(container) == number
            let marker = Int(cmark_node_get_start_column(container)) - 1
            if MarkdownNode.type(container) == CMARK_NODE_BLOCK_QUOTE {
                if opensHere {
                    position = marker + 1
                } else {
                    let spaces = leadingSpaces(bytes, from: position)
                    guard spaces <= 3, position + spaces < bytes.count, bytes[position + spaces] == UInt8(ascii: ">")
                    else { return nil }
                    position += spaces + 1
                }
                if position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t")
                {
                    position += 1
                }
            } else {
                let markerLine = MarkdownNode.startLine(container)
                let padding = Self.itemPadding(lines[markerLine - 1], marker: marker)
                if opensHere {
                    position = marker + padding
                } else {
                    guard let outer = contentStart(of: markerLine, inside: containers[..<depth]) else { return nil }
                    let indent = marker - outer + padding
                    guard leadingSpaces(bytes, from: position) >= indent else { return nil }
                    position += indent
                }
            }
        }
        return position
    }

    /// A list item's marker width plus the spaces after it, as cmark counts them: one space
    /// when the item starts blank or with indented code (five or more spaces).
    static func itemPadding(_ line: [UInt8], marker: Int) -> Int {
        var end = marker
        while end < line.count, (0x30...0x39).contains(line[end]) { end += 1 }
        end += 1  // the bullet, or the `.`/`)` after the digits
        let width = end - marker
        let spaces = leadingSpaces(line, from: min(end, line.count))
        let blank = end + spaces >= line.count
        return spaces >= 1 && spaces <= 4 && !blank ? width + spaces : width + 1
    }

    private static func leadingSpaces(_ bytes: [UInt8], from position: Int) -> Int {
        bytes[min(position, bytes.count)...].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
    }

    private func leadingSpaces(_ bytes: [UInt8], from position: Int) -> Int {
        Self.leadingSpaces(bytes, from: position)
    }
}
