import Foundation
import Testing

@testable import BookKit

/// GitHub tables as mlbook renders them, compared with Debian's `cmark-gfm -e table` (the
/// reference implementation of GitHub's tables) on the same Markdown.
@Suite struct GFMTableTests {
    /// One case per way a table used to come out wrong, with names saying what must hold.
    static let cases: [(name: String, markdown: String)] = [
        (
            "a table inside a list item keeps the item and the list going",
            """
            1. Measure the step:

               | batch | seconds |
               |---|--:|
               | 32 | 0.8 |

               The item goes on after the table.
            2. Compare.
            """
        ),
        (
            "a table inside a block quote stays in the quote",
            """
            > Settings used:
            >
            > | name | value |
            > |:--|--:|
            > | learning rate | 0.01 |
            > | epochs | 1000 |
            """
        ),
        (
            "cell text is inline Markdown only: no quote, list or heading starts in a cell",
            """
            | rule | note |
            |---|---|
            | >= Swift 6 | - not an item |
            | # not a heading | 1. not an item |
            | + plus | *emphasis* and **strong** |
            """
        ),
        (
            "table lines in an indented code block stay code",
            """
            Text before the code.

                | a | b |
                |---|---|
                | 1 | 2 |
            """
        ),
        (
            "a fence line with an info string does not close a fence",
            """
            ```
            | a |
            ```text
            | b |
            |---|
            ```
            """
        ),
        (
            "reference links in cells resolve against the document's definitions",
            """
            | method | source |
            |---|---|
            | Adam | [the paper][adam] |
            | Glorot | [init] |
            | missing | [nowhere][] |

            [adam]: https://example.org/adam "Adam"
            [init]: <https://example.org/glorot>
            """
        ),
        (
            "outer pipes are optional",
            """
            parameter | default
            --- | :---:
            epochs | 1000
            batch | 32
            """
        ),
        (
            "a row without pipes is one more row",
            """
            | a | b |
            |---|---|
            | 1 | 2 |
            just text

            after the blank line
            """
        ),
        (
            "a pipe in a code span splits the cell unless escaped",
            """
            | expression | meaning |
            |---|---|
            | `x|y` | split |
            | `x\\|y` | kept |
            | x \\| y | escaped |
            """
        ),
        (
            "lines before the header stay a paragraph",
            """
            The table follows
            h1 | h2
            -- | --
            r1 | r2
            """
        ),
        (
            "another block ends the table",
            """
            | a |
            |---|
            | 1 |
            > quote

            | b |
            |---|
            2. an item that could not interrupt a paragraph

            | c |
            |---|
                indented code

            | d |
            |---|
            | 4 |
            ---

            | e |
            |---|
            ===
            """
        ),
        (
            "rows are cut or padded to the header's width; a mismatched header is no table",
            """
            | a | b |
            |---|---|
            | 1 |
            | 1 | 2 | 3 |

            | a | b |
            |---|
            """
        ),
        (
            "a tight list stays tight around a table",
            """
            - | a |
              |---|
              | b |
            - next
            """
        ),
        (
            "nested containers: a quote inside an item, an item inside a quote",
            """
            - > | q | r |
              > |---|---|
              > | 1 | 2 |

            > 1. item text
            >    | s |
            >    |:-:|
            >    | 3 |
            """
        ),
        (
            "a header alone, alignments, and inline HTML in a cell",
            """
            | left | center | right | none |
            |:-|:-:|-:|-|

            | html |
            |---|
            | <span>x</span> & y |
            """
        ),
        (
            "a line without the quote's `>` ends the table and the quote",
            """
            > | a | b |
            > |---|---|
            > | 1 | 2 |
            lazy text after the quote
            """
        ),
        (
            "dashes alone under a line make a heading; a definition above a table stays text",
            """
            | a |
            ---

            [x]: /url
            | b |
            |---|
            """
        ),
        (
            "a line without the item's indentation ends the table and the list; the next item starts another",
            """
            - | a |
              |---|
            lazy text
            - next
            """
        ),
        (
            "rows go on through a `===` line, which is a row and no heading underline",
            """
            | a |
            |---|
            ===
            | b |
            """
        ),
    ]

    @Test(arguments: cases.indices)
    func tableRendersAsCmarkGFMDoes(_ index: Int) throws {
        let (name, markdown) = Self.cases[index]
        let expected = try Self.cmarkGFM(markdown)
        let rendered = MarkdownDocument(markdown, renderingTables: true).html()
        #expect(Self.normalized(rendered) == Self.normalized(expected), "\(name)")
    }

    @Test func tablesInsideCodeStayCode() throws {
        let markdown = "```\n| a | b |\n|---|---|\n```\n\n    | c |\n    |---|\n"
        let html = MarkdownDocument(markdown, renderingTables: true).html()
        #expect(!html.contains("<table"))
        #expect(Self.normalized(html) == Self.normalized(try Self.cmarkGFM(markdown)))
    }

    /// Display math in a quote and in a tight list item: the quote and the list go on, the
    /// TeX has no `>` or indentation in it, and the structure is cmark-gfm's.
    @Test(arguments: [
        "> Before:\n>\n> $$\n> a + b\n> $$\n>\n> after\n",
        "- first\n- $$\n  x^2\n  $$\n- third\n",
        "> - item $$\n>   y = 1\n>   $$ and text\n> - next\n",
    ])
    func displayMathKeepsItsContainer(_ markdown: String) throws {
        let (protected, spans) = MathProtector.protect(markdown)
        #expect(spans.count == 1)
        #expect(spans.allSatisfy { !$0.tex.contains(">") && !$0.tex.contains("  ") })
        let html = MathProtector.restore(MarkdownDocument(protected, renderingTables: true).html(), spans: spans) {
            "$$" + $0.tex + "$$"
        }
        // mlbook takes a formula alone in its paragraph out of the `<p>` (it is a block).
        let expected = try Self.cmarkGFM(markdown).replacingOccurrences(
            of: #"<p>(\$\$[^<]*\$\$)</p>"#, with: "$1", options: .regularExpression)
        #expect(Self.normalized(html) == Self.normalized(expected))
        #expect(!html.contains(MathProtector.placeholderPrefix))
    }

    /// A TeX line that would open a block (`+ b`, a list item to cmark) stays in the formula,
    /// without the quote's `>`, and the quote goes on after it.
    @Test func formulaLinesThatLookLikeBlocksStayInTheFormula() throws {
        let (protected, spans) = MathProtector.protect("> $$\n> a\n> + b\n> $$\n>\n> after\n")
        #expect(spans.map(\.tex) == ["\na\n+ b\n"])
        let html = MathProtector.restore(MarkdownDocument(protected, renderingTables: true).html(), spans: spans) { _ in
            "$$ X $$"
        }
        let expected = try Self.cmarkGFM("> $$ X $$\n>\n> after\n").replacingOccurrences(
            of: "<p>$$ X $$</p>", with: "$$ X $$")
        #expect(Self.normalized(html) == Self.normalized(expected))
    }

    /// HTML compared by structure: runs of whitespace count as one space, and whitespace
    /// next to a block-level tag not at all (a browser ignores it; mlbook's tables are raw
    /// HTML blocks, which cmark starts on a line of their own). mlbook's two deliberate
    /// differences are mapped back: the `prose` class the stylesheet gives tables (they scroll
    /// sideways on phones), and alignment as a `text-align` style instead of the `align`
    /// attribute, which HTML5 made obsolete.
    static func normalized(_ html: String) -> String {
        html.replacingOccurrences(of: "<table class=\"prose\">", with: "<table>")
            .replacingOccurrences(
                of: #" style="text-align: (left|center|right)""#, with: #" align="$1""#, options: .regularExpression
            )
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            .replacingOccurrences(
                of: #" ?(</?(?:blockquote|h[1-6]|hr|li|ol|p|pre|table|tbody|td|th|thead|tr|ul)\b[^>]*>) ?"#, with: "$1",
                options: .regularExpression
            )
            .trimmingCharacters(in: .whitespaces)
    }

    /// `markdown` rendered by `cmark-gfm -e table --unsafe` (raw HTML kept, as mlbook keeps it).
    static func cmarkGFM(_ markdown: String) throws -> String {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/cmark-gfm" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else {
            Issue.record("cmark-gfm is missing: `make test` installs Debian's cmark-gfm, the tables' reference")
            throw CmarkGFMMissing()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-e", "table", "--unsafe"]
        let input = Pipe()
        let output = Pipe()
        (process.standardInput, process.standardOutput) = (input, output)
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    struct CmarkGFMMissing: Error {}
}
