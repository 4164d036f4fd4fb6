import Foundation
import Testing

@testable import BookKit

/// Files from Windows editors (CRLF line endings, a UTF-8 byte-order mark) read the same as
/// Unix ones; values that would make no sense (NaN, ∞, `-p =`) are refused with one line.
@Suite struct InputToleranceTests {
    static let chapter = """
        ---
        title: Windows
        params: { rate: 0.5 }
        ---

        # Heading

        ```swift
        //| echo: false
        print(params.rate)
        ```

        Value `{swift} 1 + 1`.

        """

    static func windows(_ text: String) -> String {
        "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
    }

    @Test func aCRLFChapterWithAByteOrderMarkReadsLikeAUnixOne() throws {
        let unix = try ChapterLoader.parse(Self.chapter, path: "c.md")
        let windows = try ChapterLoader.parse(Self.windows(Self.chapter), path: "c.md")
        #expect(windows.title == "Windows")
        #expect(windows.parameters == unix.parameters)
        #expect(windows.cells == unix.cells)
        #expect(windows.cells.first?.options.echo == false)
        #expect(windows.inlineExpressions == unix.inlineExpressions)
        #expect(windows.markdown == unix.markdown)
    }

    @Test func aCRLFBookConfigurationAndChapterFileLoad() throws {
        let root = try BookLoaderTests.folder([
            "book.yml": Self.windows("title: T\nchapters:\n  - a.md\nexecute: { timeout: 30 }\n"),
            "a.md": Self.windows(Self.chapter),
        ])
        let book = try BookLoader.load(root: root)
        #expect(book.configuration.title == "T" && book.configuration.chapterFiles == ["a.md"])
        #expect(book.configuration.execution.timeout == 30)
        #expect(book.chapters[0].title == "Windows" && book.chapters[0].cells.count == 1)
    }

    @Test(arguments: [
        ("execute: { tolerance: .inf }", "3:23: error: 'tolerance' must be a finite number"),
        ("execute: { tolerance: inf }", "3:23: error: 'tolerance' must be a finite number"),
        ("execute: { tolerance: -1 }", "3:23: error: 'tolerance' must be at least 0"),
        ("execute: { timeout: nan }", "3:21: error: 'timeout' must be a finite number"),
        ("execute: { timeout: 0 }", "3:21: error: 'timeout' must be more than 0"),
    ])
    func nonsenseExecutionSettingsAreRefused(_ line: String, _ message: String) throws {
        let root = try BookLoaderTests.folder(["book.yml": "title: T\nchapters: [a.md]\n\(line)\n", "a.md": "# A\n"])
        #expect(throws: BookError.self) { try BookLoader.load(root: root) }
        do {
            _ = try BookLoader.load(root: root)
        } catch {
            #expect(error.description == "\(root)/book.yml:\(message)")
        }
    }

    @Test(arguments: ["nan", "inf", "-infinity"])
    func aFloatParameterMustBeFinite(_ value: String) throws {
        #expect(throws: BookError.self) {
            try ChapterLoader.parse(Self.chapter, path: "c.md", overrides: ["rate": value])
        }
        #expect(throws: BookError.self) {
            try ChapterLoader.parse("---\nparams: { rate: \(value) }\n---\n", path: "c.md")
        }
    }

    @Test func parameterArgumentsSplitAtTheFirstEquals() throws {
        #expect(try ParameterOverrides.parse(["a=1", "b=x=y", "c="]) == ["a": "1", "b": "x=y", "c": ""])
    }

    @Test(arguments: ["=", "=1", "a", "2a=1", "a b=1"])
    func malformedParameterArgumentsAreOneLineErrors(_ argument: String) {
        #expect(throws: BookError.self) { try ParameterOverrides.parse([argument]) }
    }

    @Test func aParameterGivenTwiceIsAnError() {
        #expect(throws: BookError(path: "-p", "parameter 'a' is given twice")) {
            try ParameterOverrides.parse(["a=1", "a=2"])
        }
    }
}

/// Chapter file names become page names and links whatever characters they hold.
@Suite struct PageNameTests {
    @Test func twoChaptersWithOneFileNameAreAnErrorNamingBoth() throws {
        let root = try BookLoaderTests.folder([
            "book.yml": "title: T\nchapters:\n  - one/a.md\n  - two/a.md\n", "one/a.md": "# A\n", "two/a.md": "# B\n",
        ])
        #expect(
            throws: BookError(
                file: root + "/book.yml", line: 4,
                "chapter 'two/a.md' and chapter 'one/a.md' would both be the page a.html; rename one")
        ) { try BookLoader.load(root: root) }
    }

    @Test func aChapterCalledIndexWouldHideTheIndexPage() throws {
        let root = try BookLoaderTests.folder(["book.yml": "title: T\nchapters: [index.md]\n", "index.md": "# A\n"])
        #expect(throws: BookError.self) { try BookLoader.load(root: root) }
    }

    @Test func linksArePercentEncodedAndTitlesEscaped() throws {
        let name = "a b&c#1 \"x\"?"
        let root = try BookLoaderTests.folder([
            "book.yml": "title: \"<Book> & co\"\nchapters: ['\(name).md', 'z.md']\n",
            "\(name).md": "# <b>bold</b> & \"quoted\"\n", "z.md": "# Z\n",
        ])
        let book = try BookLoader.load(root: root)
        let builder = BookBuilder(
            book: book, runner: ChapterRunner(engine: Engine(productsDirectory: root), workDirectory: root, timeout: 1),
            jobs: 1)
        let empty = ChapterResult(cells: [], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0)
        let files = try builder.pages(results: [empty, empty]).files
        let href = "a%20b%26c%231%20%22x%22%3F.html"
        #expect(files["\(name).html"] != nil)
        let index = try #require(files["index.html"])
        #expect(index.contains("<a href=\"\(href)\">&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;</a>"))
        #expect(index.contains("&lt;Book&gt; &amp; co") && !index.contains("<Book>"))
        #expect(try #require(files["z.html"]).contains("rel=\"prev\" href=\"\(href)\""))
        #expect(try #require(files["search-index.js"]).contains(href))
    }
}
