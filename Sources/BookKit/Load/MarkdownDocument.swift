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

    /// The document as HTML; raw HTML nodes pass through (they are mlbook's own output).
    func html() -> String {
        guard let pointer = cmark_render_html(root, CMARK_OPT_UNSAFE) else { return "" }
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
