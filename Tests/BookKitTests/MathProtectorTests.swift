import Foundation
import Testing

@testable import BookKit

@Suite struct MathProtectorTests {
    typealias Span = MathProtector.Span

    static func token(_ index: Int) -> String { MathProtector.placeholder(index) }

    @Test func inlineAndDisplayFormulasBecomePlaceholders() {
        let (markdown, spans) = MathProtector.protect("Let $x_i$ be $$\\sum_i x_i$$.")
        #expect(markdown == "Let \(Self.token(0)) be \(Self.token(1)).")
        #expect(
            spans == [
                Span(tex: "x_i", display: false, line: 1, column: 5),
                Span(tex: "\\sum_i x_i", display: true, line: 1, column: 14),
            ])
    }

    /// Text that must come through unchanged: Pandoc's rules for `$`, code, escapes.
    @Test(arguments: [
        "costs $5 and $6",
        "from $20,000 to $30,000",
        "a $ b$ c",
        "a $b $ c",
        "$x$5 is not math",
        "price: \\$x\\$",
        "inline `$x$` code",
        "double ``a ` $x$`` code",
        "```\n$x$\n```",
        "~~~~ tex\n$$x$$\n~~~~",
        "para\n\n    $x$ indented code",
        "- item\n\n  ```\n  $x$\n  ```",
        "> ```\n> $x$\n> ```",
        "$$ $$",
        "$$x",
        "$x\n\ny$",
        "lone $",
    ])
    func textThatIsNotMathIsUntouched(markdown: String) {
        let protected = MathProtector.protect(markdown)
        #expect(protected.markdown == markdown)
        #expect(protected.spans.isEmpty)
    }

    @Test func escapesInsideMathAndCodeSpansBesideIt() {
        let (markdown, spans) = MathProtector.protect(#"`$a$` then $\$5 + \\ b$ and \\$c$"#)
        #expect(markdown == "`$a$` then \(Self.token(0)) and \\\\\(Self.token(1))")
        #expect(spans.map(\.tex) == [#"\$5 + \\ b"#, "c"])
    }

    /// A multi-line display formula becomes its placeholder and the same number of newlines,
    /// so the lines after it (and cmark's line numbers for cells) do not move.
    @Test func multiLineDisplayMathKeepsTheLineCount() {
        let source = "Intro\n\n$$\n\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}\n$$\n\nAfter $y$.\n"
        let (markdown, spans) = MathProtector.protect(source)
        #expect(markdown == "Intro\n\n\(Self.token(0))\n\n\n\n\n\n\nAfter \(Self.token(1)).\n")
        #expect(
            markdown.split(separator: "\n", omittingEmptySubsequences: false).count
                == source.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(spans[0].tex == "\n\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}\n")
        #expect((spans[0].line, spans[0].column) == (3, 1))
        #expect((spans[1].line, spans[1].column) == (10, 7))
    }

    /// Columns count UTF-8 bytes, like the compiler's and the other diagnostics.
    @Test func locationsCountUTF8BytesAndFindTeXOffsets() throws {
        let (_, spans) = MathProtector.protect("# T\n其中 $\\foo$ 和\n$$\na\n\\bar\n$$")
        #expect((spans[0].line, spans[0].column) == (2, 8))
        #expect(spans[0].location(ofTeXOffset: 0) == (2, 9))
        #expect((spans[1].line, spans[1].column) == (3, 1))
        #expect(spans[1].location(ofTeXOffset: 3) == (5, 1))
        let error = try #require(throws: MathError.self) { try MathConverter.mathML(spans[1].tex, display: true) }
        #expect(spans[1].location(ofTeXOffset: error.offset) == (5, 1))
    }

    @Test func restoreReplacesAParagraphOfDisplayMathAndInlinePlaceholdersInPlace() {
        let spans = [
            Span(tex: "a", display: true, line: 1, column: 1), Span(tex: "b", display: false, line: 3, column: 5),
        ]
        let html = "<p>\(Self.token(0))</p>\n<p>see \(Self.token(1)) and \(Self.token(0))</p>\n"
        let restored = MathProtector.restore(html, spans: spans) { "[\($0.tex)]" }
        #expect(restored == "[a]\n<p>see [b] and [a]</p>\n")
    }

    @Test func inlineFormulasKeepTheirCJKPunctuationOnTheirLine() {
        let spans = [Span(tex: "y_i", display: false, line: 1, column: 1)]
        let html = "<p>其中（\(Self.token(0))）。也是 \(Self.token(0))，以及\(Self.token(0))</p>"
        let restored = MathProtector.restore(html, spans: spans) { "<math>\($0.tex)</math>" }
        #expect(
            restored
                == "<p>其中<span class=\"nowrap\">（<math>y_i</math>）。</span>也是 "
                + "<span class=\"nowrap\"><math>y_i</math>，</span>以及<math>y_i</math></p>")
    }

    @Test func restoreWritesTeXInsideTagsAndLeavesUnknownPlaceholders() {
        let spans = [Span(tex: "x<1", display: false, line: 1, column: 1)]
        let html = "<p><img src=\"a.png\" alt=\"\(Self.token(0))\" /> \(Self.token(0)) \(Self.token(7)) MLBOOKMATH</p>"
        let restored = MathProtector.restore(html, spans: spans) { "<math>\($0.tex)</math>" }
        #expect(restored == "<p><img src=\"a.png\" alt=\"x&lt;1\" /> <math>x<1</math> \(Self.token(7)) MLBOOKMATH</p>")
    }

    /// The reason for the protector: through cmark and back, TeX keeps `\\`, `\,` and `*…*`.
    @Test func texSurvivesACmarkRoundTrip() throws {
        let source = """
            Inline $a*b*c$ and $x\\,y$, code `$z$`.

            $$
            \\begin{aligned}
            a &= b \\\\
            c &= d_1 + d_2
            \\end{aligned}
            $$

            ```swift
            let price = "$5"
            ```
            """
        let (markdown, spans) = MathProtector.protect(source)
        let html = MarkdownDocument(markdown).html()
        let marked = MathProtector.restore(html, spans: spans) { "[\($0.tex)]" }
        #expect(marked.contains("<p>Inline [a*b*c] and [x\\,y], code <code>$z$</code>.</p>"))
        #expect(marked.contains("\n[\n\\begin{aligned}\na &= b \\\\\nc &= d_1 + d_2\n\\end{aligned}\n]\n"))
        #expect(marked.contains("<code class=\"language-swift\">let price = &quot;$5&quot;\n</code>"))
        let page = MathProtector.restore(html, spans: spans) { span in
            (try? MathConverter.mathML(span.tex, display: span.display)) ?? "error"
        }
        #expect(!page.contains("error") && !page.contains("<p><math"))
        #expect(page.contains("<annotation encoding=\"application/x-tex\">a*b*c</annotation>"))
        #expect(page.contains("a &amp;= b \\\\\nc &amp;= d_1 + d_2"))
        #expect(page.contains("<mi>x</mi><mspace width=\"0.1667em\"></mspace><mi>y</mi>"))
    }
}
