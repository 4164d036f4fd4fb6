import Foundation
import Testing

@testable import BookKit

/// Chapters that misbehave on purpose (`Fixtures/hostile`): each fails cleanly, with one
/// located error, and never hangs or crashes mlbook.
@Suite(.serialized) struct HostileChapterTests {
    /// Every hostile chapter's result by file name, run once for the whole suite.
    static let results: [String: (result: ChapterResult, chapter: Chapter)] = {
        guard var builder = try? EndToEndTests.builder("hostile") else { return [:] }
        builder.jobs = ProcessInfo.processInfo.activeProcessorCount
        let results = builder.executeAll()
        return Dictionary(
            uniqueKeysWithValues: zip(builder.book.chapters, results).map {
                (URL(fileURLWithPath: $0.path).lastPathComponent, ($1, $0))
            })
    }()

    static func result(_ name: String) throws -> (result: ChapterResult, path: String) {
        let (result, chapter) = try #require(results[name], "the hostile fixture book did not build")
        return (result, chapter.path)
    }

    @Test func backgroundProcessesHoldingStdoutDoNotHoldTheRunAndAreKilled() throws {
        let (result, _) = try Self.result("background.md")
        #expect(result.runSeconds < 30, "the run must end when the program ends")
        #expect(result.errors == [])
        for cell in 0..<2 {
            let pid = try #require(Int32(result.cells[cell].output.trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(Self.isGone(pid), "the background sleep of cell \(cell + 1) must be killed")
        }
        #expect(result.cells[2].output == "stdin is /dev/null: true\n")
    }

    /// Whether `pid` has ended (SIGKILL is delivered asynchronously; a zombie runs nothing).
    static func isGone(_ pid: pid_t) -> Bool {
        for _ in 0..<100 {
            let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?
                .split(separator: ")").last?.split(separator: " ").first
            if state == nil || state == "Z" { return true }
            usleep(20_000)
        }
        return false
    }

    @Test func processesACellStartsCannotTalkOnTheResultChannel() throws {
        let (result, _) = try Self.result("nested.md")
        #expect(result.errors == [])
        #expect(result.cells[0].output == "channel: unset\nfd 3 closed\n")
    }

    @Test func aCellThatExitsTheProgramFailsThereAndLaterCellsDoNotRun() throws {
        let (result, path) = try Self.result("exits.md")
        #expect(result.cells.map(\.status) == [.succeeded, .failed, .notRun])
        #expect(
            result.errors.map(\.description) == [
                "\(path):8:1: error: the chapter program ended (exit status 0) before this cell finished: "
                    + "a cell must not exit the program or close its result channel (descriptor 3)"
            ])
    }

    @Test func aCellThatClosesTheChannelFailsThere() throws {
        let (result, path) = try Self.result("closes-channel.md")
        #expect(result.cells.map(\.status) == [.failed, .notRun])
        #expect(result.errors.map(\.location) == [SourceLocation(file: path, line: 4)])
        #expect(result.runSeconds < 30, "a closed channel must not wait for the timeout")
    }

    @Test func printedMarkerTextIsTextNotACellBoundary() throws {
        let (result, _) = try Self.result("spoofs-marker.md")
        #expect(result.errors == [])
        #expect(result.cells[0].output == "\u{1E}mlbook-cell 1\u{1E}\nstill the first cell\nand a line left open")
        #expect(result.cells[1].output == "second\n")
    }

    static let protocolError = "the chapter program broke the result channel's protocol: "

    @Test(arguments: [
        ("bad-cell.md", 0, HostileChapterTests.protocolError + "cell 100, but the chapter has 2 cell(s)"),
        ("garbage.md", 0, "the chapter program sent a result message mlbook cannot read: 'not a message'"),
        ("out-of-order.md", 1, HostileChapterTests.protocolError + "cell 1 finished but was not running"),
    ])
    func anInvalidChannelMessageFailsTheChapterWithOneLine(_ name: String, failingCell: Int, _ message: String) throws {
        let (result, chapter) = try #require(Self.results[name])
        let line = chapter.cells[failingCell].firstLine
        #expect(result.errors.map(\.message) == [message])
        #expect(result.errors.first?.location == SourceLocation(file: chapter.path, line: line))
        #expect(result.cells[failingCell].status == .failed)
        #expect(result.cells.dropFirst(failingCell + 1).allSatisfy { $0.status == .notRun })
    }
}
