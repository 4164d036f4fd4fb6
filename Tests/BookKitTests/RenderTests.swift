import Testing

@testable import BookKit

@Suite struct RenderTests {
    @Test func pipeTablesBecomeHTMLWithTheirAlignments() {
        let markdown = "Intro\n\n| a | b |\n|:--|--:|\n| `x` | *y* \\| z |\n\nAfter"
        let rendered = MarkdownDocument(markdown, renderingTables: true).html()
        #expect(rendered.contains("<th style=\"text-align: left\">a</th><th style=\"text-align: right\">b</th>"))
        #expect(
            rendered.contains(
                "<td style=\"text-align: left\"><code>x</code></td><td style=\"text-align: right\"><em>y</em> | z</td>")
        )
        #expect(rendered.hasPrefix("<p>Intro</p>\n<table class=\"prose\">"))
        #expect(rendered.hasSuffix("</table>\n<p>After</p>\n"))
    }

    @Test func tablesInsideCodeFencesStayCode() {
        let markdown = "```\n| a | b |\n|---|---|\n```\n"
        #expect(MarkdownDocument(markdown, renderingTables: true).html() == MarkdownDocument(markdown).html())
    }

    @Test func inlineValuesAreFoundInParagraphsHeadingsAndTableCells() throws {
        let source = """
            ```swift
            let a = 1
            ```

            ## Heading `{swift} a`

            | name | value |
            |---|---|
            | a | `{swift} a + 1` |

            Text `{swift} a + 2` and `{swift} "<b>"`.
            """
        let chapter = try ChapterLoader.parse(source, path: "c.md")
        #expect(chapter.inlineExpressions.count == 4)
        var result = ChapterResult(
            cells: [CellResult(status: .succeeded)], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0)
        result.inlineValues = ["1", "2", "3", "<b>"].map { InlineValue(text: $0, number: nil) }
        let html = ChapterRenderer.body(chapter, result: result).html
        #expect(html.contains("<h2 id=\"heading-1\">Heading <span class=\"inline-value\">1</span> <a class=\"anchor\""))
        #expect(html.contains("<td><span class=\"inline-value\">2</span></td>"))
        #expect(
            html.contains(
                "Text <span class=\"inline-value\">3</span> and <span class=\"inline-value\">&lt;b&gt;</span>."))
        #expect(!html.contains("MLBOOK"))
    }

    @Test func unsupportedTeXIsShownAsSourceWithAWarning() throws {
        let chapter = try ChapterLoader.parse("# T\n\nSee $\\unknowncommand{x}$ here.\n", path: "c.md")
        let empty = ChapterResult(cells: [], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0)
        let rendered = ChapterRenderer.body(chapter, result: empty)
        let (html, warnings) = (rendered.html, rendered.warnings)
        #expect(warnings.count == 1)
        #expect(warnings.first?.description.hasPrefix("c.md:3:") == true)
        #expect(warnings.first?.description.contains("warning: unsupported TeX command \\unknowncommand") == true)
        #expect(html.contains("class=\"math-error\""))
    }
}

@Suite struct PageStructureTests {
    @Test func headingsGetUniqueAnchorsAndAnOutline() {
        let (html, headings) = PageStructure.anchorHeadings(
            "<h2>3.1 损失函数</h2><p>x</p><h3>A <code>b</code></h3><h2>3.1 损失函数</h2>")
        #expect(headings.map(\.id) == ["3.1-损失函数", "a-b", "3.1-损失函数-2"])
        #expect(headings.map(\.text) == ["3.1 损失函数", "A b", "3.1 损失函数"])
        #expect(html.hasPrefix("<h2 id=\"3.1-损失函数\">3.1 损失函数 <a class=\"anchor\" href=\"#3.1-损失函数\""))
    }

    @Test func labelledFiguresAndTablesAreNumberedAndReferenced() throws {
        let source = """
            See @fig-loss and @tbl-sizes, not @fig-missing.

            ```swift
            //| label: fig-loss
            //| caption: 损失曲线
            show(History(loss: [2, 1]))
            ```

            ```swift
            //| label: tbl-sizes
            show(Tensor([1, 2]))
            ```
            """
        let chapter = try ChapterLoader.parse(source, path: "c.md")
        var figure = CellResult(status: .succeeded)
        figure.richOutputs = [.figure(svg: "<svg></svg>", series: [])]
        var table = CellResult(status: .succeeded)
        table.richOutputs = [.html("<table></table>", numbers: [1, 2])]
        let result = ChapterResult(
            cells: [figure, table], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0)
        let rendered = ChapterRenderer.body(chapter, result: result)
        #expect(
            rendered.html.contains(
                "See <a class=\"reference\" href=\"#fig-loss\">图 1</a> and <a class=\"reference\" href=\"#tbl-sizes\">表 1</a>, not @fig-missing."
            ))
        #expect(
            rendered.html.contains(
                "<figure class=\"chart\" id=\"fig-loss\"><svg></svg><figcaption>图 1：损失曲线</figcaption></figure>"))
        #expect(
            rendered.html.contains(
                "<figure class=\"table\" id=\"tbl-sizes\"><figcaption>表 1</figcaption><div class=\"scrolls\"><table></table></div></figure>"
            ))
        #expect(rendered.warnings.map(\.message) == ["reference to unknown label 'fig-missing'"])
    }
}

@Suite struct PageTemplateTests {
    static func pages(_ files: [String: String]) throws -> [String: String] {
        let root = try BookLoaderTests.folder(files)
        let book = try BookLoader.load(root: root)
        let runner = ChapterRunner(engine: Engine(productsDirectory: root), workDirectory: root + "/work", timeout: 1)
        let empty = ChapterResult(cells: [], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0)
        return try BookBuilder(book: book, runner: runner, jobs: 1).pages(results: [empty]).files
    }

    @Test func theBookCanReplaceThePageTemplateAndTheBodyIsNeverTemplatedAgain() throws {
        let files = try Self.pages([
            "book.yml": "title: T & U\nlanguage: zh-CN\nchapters: [a.md]\n",
            "a.md": "# A\n\nKeep {{ this }} and {{{that}}} as written.\n",
            "_templates/page.mustache":
                "<html lang=\"{{language}}\"><title>{{bookTitle}}</title>{{#chapters}}[{{title}}]{{/chapters}}{{{content}}}</html>",
        ])
        let page = try #require(files["a.html"])
        #expect(page.hasPrefix("<html lang=\"zh-CN\"><title>T &amp; U</title>[A]"))
        #expect(page.contains("Keep {{ this }} and {{{that}}} as written."))
    }

    @Test func theStandardTemplateSetsTheLanguageAndMarksTheCurrentChapter() throws {
        let files = try Self.pages(["book.yml": "title: T\nlanguage: zh-CN\nchapters: [a.md]\n", "a.md": "# A\n"])
        let page = try #require(files["a.html"])
        #expect(page.contains("<html lang=\"zh-CN\">"))
        #expect(page.contains("<a href=\"a.html\" aria-current=\"page\">A</a>"))
    }

    @Test func aBrokenTemplateIsAnErrorAtItsFile() throws {
        #expect(throws: BookError.self) {
            _ = try Self.pages([
                "book.yml": "title: T\nchapters: [a.md]\n", "a.md": "# A\n",
                "_templates/page.mustache": "{{#chapters}} never closed",
            ])
        }
    }
}

/// Line breaks in Chinese prose: none between CJK characters or next to full-width
/// punctuation, looking through inline values to the text they will show; kept between CJK
/// and Latin text or numbers, and in English.
@Suite struct CJKLineJoiningTests {
    static func joined(_ markdown: String, values: [String]) -> String {
        let document = MarkdownDocument(markdown)
        document.joinCJKLines { InlineValuePlaceholders.replace(in: $0) { values[$0] } }
        return document.html()
    }

    @Test func breaksNextToFullWidthPunctuationOrBetweenCJKGoThroughInlineValues() {
        let html = Self.joined(
            "它已经，\nMLBOOKVALUE0Z 了。\n损失是\nMLBOOKVALUE1Z。\n误差\n很小。\n", values: ["很小", "0.5"])
        #expect(html.contains("它已经，MLBOOKVALUE0Z"), "after a full-width comma: \(html)")
        #expect(html.contains("损失是\nMLBOOKVALUE1Z"), "between CJK and a number the space stays: \(html)")
        #expect(html.contains("了。MLBOOKVALUE1Z") == false)
        #expect(html.contains("误差很小。"), "between two CJK characters: \(html)")
    }

    @Test func englishCurlyQuotesKeepTheirSpace() {
        let html = Self.joined("She said\n“hello”.\n", values: [])
        #expect(html.contains("She said\n“hello”."), "\(html)")
    }
}
