import Testing

@testable import BookKit

@Suite struct RenderTests {
    @Test func pipeTablesBecomeHTMLAndKeepLineNumbers() {
        let markdown = "Intro\n\n| a | b |\n|:--|--:|\n| `x` | *y* \\| z |\n\nAfter"
        let rendered = PipeTables.render(markdown)
        #expect(rendered.components(separatedBy: "\n").count == markdown.components(separatedBy: "\n").count)
        #expect(rendered.contains("<th style=\"text-align: left\">a</th><th style=\"text-align: right\">b</th>"))
        #expect(rendered.contains("<td style=\"text-align: left\"><code>x</code></td><td style=\"text-align: right\"><em>y</em> | z</td>"))
        #expect(rendered.hasSuffix("\n\nAfter"))
    }

    @Test func tablesInsideCodeFencesStayCode() {
        let markdown = "```\n| a | b |\n|---|---|\n```\n"
        #expect(PipeTables.render(markdown) == markdown)
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
        var result = ChapterResult(cells: [CellResult(status: .succeeded)], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0)
        result.inlineValues = ["1", "2", "3", "<b>"].map { InlineValue(text: $0, number: nil) }
        let html = ChapterRenderer.body(chapter, result: result).html
        #expect(html.contains("<h2>Heading <span class=\"inline-value\">1</span></h2>"))
        #expect(html.contains("<td><span class=\"inline-value\">2</span></td>"))
        #expect(html.contains("Text <span class=\"inline-value\">3</span> and <span class=\"inline-value\">&lt;b&gt;</span>."))
        #expect(!html.contains("MLBOOK"))
    }

    @Test func unsupportedTeXIsShownAsSourceWithAWarning() throws {
        let chapter = try ChapterLoader.parse("# T\n\nSee $\\unknowncommand{x}$ here.\n", path: "c.md")
        let empty = ChapterResult(cells: [], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0)
        let (html, warnings) = ChapterRenderer.body(chapter, result: empty)
        #expect(warnings.count == 1)
        #expect(warnings.first?.description.hasPrefix("c.md:3:") == true)
        #expect(warnings.first?.description.contains("warning: unsupported TeX command \\unknowncommand") == true)
        #expect(html.contains("class=\"math-error\""))
    }
}
