import Foundation
import Testing

@testable import BookKit

/// What a reader of the site relies on: complete, copyable code; numbering per chapter; the
/// book's language; a search index of text; the run box; a stylesheet whose chart colours are
/// legible in both themes and whose print rules keep code whole.
@Suite struct SiteReadingTests {
    static let chapterSource = """
        # C

        ```swift
        //| echo: false
        func helper() -> Int { 1 }
        ```

        ```swift
        //| label: fig-loss
        //| caption: 损失
        show(helper())
        ```

        See @fig-loss.
        """

    static func render(path: String = "03-c.md", language: String = "zh-CN") throws -> String {
        let chapter = try ChapterLoader.parse(chapterSource, path: path)
        var figure = CellResult(status: .succeeded)
        figure.richOutputs = [.figure(svg: "<svg></svg>", series: [])]
        let result = ChapterResult(
            cells: [CellResult(status: .succeeded), figure], inlineValues: [], errors: [], compileSeconds: 0,
            runSeconds: 0)
        return ChapterRenderer.body(chapter, result: result, language: language).html
    }

    @Test func hiddenCellsStayOnThePageCollapsedSoTheCodeIsComplete() throws {
        let html = try Self.render()
        #expect(
            html.contains(
                "<details class=\"hidden-code\" id=\"cell-1\"><summary>辅助代码</summary><div class=\"code-block\">"))
        #expect(html.contains("helper"))
    }

    @Test func codeSitsInACopyBlockWhoseCodeElementHoldsOnlyTheCode() throws {
        let html = try Self.render()
        #expect(html.contains("<div class=\"code-block\"><pre class=\"code\"><code class=\"language-swift\">"))
        #expect(!html.contains("<button"), "the copy button is the script's, outside the code")
        #expect(SiteScript.javaScript.contains("copyText(code.textContent)"))
        #expect(!SiteScript.javaScript.contains("innerText"))
    }

    @Test func figuresAreNumberedWithinTheirChapter() throws {
        let html = try Self.render()
        #expect(html.contains("<a class=\"reference\" href=\"#fig-loss\">图 3.1</a>"))
        #expect(html.contains("<figcaption>图 3.1：损失</figcaption>"))
        #expect(try Self.render(path: "c.md").contains("<figcaption>图 1：损失</figcaption>"))
    }

    @Test func labelledDisplayFormulasAreNumberedAndReferenced() throws {
        let source = "# C\n\nThe loss:\n\n$$ L = x^2 $$ {#eq-loss}\n\nSee @eq-loss and $$ y $$ unlabelled.\n"
        let chapter = try ChapterLoader.parse(source, path: "chapters/02-c.md")
        let empty = ChapterResult(cells: [], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0)
        let rendered = ChapterRenderer.body(chapter, result: empty)
        #expect(rendered.html.contains("<span class=\"display-math scrolls numbered\" id=\"eq-loss\"><math"))
        #expect(rendered.html.contains("<span class=\"equation-number\">(2.1)</span></span>"))
        #expect(rendered.html.contains("See <a class=\"reference\" href=\"#eq-loss\">式 (2.1)</a>"))
        #expect(!rendered.html.contains("{#eq-loss}"))
        #expect(rendered.warnings.isEmpty)
    }

    @Test func theInterfaceSpeaksTheBooksLanguage() throws {
        let html = try Self.render(language: "en")
        #expect(html.contains("<figcaption>Figure 3.1: 损失</figcaption>"))
        #expect(html.contains("<summary>Helper code</summary>"))
        #expect(html.contains("aria-label=\"Link to this section\"") || !html.contains("<h2"))
    }

    @Test func theSearchIndexHoldsTextNeverMarkup() {
        let html = """
            <p>Intro &amp; more</p>
            <h2 id="a-b">A &lt;b&gt; <a class="anchor" href="#a-b" aria-label="本节链接">#</a></h2>
            <p>cos<math><mo>&#x2061;</mo><mi>x</mi><mo>+</mo><mn>1</mn><annotation encoding="application/x-tex">\\cos</annotation></math> x</p>
            <p class="cell-meta">运行 0.00 s</p><svg><text>tick</text></svg>
            """
        let entries = SiteScript.entries(
            page: "c.html", chapterTitle: "C", html: html, headings: [Heading(level: 2, id: "a-b", text: "A <b>")])
        #expect(entries.map(\.text) == ["Intro & more", "cos x+1 x"])
        #expect(entries.map(\.title) == ["C", "A <b>"])
        for entry in entries {
            #expect(!entry.text.contains("<") && !entry.text.contains("&amp;") && !entry.text.contains("&#"))
        }
    }

    @Test func everyChartColourHasThreeToOneContrastInBothThemes() throws {
        let css = Stylesheet.theme
        let light = try #require(css.components(separatedBy: "@media").first)
        let dark = try #require(css.components(separatedBy: "prefers-color-scheme: dark").last)
        for theme in [light, dark] {
            let background = try #require(Self.color("--background", in: theme))
            for index in 1...6 {
                let color = try #require(Self.color("--chart-\(index)", in: theme))
                #expect(Self.contrast(color, background) >= 3, "--chart-\(index) \(color) on \(background)")
            }
        }
    }

    @Test func printingWrapsCodeUsesTheLightThemeAndKeepsHeadingsWithTheirText() {
        let print = Stylesheet.print
        #expect(print.contains("white-space: pre-wrap"))
        #expect(print.contains("break-after: avoid"))
        #expect(print.contains("color-scheme: light"))
        #expect(Stylesheet.theme.contains("@media screen and (prefers-color-scheme: dark)"))
    }

    static func color(_ name: String, in css: String) -> String? {
        guard let range = css.range(of: "\(name): #") else { return nil }
        return String(css[range.upperBound...].prefix(6))
    }

    /// WCAG 2 contrast ratio of two `rrggbb` colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex, radix: 16) ?? 0
            let channels = [value >> 16, (value >> 8) & 255, value & 255].map { Double($0) / 255 }
            let linear = channels.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}

@Suite struct SitePagesTests {
    @Test func theIndexIntroducesTheBookAndEveryPageSaysHowToRunIt() throws {
        let files = try PageTemplateTests.pages([
            "book.yml": "title: T\nlanguage: zh-CN\ndescription: A book & more.\nchapters: [01-a.md]\n",
            "01-a.md": "---\nparams: { epochs: 3 }\n---\n# A\n\nWhat $x^2$ means.\n\n```swift\nlet x = 1\n```\n",
            "index.md": "An *introduction*.\n",
        ])
        let index = try #require(files["index.html"])
        #expect(index.contains("<p class=\"description\">A book &amp; more.</p>"))
        #expect(index.contains("<div class=\"summary\"><p>What <math"), "each chapter with its opening paragraph")
        #expect(index.contains("<div class=\"introduction\">\n<p>An <em>introduction</em>.</p>"))
        #expect(index.contains("<p class=\"start\"><a href=\"01-a.html\">开始阅读 →</a></p>"))
        let page = try #require(files["01-a.html"])
        #expect(page.contains("make site\n.build/release/mlbook run "))
        #expect(page.contains("01-a.md -p epochs=3</code></pre></div>"))
        #expect(page.contains("<a href=\"source/01-a.md\">本章的 Markdown 源文件</a>"))
        #expect(page.contains("<a class=\"skip-link\" href=\"#content\">跳到正文</a>"))
        #expect(page.contains("<details class=\"toc\">"))
    }
}
