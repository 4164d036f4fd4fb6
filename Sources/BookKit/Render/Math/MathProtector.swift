import CCMark
import Foundation
import SVGCharts

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
///     (try? MathConverter.mathML(span.tex, display: span.display)) ?? escapeMarkup(span.tex)
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
    /// Inside a block quote or list item, a formula spanning lines keeps each line's container
    /// prefix (`> `) in the Markdown, followed by this word, which `restore` removes with the
    /// line break before it.
    static let lineFiller = placeholderPrefix + "LINEZ"

    static func protect(_ markdown: String) -> (markdown: String, spans: [Span]) {
        let document = MarkdownDocument(markdown)
        let codeLines = codeBlockLines(document)
        var scanner = MathScanner(
            markdown, codeLines: codeLines, containers: ContainerParagraphs(document, markdown, codeLines: codeLines))
        scanner.run()
        return (String(decoding: scanner.output, as: UTF8.self), scanner.spans)
    }

    /// The lines of fenced and indented code blocks, found by cmark itself so that fences inside
    /// lists and block quotes count too (math cannot change which lines are code: TeX has no
    /// blank lines and no fences).
    static func codeBlockLines(_ markdown: String) -> Set<Int> {
        codeBlockLines(MarkdownDocument(markdown))
    }

    private static func codeBlockLines(_ document: MarkdownDocument) -> Set<Int> {
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
    ///
    /// It works on UTF-8 bytes in one pass (each byte looked at a bounded number of times), so a
    /// long chapter with thousands of formulas restores in linear time.
    static func restore(_ html: String, spans: [Span], render: (Span) -> String) -> String {
        withoutActuallyEscaping(render) { render in
            var restorer = PlaceholderRestorer(html: Array(html.utf8), spans: spans, render: render)
            return restorer.run()
        }
    }

    /// Punctuation that must not end a line (Chinese line-breaking rules, 避头尾).
    static let cjkOpening: Set<Character> = ["（", "“", "‘", "《", "「", "『", "【", "〔"]
    /// Punctuation that must not start one.
    static let cjkClosing: Set<Character> = [
        "，", "。", "、", "；", "：", "！", "？", "）", "”", "’", "》", "」", "』", "】", "〕", "…",
    ]
}

/// `MathProtector.restore`'s single pass over cmark's HTML, as UTF-8 bytes.
private struct PlaceholderRestorer {
    let html: [UInt8]
    let spans: [MathProtector.Span]
    let render: (MathProtector.Span) -> String
    private var output: [UInt8] = []
    private var position = 0
    private var insideTag = false
    private static let prefix = Array(MathProtector.placeholderPrefix.utf8)
    private static let filler = Array(MathProtector.lineFiller.utf8)
    private static let lineBreakAndFiller = Array(("\n" + MathProtector.lineFiller).utf8)
    private static let opening = Set(MathProtector.cjkOpening.flatMap(\.unicodeScalars))
    private static let closing = Set(MathProtector.cjkClosing.flatMap(\.unicodeScalars))

    init(html: [UInt8], spans: [MathProtector.Span], render: @escaping (MathProtector.Span) -> String) {
        self.html = html
        self.spans = spans
        self.render = render
    }

    mutating func run() -> String {
        output.reserveCapacity(html.count)
        while let match = nextPlaceholder() {
            copyText(upTo: match)
            var end = match + Self.prefix.count
            var index = 0
            // At most 18 digits, so the number cannot overflow; a longer one is not a placeholder.
            while end < html.count, end - match - Self.prefix.count < 18, (0x30...0x39).contains(html[end]) {
                index = index * 10 + Int(html[end] - 0x30)
                end += 1
            }
            guard end > match + Self.prefix.count, index < spans.count, end < html.count, html[end] == 0x5A else {
                if html[match...].starts(with: Self.filler) {
                    // A stray filler (the formula's own are skipped below): drop it and its line break.
                    if output.last == 0x0A { output.removeLast() }
                    position = match + Self.filler.count
                } else {
                    output += Self.prefix
                    position = match + Self.prefix.count
                }
                continue
            }
            position = end + 1
            while html[position...].starts(with: Self.lineBreakAndFiller) { position += Self.lineBreakAndFiller.count }
            place(spans[index])
        }
        copyText(upTo: html.count)
        return String(decoding: output, as: UTF8.self)
    }

    /// Where the next placeholder prefix starts, from `position`.
    private func nextPlaceholder() -> Int? {
        let first = Self.prefix[0]
        var candidate = position
        while candidate + Self.prefix.count <= html.count {
            if html[candidate] == first, html[candidate..<(candidate + Self.prefix.count)].elementsEqual(Self.prefix) {
                return candidate
            }
            candidate += 1
        }
        return nil
    }

    /// Copies the HTML up to `end`, noting whether it ends inside a tag (from its last `<` or `>`).
    private mutating func copyText(upTo end: Int) {
        if let last = html[position..<end].lastIndex(where: { $0 == 0x3C || $0 == 0x3E }) {
            insideTag = html[last] == 0x3C
        }
        output += html[position..<end]
        position = end
    }

    private mutating func place(_ span: MathProtector.Span) {
        if insideTag {
            output += escapeMarkup(span.tex.trimmingCharacters(in: .whitespacesAndNewlines)).utf8
        } else if span.display, output.ends(with: "<p>"), html[position...].starts(with: "</p>".utf8) {
            output.removeLast(3)
            output += render(span).utf8
            position += 4
        } else if span.display {
            output += render(span).utf8
        } else {
            // CJK punctuation may not start or end a line: keep it with the formula.
            var opening: [UInt8] = []
            if let (scalar, start) = lastScalar(), Self.opening.contains(scalar) {
                opening = Array(output[start...])
                output.removeSubrange(start...)
            }
            let closingStart = position
            while let (scalar, length) = scalar(at: position), Self.closing.contains(scalar) { position += length }
            let closing = html[closingStart..<position]
            if opening.isEmpty && closing.isEmpty {
                output += render(span).utf8
            } else {
                output += "<span class=\"nowrap\">".utf8
                output += opening
                output += render(span).utf8
                output += closing
                output += "</span>".utf8
            }
        }
    }

    /// The last scalar of the output and where it starts.
    private func lastScalar() -> (Unicode.Scalar, Int)? {
        var start = output.count - 1
        while start > 0, output[start] & 0xC0 == 0x80, output.count - start < 4 { start -= 1 }
        guard start >= 0 else { return nil }
        return String(decoding: output[start...], as: UTF8.self).unicodeScalars.first.map { ($0, start) }
    }

    /// The scalar at byte `index` of the HTML and its length in bytes.
    private func scalar(at index: Int) -> (Unicode.Scalar, Int)? {
        guard index < html.count else { return nil }
        let lead = html[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= html.count else { return nil }
        return String(decoding: html[index..<(index + length)], as: UTF8.self).unicodeScalars.first.map { ($0, length) }
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: String) -> Bool {
        let bytes = Array(suffix.utf8)
        return count >= bytes.count && self[(count - bytes.count)...].elementsEqual(bytes)
    }
}
