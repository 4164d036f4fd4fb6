import Testing

@testable import BookKit

@Suite struct DiagnosticsTests {
    @Test func compileErrorsKeepTheChapterLines() {
        let output = """
            chapters/a.md:11:9: error: cannot find 'fien' in scope
            chapters/a.md:11:9: note: did you mean 'fine'?
            /tmp/x/main.swift:3:1: error: something in the prelude
            """
        #expect(
            Diagnostics.compileErrors(output, chapterPath: "chapters/a.md").map(\.description) == [
                "chapters/a.md:11:9: error: cannot find 'fien' in scope"
            ])
    }

    @Test func compileErrorsOutsideTheChapterStillGiveOneLine() {
        let errors = Diagnostics.compileErrors("error: no such module 'Notebook'\n", chapterPath: "a.md")
        #expect(
            errors.map(\.description) == [
                "a.md:1:1: error: the chapter program does not compile: error: no such module 'Notebook'"
            ])
    }

    /// `Fixtures/crash-report.txt` is the stderr of the `trap` fixture's program, recorded on
    /// purpose: the Swift backtracer's JSON report, with the path as debug info records it.
    @Test func crashReportGivesTheMarkdownLineOfTheTrap() throws {
        let report = try String(
            contentsOfFile: EndToEndTests.fixtures.appendingPathComponent("crash-report.txt").path, encoding: .utf8)
        #expect(Diagnostics.trapMessage(report) == "Index out of range")
        let chapter = EndToEndTests.fixtures.appendingPathComponent("trap/trap.md").path
        let location = Diagnostics.crashLocation(report, chapterPath: chapter)
        #expect(location == SourceLocation(file: chapter, line: 7, column: 13))
    }
}
