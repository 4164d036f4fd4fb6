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

    @Test func equationsAreNumberedInPageOrderAndReferencesMayComeFirst() throws {
        let source = """
            # C

            As @eq-second shows, and @eq-first:

            $$ a = 1 $$ {#eq-first}

            $$ b = 2 $$

            $$ c = 3 $$ {#eq-second}

            Unknown: @eq-missing.
            """
        let chapter = try ChapterLoader.parse(source, path: "chapters/05-c.md")
        let empty = ChapterResult(cells: [], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0)
        let rendered = ChapterRenderer.body(chapter, result: empty, language: "en")
        #expect(rendered.html.contains("As <a class=\"reference\" href=\"#eq-second\">Equation (5.2)</a> shows"))
        #expect(rendered.html.contains("and <a class=\"reference\" href=\"#eq-first\">Equation (5.1)</a>"))
        let numbers = rendered.html.components(separatedBy: "<span class=\"equation-number\">").dropFirst()
            .map { $0.prefix { $0 != "<" } }
        #expect(numbers == ["(5.1)", "(5.2)"], "the unlabelled formula has no number")
        #expect(rendered.warnings.map(\.message) == ["reference to unknown label 'eq-missing'"])
    }

    @Test func theInterfaceSpeaksTheBooksLanguage() throws {
        let html = try Self.render(language: "en")
        #expect(html.contains("<figcaption>Figure 3.1: 损失</figcaption>"))
        #expect(html.contains("<summary>Helper code</summary>"))
        #expect(html.contains("aria-label=\"Link to this section\"") || !html.contains("<h2"))
    }

    @Test func theSearchIndexIsBuiltFromTheMarkdownAndHoldsTextNeverMarkup() throws {
        let source = """
            # C

            Intro &amp; <b>bold</b> more, $\\hat{m}_t + \\frac{1}{2}$ and `{swift} 1 + 1`.

            ## A &lt;b&gt; $x^2$

            <div class="note">raw</div>

            | name | value |
            |------|------:|
            | 学习率 | 0.1 |

            中文的一行
            接着下一行。

            第二段。

            ```swift
            //| caption: 损失 <曲线>
            print("<ok>")
            ```
            """
        let chapter = try ChapterLoader.parse(source, path: "03-c.md")
        var cell = CellResult(status: .succeeded)
        cell.output = "<ok>\n"
        let result = ChapterResult(
            cells: [cell], inlineValues: [InlineValue(text: "2", number: 2)], errors: [], compileSeconds: 0,
            runSeconds: 0)
        let headings = [Heading(level: 2, id: "a-b-x2", text: "A <b> x2")]
        let entries = SiteScript.entries(chapter: chapter, result: result, headings: headings)
        #expect(entries.map(\.title) == ["C", "A <b> x2"])
        #expect(entries.map(\.anchor) == ["", "a-b-x2"])
        #expect(entries.allSatisfy { $0.page == "03-c.html" })
        let intro = try #require(entries.first?.text)
        #expect(intro.hasPrefix("C Intro & bold more, m̂t+1/2 and 2."), "got \(intro)")
        let section = try #require(entries.last?.text)
        #expect(section.contains("name value 学习率 0.1"), "a pipe table's cells, without its rule: \(section)")
        #expect(section.contains("中文的一行接着下一行。 第二段。"), "a CJK line break is no space, a new block is: \(section)")
        #expect(section.contains("print(\"<ok>\") 损失 <曲线> <ok>"), "code, caption and output: \(section)")
        #expect(!section.contains("raw") && !section.contains("caption:"), "raw HTML and cell options: \(section)")
        for entry in entries {
            #expect(!entry.text.contains("MLBOOK") && !entry.text.contains("&amp;") && !entry.text.contains("<div"))
        }
    }

    @Test func formulasAreSearchedAsTheCharactersReadersSee() {
        #expect(SearchText.formulaText("\\theta_{t+1} = \\theta_t - \\eta \\nabla J", display: false) == "θt+1=θt−η∇J")
        #expect(SearchText.formulaText("\\sqrt{x}", display: true) == "√x")
        #expect(SearchText.formulaText("\\unknowncommand{", display: false) == "\\unknowncommand{")
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
        let darkBlocks = Stylesheet.all.components(separatedBy: "(prefers-color-scheme: dark)").dropLast()
        #expect(darkBlocks.count >= 2, "the theme's and the highlighter's")
        #expect(darkBlocks.allSatisfy { $0.hasSuffix("@media screen and ") }, "every dark block is for screens only")
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
        #expect(!page.contains("/blob/HEAD/"), "no repository link when book.yml names none")
    }

    @Test func aBookInARepositoryLinksEachChaptersFileThere() throws {
        let root = try BookLoaderTests.folder([
            ".git/HEAD": "ref: refs/heads/main\n",
            "book/book.yml":
                "title: T\nlanguage: en\nrepository: https://github.com/owner/name/\nchapters: [01-a b.md]\n",
            "book/01-a b.md": "# A\n\nText.\n",
        ])
        let book = try BookLoader.load(root: root + "/book")
        let page = try PageTemplate(book: book).chapterPage(
            0, body: "",
            result: ChapterResult(cells: [], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0))
        #expect(
            page.contains(
                "<a href=\"https://github.com/owner/name/blob/HEAD/book/01-a%20b.md\">the file in the repository</a>"))
        #expect(page.contains("<a href=\"source/01-a%20b.md\">This chapter's Markdown source</a>"))
    }

    /// `api:` names the modules whose DocC reference `make docs` puts in `api/`; the index
    /// links each module's page, and a book without the key links none.
    @Test func theIndexLinksTheAPIReferenceOfTheModulesBookYmlNames() throws {
        let root = try BookLoaderTests.folder([
            "book.yml": "title: T\nlanguage: en\napi: [NeuralKit, SVGCharts]\nchapters: [a.md]\n", "a.md": "# A\n",
        ])
        let index = try PageTemplate(book: BookLoader.load(root: root)).indexPage()
        #expect(
            index.contains(
                "<a href=\"api/neuralkit/documentation/neuralkit/\">NeuralKit</a> · "
                    + "<a href=\"api/svgcharts/documentation/svgcharts/\">SVGCharts</a>"))
        let plain = try BookLoaderTests.folder(["book.yml": "title: T\nchapters: [a.md]\n", "a.md": "# A\n"])
        #expect(!(try PageTemplate(book: BookLoader.load(root: plain)).indexPage()).contains("api-reference"))
    }

    @Test func theRepositoryMustBeAWebAddress() throws {
        let root = try BookLoaderTests.folder([
            "book.yml": "title: T\nchapters: [a.md]\nrepository: owner/name\n", "a.md": "# A\n",
        ])
        #expect {
            try BookLoader.load(root: root)
        } throws: { error in
            "\(error)".contains("book.yml:3:") && "\(error)".contains("'repository' must be a web address")
        }
    }
}
