import Foundation
import CCMark

/// Turns a chapter and its results into the HTML of its page body: the Markdown rendered by
/// libcmark, with each Swift cell replaced by its code and outputs, each inline value by its
/// computed text, and each formula by MathML. TeX that cannot be converted is shown as source
/// in a marked span and reported as a warning.
enum ChapterRenderer {
    /// A rendered chapter body: its HTML, the warnings met, and its section headings.
    struct Rendered {
        var html: String
        var warnings: [BookWarning]
        var headings: [Heading]
    }

    static func body(_ chapter: Chapter, result: ChapterResult) -> Rendered {
        let labels = PageStructure.numberLabels(chapter.cells, results: result.cells)
        // libcmark would mangle TeX (`\\`, `\,`, `*`), so formulas are cut out first.
        // Inline values become placeholders by their known positions, so they are found
        // wherever they end up (paragraphs, headings, table cells).
        let withValues = InlineValuePlaceholders.insert(chapter.inlineExpressions, into: chapter.markdown)
        let (markdown, formulas) = MathProtector.protect(withValues)
        let document = MarkdownDocument(PipeTables.render(markdown))
        var cellIndex = 0
        for node in document.nodes() where MarkdownNode.isSwiftCell(node) {
            let html = cellHTML(
                chapter.cells[cellIndex], result.cells[safe: cellIndex], index: cellIndex,
                number: chapter.cells[cellIndex].options.label.flatMap { labels[$0] })
            document.replace(node, withHTML: html, inline: false)
            cellIndex += 1
        }
        document.joinCJKLines()
        let withInlineValues = InlineValuePlaceholders.replace(in: document.html()) { index in
            inlineHTML(result.inlineValues[safe: index] ?? nil)
        }
        var warnings: [BookWarning] = []
        let html = MathProtector.restore(withInlineValues, spans: formulas) { formula in
            do {
                return try MathConverter.mathML(formula.tex, display: formula.display)
            } catch let error as MathError {
                let (line, column) = formula.location(ofTeXOffset: error.offset)
                warnings.append(
                    BookWarning(SourceLocation(file: chapter.path, line: line, column: column), error.message))
                let delimiter = formula.display ? "$$" : "$"
                return "<code class=\"math-error\" title=\"\(escapeHTML(error.message))\">"
                    + "\(escapeHTML(delimiter + formula.tex + delimiter))</code>"
            } catch {
                return escapeHTML(formula.tex)
            }
        }
        let referenced = PageStructure.resolveReferences(
            html, numbers: labels, chapterPath: chapter.path, warnings: &warnings)
        let (anchored, headings) = PageStructure.anchorHeadings(referenced)
        return Rendered(html: anchored, warnings: warnings, headings: headings)
    }

    /// A cell's box: code, output, charts and tables (the first one numbered and anchored when
    /// the cell has a label), error and timing.
    static func cellHTML(_ cell: Cell, _ result: CellResult?, index: Int, number: String? = nil) -> String {
        // A hidden cell that shows nothing (helper code, claims) leaves no trace on the page.
        if !cell.options.echo, let result, result.error == nil,
            !cell.options.output || (result.output.isEmpty && result.richOutputs.isEmpty)
        {
            return "<!-- cell \(index + 1) -->"
        }
        var html = "<div class=\"cell\" id=\"cell-\(index + 1)\">\n"
        if cell.options.echo {
            html +=
                "<pre class=\"code\"><code class=\"language-swift\">\(SwiftHighlighter.html(displayedCode(cell)))</code></pre>\n"
        }
        if let result {
            if cell.options.output {
                if !result.output.isEmpty {
                    html += "<pre class=\"output\">\(escapeHTML(result.output))</pre>\n"
                }
                for (position, output) in result.richOutputs.enumerated() {
                    let isFirst = position == 0
                    let id = isFirst ? cell.options.label.map { " id=\"\(escapeHTML($0))\"" } ?? "" : ""
                    let captionText = [isFirst ? number : nil, isFirst ? cell.options.caption : nil].compactMap { $0 }
                        .joined(separator: "：")
                    let caption = captionText.isEmpty ? "" : "<figcaption>\(escapeHTML(captionText))</figcaption>"
                    switch output {
                    case .figure(let svg, _):
                        html += "<figure class=\"chart\"\(id)>\(svg)\(caption)</figure>\n"
                    case .html(let fragment, _):
                        html += "<figure class=\"table\"\(id)>\(caption)\(fragment)</figure>\n"
                    }
                }
            }
            if let error = result.error {
                html += "<pre class=\"error\" role=\"alert\">\(escapeHTML(error))</pre>\n"
            }
            html += "<p class=\"cell-meta\">\(status(result))</p>\n"
        }
        return html + "</div>"
    }

    /// The code a reader sees: without the `//|` option lines.
    static func displayedCode(_ cell: Cell) -> String {
        let lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.drop { $0.trimmingCharacters(in: .whitespaces).hasPrefix(CellParser.optionPrefix) }
        return body.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    private static func status(_ result: CellResult) -> String {
        switch result.status {
        case .succeeded: "运行 \(formatDuration(result.seconds))"
        case .failed: "运行失败"
        case .failedAsExpected: "按预期出错（error: true）"
        case .notRun: "未运行"
        case .skipped: "未执行（eval: false）"
        }
    }

    private static func inlineHTML(_ value: InlineValue?) -> String {
        guard let value else { return "<span class=\"inline-value missing\">?</span>" }
        return "<span class=\"inline-value\">\(escapeHTML(value.text))</span>"
    }
}
