import Foundation
import Testing

@testable import BookKit

/// Fixture books built for real: compiled against the engine built with the tests, run, and
/// rendered. They are few and small, since each compiles a program.
@Suite(.serialized) struct EndToEndTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The engine in the build folder of the running test binary (`swift build --build-tests`
    /// puts the Notebook library and `Modules/` there).
    static func builder(_ fixture: String) throws -> BookBuilder {
        try builder(root: fixtures.appendingPathComponent(fixture).path)
    }

    static func builder(root: String) throws -> BookBuilder {
        let engine = Engine(
            productsDirectory: MLBookExecutable.productsFolder.path)
        try engine.validate()
        let book = try BookLoader.load(root: root)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("mlbook-e2e-\(UUID().uuidString)").path
        return BookBuilder(book: book, runner: ChapterRunner(engine: engine, workDirectory: work, timeout: 60), jobs: 1)
    }

    @Test func basicChapterShowsComputedNumbersOnItsPage() throws {
        let builder = try Self.builder("basic")
        let result = try #require(builder.executeAll().first)
        #expect(result.errors == [])
        // MSE of [1, 2, 3] against [1, 2, 5] is (0 + 0 + 4) / 3.
        #expect(result.cells[0].output == "loss = 1.3333334\n")
        #expect(result.inlineValues.map { $0?.text } == ["1.333", "2.667", "6"])
        #expect(result.cells[1].output == "total 6\n")
        #expect(result.cells[1].claims == [Claim(line: 22, text: "1 + 2 + 3 = 6", passed: true)])
        guard case .figure(let svg, let series) = result.cells[1].richOutputs.first else {
            Issue.record("expected a chart")
            return
        }
        #expect(series.first?.values == [3, 2, 1.5])
        #expect(svg.hasPrefix("<svg"))
        guard case .figure(let timingSVG, let timingSeries) = result.cells[1].richOutputs.last else {
            Issue.record("expected a second chart")
            return
        }
        #expect(timingSVG.hasPrefix("<svg"))
        #expect(timingSeries.isEmpty, "a measured chart records no numbers for check")

        let output = FileManager.default.temporaryDirectory.appendingPathComponent("mlbook-site-\(UUID().uuidString)")
            .path
        try builder.writeSite(results: [result], to: output)
        let page = try String(contentsOfFile: output + "/basic.html", encoding: .utf8)
        #expect(page.contains("<span class=\"inline-value\">1.333</span>"))
        #expect(page.contains("<pre class=\"output\">loss = 1.3333334\n</pre>"))
        #expect(page.contains("<svg"))
        #expect(!page.contains("for i in 1...params.count"), "echo: false hides the code")
        #expect(page.contains("<code class=\"language-python\">print(&quot;not run&quot;)"))
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8).contains("href=\"basic.html\""))
    }

    @Test func parameterOverridesChangeTheNumbers() throws {
        var builder = try Self.builder("basic")
        builder.book = try BookLoader.load(root: builder.book.root, overrides: ["scale": "10", "count": "4"])
        let result = try #require(builder.executeAll().first)
        #expect(result.inlineValues.map { $0?.text } == ["1.333", "13.33", "10"])
        #expect(
            result.errors.map(\.description) == [
                "\(builder.book.chapters[0].path):22:1: error: claim failed: 1 + 2 + 3 = 6"
            ])
    }

    @Test func overridesForOneChapterLeaveTheOthersAlone() throws {
        let root = try Self.builder("basic").book.root
        let other = URL(fileURLWithPath: root).appendingPathComponent("other.md").path
        let elsewhere = try BookLoader.load(root: root, overrides: ["scale": "10"], overriddenChapter: other)
        let here = try BookLoader.load(
            root: root, overrides: ["scale": "10"], overriddenChapter: root + "/./basic.md")
        #expect(elsewhere.chapters[0].parameters.first { $0.name == "scale" }?.value != "10")
        #expect(here.chapters[0].parameters.first { $0.name == "scale" }?.value == "10")
    }

    @Test func compileErrorNamesTheMarkdownLine() throws {
        let builder = try Self.builder("typo")
        let result = try #require(builder.executeAll().first)
        let path = builder.book.chapters[0].path
        #expect(result.errors.first?.description == "\(path):11:9: error: cannot find 'fien' in scope")
        #expect(result.cells[1].status == .failed)
    }

    @Test func trapNamesTheMarkdownLineAndKeepsEarlierOutput() throws {
        let builder = try Self.builder("trap")
        let result = try #require(builder.executeAll().first)
        let path = builder.book.chapters[0].path
        #expect(result.errors.map(\.description) == ["\(path):7:13: error: Index out of range"])
        #expect(result.cells[0].output == "before the crash\n")
        #expect(result.cells[0].status == .failed)
        #expect(result.cells[1].status == .notRun)
    }
}

@Suite(.serialized) struct ExecutionLimitsTests {
    @Test func errorCellsFailAsExpectedAndLaterCellsStillRun() throws {
        let builder = try EndToEndTests.builder("errors")
        let result = try #require(builder.executeAll().first)
        #expect(result.errors == [])
        #expect(result.cells.map(\.status) == [.succeeded, .failedAsExpected, .failedAsExpected, .succeeded])
        #expect(result.cells[1].error?.contains("cannot convert value of type 'String'") == true)
        #expect(
            result.cells[2].error?.hasSuffix(":16:12: error: Index out of range") == true,
            "\(result.cells[2].error ?? "")")
        // The trapping cell is skipped in the rerun, so its append never happened.
        #expect(result.cells[3].output == "start,after\n")

        // The binary that ran (built without the cell that does not compile) is the one the
        // result names, and reusing the result marks it as used.
        let cache = ResultCache(directory: builder.runner.workDirectory + "/cache")
        let binary = cache.binaryPath(key: try #require(result.binaryKey))
        #expect(FileManager.default.isExecutableFile(atPath: binary))
        let folder = URL(fileURLWithPath: binary).deletingLastPathComponent().path
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: folder)
        #expect(try #require(builder.executeAll().first).cached)
        let used = try FileManager.default.attributesOfItem(atPath: folder)[.modificationDate] as? Date
        #expect((used?.timeIntervalSinceNow ?? -3600) > -60)
    }

    @Test func anErrorCellThatSucceedsFailsTheChapter() throws {
        let root = try BookLoaderTests.folder([
            "book.yml": "title: T\nchapters: [a.md]\n",
            "a.md": "# A\n\n```swift\n//| error: true\nlet fine = 1\n```\n",
        ])
        let result = try #require(try EndToEndTests.builder(root: root).executeAll().first)
        #expect(
            result.errors.map(\.description) == [
                "\(root)/a.md:4:1: error: the cell is marked 'error: true' but ran without an error"
            ])
    }

    @Test func aCellTimeoutStopsItAndLaterCellsDoNotRun() throws {
        let builder = try EndToEndTests.builder("limits")
        let result = try #require(builder.executeAll().first)
        #expect(result.cells.map(\.status) == [.succeeded, .failed, .notRun])
        #expect(result.cells[0].output == "first\n")
        #expect(result.errors.map(\.message) == ["the cell did not finish within its timeout of 1 s"])
        #expect(result.errors.first?.location.line == 8)
    }

    @Test func aCellThatPrintsTooMuchIsStopped() throws {
        let root = try BookLoaderTests.folder([
            "book.yml": "title: T\nchapters: [a.md]\n",
            "a.md": "# A\n\n```swift\nfor i in 0..<100_000 { print(\"line \\(i)\") }\n```\n",
        ])
        var builder = try EndToEndTests.builder(root: root)
        builder.runner.outputLimit = 1000
        let result = try #require(builder.executeAll().first)
        #expect(result.cells[0].status == .failed)
        #expect(result.errors.map(\.message) == ["the cell printed more than 1000 bytes"])
        #expect(result.cells[0].output.utf8.count < 1100)
    }

    @Test func unchangedAndProseEditedChaptersAreReusedButCodeEditsRerun() throws {
        let chapter = "# A\n\nProse.\n\n```swift\nprint(6 * 7)\n```\n\nValue `{swift} 6 * 7`.\n"
        let root = try BookLoaderTests.folder(["book.yml": "title: T\nchapters: [a.md]\n", "a.md": chapter])
        let builder = try EndToEndTests.builder(root: root)
        let first = try #require(builder.executeAll().first)
        #expect(!first.cached && first.cells[0].output == "42\n")
        let second = try #require(builder.executeAll().first)
        #expect(second.cached && second.cells[0].output == "42\n")

        var edited = builder
        try "# A\n\nMore prose,\nover two lines.\n\n```swift\nprint(6 * 7)\n```\n\nValue `{swift} 6 * 7`.\n"
            .write(toFile: root + "/a.md", atomically: true, encoding: .utf8)
        edited.book = try BookLoader.load(root: root)
        let prose = try #require(edited.executeAll().first)
        #expect(prose.cached && prose.inlineValues.first??.text == "42")

        try chapter.replacingOccurrences(of: "6 * 7)", with: "6 * 8)").write(
            toFile: root + "/a.md", atomically: true, encoding: .utf8)
        edited.book = try BookLoader.load(root: root)
        let code = try #require(edited.executeAll().first)
        #expect(!code.cached && code.cells[0].output == "48\n")
    }
}
