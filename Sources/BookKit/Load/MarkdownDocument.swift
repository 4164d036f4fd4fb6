import Foundation
import CCMark

/// A CommonMark tree parsed by libcmark, owned by this object and freed with it.
final class MarkdownDocument {
    let root: OpaquePointer

    init(_ markdown: String) {
        root = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT)
    }

    deinit {
        cmark_node_free(root)
    }

    /// Every node in document order (pre-order), collected before the caller edits the tree.
    func nodes() -> [OpaquePointer] {
        var collected: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                collected.append(node)
            }
        }
        return collected
    }

    /// Replaces `node` with raw HTML (a block or an inline, matching the node's kind).
    func replace(_ node: OpaquePointer, withHTML html: String, inline: Bool) {
        guard let replacement = cmark_node_new(inline ? CMARK_NODE_HTML_INLINE : CMARK_NODE_HTML_BLOCK) else { return }
        cmark_node_set_literal(replacement, html)
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }

    /// Removes line breaks inside paragraphs between two CJK characters and next to full-width
    /// punctuation: a newline in Chinese source text is not a word space, and browsers would
    /// show it as one. (Between CJK and Latin text the space stays, as Chinese typography
    /// spaces mixed scripts.) `resolve` gives a text node's literal as the page will show it
    /// (the renderer replaces inline-value placeholders with their values).
    func joinCJKLines(resolve: (String) -> String = { $0 }) {
        for node in nodes() where MarkdownNode.type(node) == CMARK_NODE_SOFTBREAK {
            guard let before = cmark_node_previous(node), let after = cmark_node_next(node),
                let last = resolve(MarkdownNode.literal(before)).last,
                let first = resolve(MarkdownNode.literal(after)).first,
                (last.isWide && first.isWide) || last.isWidePunctuation || first.isWidePunctuation
            else { continue }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// The document as HTML; raw HTML nodes pass through (they are mlbook's own output).
    func html() -> String { Self.html(of: root) }

    /// A node and its descendants as HTML.
    static func html(of node: OpaquePointer) -> String {
        guard let pointer = cmark_render_html(node, CMARK_OPT_UNSAFE) else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// Read-only views of a cmark node.
enum MarkdownNode {
    static func type(_ node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    static func fenceInfo(_ node: OpaquePointer) -> String {
        cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
    }

    static func startLine(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) }

    static func endLine(_ node: OpaquePointer) -> Int { Int(cmark_node_get_end_line(node)) }

    /// Whether a code block is a Swift cell: its info string starts with `swift` or `{swift}`.
    static func isSwiftCell(_ node: OpaquePointer) -> Bool {
        guard type(node) == CMARK_NODE_CODE_BLOCK else {
            return false
        }
        let language = fenceInfo(node).split(separator: " ").first ?? ""
        return language == "swift" || language == "{swift}"
    }

    /// The expression of an inline value `` `{swift} expr` ``, if `node` is one.
    static func inlineExpression(_ node: OpaquePointer) -> String? {
        guard type(node) == CMARK_NODE_CODE else { return nil }
        let text = literal(node)
        guard text.hasPrefix("{swift} ") else { return nil }
        return String(text.dropFirst("{swift} ".count)).trimmingCharacters(in: .whitespaces)
    }

    /// The nearest enclosing block whose start line cmark tracks reliably.
    static func enclosingBlock(_ node: OpaquePointer) -> OpaquePointer {
        var current = node
        while let parent = cmark_node_parent(current), startLine(current) == 0 || isInline(current) {
            current = parent
        }
        return current
    }

    private static func isInline(_ node: OpaquePointer) -> Bool {
        let kind = type(node).rawValue
        return kind >= CMARK_NODE_FIRST_INLINE.rawValue && kind <= CMARK_NODE_LAST_INLINE.rawValue
    }
}

extension Character {
    /// Whether this is CJK or full-width punctuation (`，。、：；！？（）《》`), which no space
    /// may touch. (Curly quotes and `…` are left out: English text uses them too.)
    var isWidePunctuation: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3000...0x303E, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF60:
            return true
        default:
            return false
        }
    }

    /// Whether this is a CJK ideograph, kana, hangul or full-width punctuation.
    var isWide: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD:
            return true
        default:
            return false
        }
    }
}
