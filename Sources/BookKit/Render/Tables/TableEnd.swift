import Foundation

/// Which lines end a GitHub table because they open another block: cmark-gfm tries every
/// CommonMark block start before it reads a line as one more row. Inside a paragraph some of
/// these would have been continuation text (an ordered item not starting at 1, `<span>`, a
/// 4-space indent), so plain libcmark's paragraph can hold lines that end the table.
enum TableEnd {
    /// Whether `line` (without its container prefix) starts a block after a table row.
    static func startsBlock(_ line: [UInt8]) -> Bool {
        let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
        if indent >= 4 { return true }  // an indented code block
        let text = String(decoding: line[indent...], as: UTF8.self)
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: ">"): return true
        case UInt8(ascii: "#"): return matches(atxHeading, text)
        case UInt8(ascii: "`"), UInt8(ascii: "~"): return matches(codeFence, text)
        case UInt8(ascii: "<"): return htmlBlockStarts.contains { matches($0, text) }
        default: return matches(thematicBreak, text) || matches(listItem, text)
        }
    }

    private static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func pattern(_ pattern: String, caseInsensitive: Bool = false) -> NSRegularExpression {
        // The patterns are constants of this file, so a failure is a programming error.
        try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    private static let atxHeading = pattern(#"^#{1,6}([ \t]|$)"#)
    private static let codeFence = pattern(#"^(`{3,}[^`]*|~{3,}.*)$"#)
    private static let thematicBreak = pattern(#"^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$"#)
    private static let listItem = pattern(#"^(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)"#)

    /// CommonMark's seven HTML block starts; the seventh (any complete tag alone on its line)
    /// counts here because the table, not a paragraph, is the open block.
    private static let htmlBlockStarts: [NSRegularExpression] = [
        pattern(#"^<(?:script|pre|style|textarea)(?:[ \t>]|$)"#, caseInsensitive: true),
        pattern(#"^<!--"#),
        pattern(#"^<\?"#),
        pattern(#"^<![A-Za-z]"#),
        pattern(#"^<!\[CDATA\["#),
        pattern(
            #"^</?(?:"# + htmlBlockTags.joined(separator: "|") + #")(?:[ \t]|/?>|$)"#, caseInsensitive: true),
        pattern(
            #"^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*/?>|</[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$"#
        ),
    ]

    private static let htmlBlockTags = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html",
        "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup",
        "option", "p", "param", "section", "source", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
        "title", "tr", "track", "ul",
    ]
}
