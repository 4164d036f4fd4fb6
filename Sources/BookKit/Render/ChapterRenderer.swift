import Foundation
import CCMark
import SVGCharts

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

    /// `language` is the book's (`book.yml`): it chooses the words (“图”/“Figure”, “辅助代码”).
    static func body(_ chapter: Chapter, result: ChapterResult, language: String = "zh-CN") -> Rendered {
        let text = InterfaceText(language: language)
        let labels = PageStructure.numberLabels(
            chapter.cells, results: result.cells, chapter: PageStructure.chapterNumber(chapter.path), text: text)
        // libcmark would mangle TeX (`\\`, `\,`, `*`), so formulas are cut out first.
        // Inline values become placeholders by their known positions, so they are found
        // wherever they end up (paragraphs, headings, table cells).
        let withValues = InlineValuePlaceholders.insert(chapter.inlineExpressions, into: chapter.markdown)
        let (markdown, formulas) = MathProtector.protect(withValues)
        let document = MarkdownDocument(markdown, renderingTables: true)
        var cellIndex = 0
        for node in document.nodes() where MarkdownNode.isSwiftCell(node) {
            let html = cellHTML(
                chapter.cells[cellIndex], result.cells[safe: cellIndex], index: cellIndex,
                number: chapter.cells[cellIndex].options.label.flatMap { labels[$0] }, text: text)
            document.replace(node, withHTML: html, inline: false)
            cellIndex += 1
        }
        document.joinCJKLines { literal in
            InlineValuePlaceholders.replace(in: literal) { result.inlineValues[safe: $0]??.text ?? "" }
        }
        let withInlineValues = InlineValuePlaceholders.replace(in: document.html()) { index in
            inlineHTML(result.inlineValues[safe: index] ?? nil)
        }
        var warnings: [BookWarning] = []
        let html = MathProtector.restore(withInlineValues, spans: formulas) { formula in
            do {
                return mathBox(try MathConverter.mathML(formula.tex, display: formula.display), formula)
            } catch let error as MathError {
                let (line, column) = formula.location(ofTeXOffset: error.offset)
                warnings.append(
                    BookWarning(SourceLocation(file: chapter.path, line: line, column: column), error.message))
                let delimiter = formula.display ? "$$" : "$"
                return "<code class=\"math-error\" title=\"\(escapeMarkup(error.message))\">"
                    + "\(escapeMarkup(delimiter + formula.tex + delimiter))</code>"
            } catch {
                return escapeMarkup(formula.tex)
            }
        }
        let equations = PageStructure.numberEquations(
            html, chapter: PageStructure.chapterNumber(chapter.path), text: text)
        let referenced = PageStructure.resolveReferences(
            equations.html, numbers: labels.merging(equations.numbers) { figure, _ in figure },
            chapterPath: chapter.path, warnings: &warnings)
        let (anchored, headings) = PageStructure.anchorHeadings(referenced, linkLabel: text.sectionLink)
        return Rendered(html: anchored, warnings: warnings, headings: headings)
    }

    /// A formula in a box that scrolls sideways when the formula is wider than the page: every
    /// display formula, and inline ones long enough to overflow a phone's line.
    static func mathBox(_ mathML: String, _ formula: MathProtector.Span) -> String {
        if formula.display { return "<span class=\"display-math scrolls\">\(mathML)</span>" }
        return formula.tex.count > 40 ? "<span class=\"wide-math\">\(mathML)</span>" : mathML
    }

    /// A cell's box: code (a hidden cell's in a collapsed “辅助代码” block, so the page's code
    /// stays complete), output, charts and tables (the first one numbered and anchored when
    /// the cell has a label), error and timing.
    static func cellHTML(
        _ cell: Cell, _ result: CellResult?, index: Int, number: String? = nil, text: InterfaceText = .chinese
    ) -> String {
        let code = codeBlock(displayedCode(cell))
        if !cell.options.echo, let result, result.error == nil,
            !cell.options.output || (result.output.isEmpty && result.richOutputs.isEmpty)
        {
            return hiddenCode(code, index: index, text: text)
        }
        var html = "<div class=\"cell\" id=\"cell-\(index + 1)\">\n"
        html += cell.options.echo ? code + "\n" : hiddenCode(code, index: nil, text: text) + "\n"
        if let result {
            if cell.options.output {
                if !result.output.isEmpty {
                    html += "<pre class=\"output\">\(escapeMarkup(result.output))</pre>\n"
                }
                for (position, output) in result.richOutputs.enumerated() {
                    let isFirst = position == 0
                    let id = isFirst ? cell.options.label.map { " id=\"\(escapeMarkup($0))\"" } ?? "" : ""
                    let captionText = [isFirst ? number : nil, isFirst ? cell.options.caption : nil].compactMap { $0 }
                        .joined(separator: text.captionSeparator)
                    let caption = captionText.isEmpty ? "" : "<figcaption>\(escapeMarkup(captionText))</figcaption>"
                    switch output {
                    case .figure(let svg, _):
                        html += "<figure class=\"chart\"\(id)>\(svg)\(caption)</figure>\n"
                    case .html(let fragment, _):
                        html +=
                            "<figure class=\"table\"\(id)>\(caption)<div class=\"scrolls\">\(fragment)</div></figure>\n"
                    }
                }
            }
            if let error = result.error {
                html += "<pre class=\"error\" role=\"alert\">\(escapeMarkup(error))</pre>\n"
            }
            html += "<p class=\"cell-meta\">\(status(result, text))</p>\n"
        }
        return html + "</div>"
    }

    /// Highlighted Swift in the box the copy button attaches to.
    static func codeBlock(_ code: String) -> String {
        "<div class=\"code-block\"><pre class=\"code\"><code class=\"language-swift\">\(SwiftHighlighter.html(code))</code></pre></div>"
    }

    /// A hidden (`echo: false`) cell's code, collapsed: the reader can open it, and copying every
    /// block of the page gives a program that compiles.
    private static func hiddenCode(_ code: String, index: Int?, text: InterfaceText) -> String {
        let id = index.map { " id=\"cell-\($0 + 1)\"" } ?? ""
        return
            "<details class=\"hidden-code\"\(id)><summary>\(escapeMarkup(text.hiddenCode))</summary>\(code)</details>"
    }

    /// The code a reader sees: without the `//|` option lines.
    static func displayedCode(_ cell: Cell) -> String {
        let lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.drop { $0.trimmingCharacters(in: .whitespaces).hasPrefix(CellParser.optionPrefix) }
        return body.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    private static func status(_ result: CellResult, _ text: InterfaceText) -> String {
        switch result.status {
        case .succeeded: text.ran(formatDuration(result.seconds))
        case .failed: text.failed
        case .failedAsExpected: text.failedAsExpected
        case .notRun: text.notRun
        case .skipped: text.skipped
        }
    }

    private static func inlineHTML(_ value: InlineValue?) -> String {
        guard let value else { return "<span class=\"inline-value missing\">?</span>" }
        return "<span class=\"inline-value\">\(escapeMarkup(value.text))</span>"
    }
}
