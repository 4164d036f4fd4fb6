import CCMark
import Foundation

/// Cuts `$…$` and `$$…$$` out of Markdown before libcmark parses it, and puts the rendered math
/// back into cmark's HTML: cmark would otherwise read TeX as Markdown (`\\` becomes `\`, `\,`
/// becomes `,`, `a*b*c` gains emphasis).
///
/// The delimiters follow Pandoc: `$` opens inline math when a non-space follows it, and closes it
/// when a non-space precedes it and no digit follows, so `$5 and $6` stays text; `$$` opens
/// display math, which may span lines but not a blank one. Code blocks, code spans and `\$` are
/// left alone.
///
/// ```swift
/// let (markdown, spans) = MathProtector.protect(chapter.markdown)
/// let html = MarkdownDocument(markdown).html()
/// let page = MathProtector.restore(html, spans: spans) { span in
///     (try? MathConverter.mathML(span.tex, display: span.display)) ?? escapeHTML(span.tex)
/// }
/// ```
enum MathProtector {
    /// One formula cut out of the Markdown, located at its opening `$` (1-based line and UTF-8
    /// column, as the compiler and the other diagnostics count).
    struct Span: Equatable {
        var tex: String
        var display: Bool
        var line: Int
        var column: Int

        /// Where a UTF-8 offset in `tex` (a `MathError`'s) is in the Markdown.
        func location(ofTeXOffset offset: Int) -> (line: Int, column: Int) {
            let before = tex.utf8.prefix(max(0, offset))
            let newlines = before.filter { $0 == UInt8(ascii: "\n") }.count
            guard newlines > 0, let lastNewline = before.lastIndex(of: UInt8(ascii: "\n")) else {
                return (line, column + (display ? 2 : 1) + before.count)
            }
            return (line + newlines, before.distance(from: lastNewline, to: before.endIndex))
        }
    }

    /// The placeholder of span `index`: letters and digits, which cmark copies unchanged, with a
    /// closing letter so that `…1Z` is not the start of `…12Z`.
    static func placeholder(_ index: Int) -> String { "\(placeholderPrefix)\(index)Z" }

    /// A word no prose uses; `restore` looks for it.
    static let placeholderPrefix = "MLBOOKMATH"

    /// The Markdown with each formula replaced by its placeholder (followed by as many newlines as
    /// the formula spanned, so every later line keeps its number), and the formulas in order.
    static func protect(_ markdown: String) -> (markdown: String, spans: [Span]) {
        var scanner = MathScanner(markdown, codeLines: codeBlockLines(markdown))
        scanner.run()
        return (String(decoding: scanner.output, as: UTF8.self), scanner.spans)
    }

    /// The lines of fenced and indented code blocks, found by cmark itself so that fences inside
    /// lists and block quotes count too (math cannot change which lines are code: TeX has no
    /// blank lines and no fences).
    static func codeBlockLines(_ markdown: String) -> Set<Int> {
        let document = MarkdownDocument(markdown)
        var lines = Set<Int>()
        for node in document.nodes() where MarkdownNode.type(node) == CMARK_NODE_CODE_BLOCK {
            let start = MarkdownNode.startLine(node)
            lines.formUnion(start...max(start, MarkdownNode.endLine(node)))
        }
        return lines
    }

    /// cmark's HTML with each placeholder replaced by `render(span)`. A display formula alone in
    /// a paragraph replaces the paragraph (a `<math display="block">` is not paragraph text); a
    /// placeholder inside a tag (an image's `alt`) becomes the escaped TeX, since markup cannot
    /// go there. An inline formula next to CJK punctuation goes into one unbreakable span with
    /// it, so that a line never starts with "，" or ends with "（".
    static func restore(_ html: String, spans: [Span], render: (Span) -> String) -> String {
        var output = ""
        var rest = html[...]
        var insideTag = false
        while let match = rest.range(of: placeholderPrefix) {
            let before = rest[..<match.lowerBound]
            insideTag = tagState(after: before, startingInside: insideTag)
            output += before
            let digits = rest[match.upperBound...].prefix { $0.isASCII && $0.isNumber }
            let end = digits.endIndex
            guard let index = Int(digits), index < spans.count, end < rest.endIndex, rest[end] == "Z" else {
                output += rest[match]
                rest = rest[match.upperBound...]
                continue
            }
            let span = spans[index]
            rest = rest[rest.index(after: end)...]
            if insideTag {
                output += escapeHTML(span.tex.trimmingCharacters(in: .whitespacesAndNewlines))
            } else if span.display, output.hasSuffix("<p>"), rest.hasPrefix("</p>") {
                output.removeLast("<p>".count)
                output += render(span)
                rest = rest.dropFirst("</p>".count)
            } else if span.display {
                output += render(span)
            } else {
                // CJK punctuation may not start or end a line: keep it with the formula.
                let opening = output.last.map { cjkOpening.contains($0) } == true ? String(output.removeLast()) : ""
                let closing = rest.prefix { cjkClosing.contains($0) }
                rest = rest[closing.endIndex...]
                output +=
                    opening.isEmpty && closing.isEmpty
                    ? render(span) : "<span class=\"nowrap\">\(opening)\(render(span))\(closing)</span>"
            }
        }
        return output + rest
    }

    /// Punctuation that must not end a line (Chinese line-breaking rules, 避头尾).
    static let cjkOpening: Set<Character> = ["（", "“", "‘", "《", "「", "『", "【", "〔"]
    /// Punctuation that must not start one.
    static let cjkClosing: Set<Character> = [
        "，", "。", "、", "；", "：", "！", "？", "）", "”", "’", "》", "」", "』", "】", "〕", "…",
    ]

    /// Whether the text after `segment` is inside a tag, from the last `<` or `>` in it.
    private static func tagState(after segment: Substring, startingInside: Bool) -> Bool {
        guard let last = segment.last(where: { $0 == "<" || $0 == ">" }) else { return startingInside }
        return last == "<"
    }
}
