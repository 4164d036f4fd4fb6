import Foundation
import NotebookFormat
import Testing

@testable import BookKit

/// Inputs that used to take mlbook quadratic time or unbounded memory: each is handled in
/// time linear in its size (these took 17–48 s before) and keeps no more than its cap. The
/// channel reader's work is counted (`LineBuffer.bytesHandled`) and bounded by a multiple of
/// the bytes received, so these tests need no clock and hold on a loaded machine.
@Suite struct LinearTimeTests {
    static func seconds(_ work: () -> Void) -> Double {
        let start = Date()
        work()
        return Date().timeIntervalSince(start)
    }

    /// A session whose first cell has started, as after `hello` and `cellStarted`.
    static func runningSession(outputLimit: Int = 1 << 20) -> ExecutionSession {
        let chapter = ChannelValidatorTests.chapter
        let empty = ChapterResult(
            cells: chapter.cells.map { _ in CellResult() }, inlineValues: [nil], errors: [], compileSeconds: 0,
            runSeconds: 0)
        var session = ExecutionSession(chapter: chapter, result: empty, outputLimit: outputLimit, observe: nil)
        for message in [ChannelValidatorTests.hello, .cellStarted(cell: 0)] {
            let line = try! ResultJSON.encoder().encode(message)
            _ = session.apply(line: line)
        }
        return session
    }

    @Test func aSixteenMegabyteChannelLineIsReadInLinearTime() {
        var session = Self.runningSession()
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 65536)
        var lines: [Data] = []
        for _ in 0..<256 { lines += session.receiveChannel(chunk) }
        lines += session.receiveChannel(Data("\n{}\n".utf8))
        #expect(lines.map(\.count) == [16 << 20, 2])
        // Rescanning the unfinished line on every chunk would handle 128 times the bytes.
        #expect(session.channelBytesHandled <= 4 * (16 << 20) + 64)
    }

    /// A scatter chart of 100,000 points: its SVG (about 8 MB) and series arrive as one
    /// message (17 s before, most of it rescanning the line).
    @Test func aFigureOfAHundredThousandPointsIsReadAndAppliedQuickly() throws {
        var session = Self.runningSession()
        let svg = String(
            repeating: "<circle cx=\"12.3\" cy=\"45.6\" r=\"3.5\" fill=\"var(--chart-1)\"/>", count: 100_000)
        let values = (0..<100_000).map { Double($0) / 7 }
        let message = ChannelMessage.figure(
            cell: 0, svg: svg,
            series: [SeriesRecord(name: "p.x", values: values), SeriesRecord(name: "p.y", values: values)])
        let bytes = try ResultJSON.encoder().encode(message) + Data("\n".utf8)
        var verdicts: [ExecutionSession.Verdict] = []
        for offset in stride(from: 0, to: bytes.count, by: 65536) {
            for line in session.receiveChannel(bytes[offset..<min(offset + 65536, bytes.count)]) {
                verdicts.append(session.apply(line: line))
            }
        }
        #expect(verdicts == [.proceed])
        #expect(session.channelBytesHandled <= 4 * bytes.count)
    }

    @Test func manyShortChannelLinesInOneChunkAreReadInLinearTime() {
        var session = Self.runningSession()
        let chunk = Data(String(repeating: "{}\n", count: 1 << 20).utf8)
        let count = session.receiveChannel(chunk).count
        #expect(count == 1 << 20)
        #expect(session.channelBytesHandled <= 4 * chunk.count)
    }

    @Test func aChannelLineOverItsLimitIsDroppedAsItComesNotKept() {
        var session = Self.runningSession()
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        var lines: [Data] = []
        for _ in 0..<(ExecutionSession.channelLineLimit >> 20) + 8 { lines += session.receiveChannel(chunk) }
        #expect(session.bufferedByteCount <= ExecutionSession.channelLineLimit + chunk.count)
        lines += session.receiveChannel(Data("\n{}\n".utf8))
        #expect(lines.count == 2 && lines.last == Data("{}".utf8))
        #expect(String(decoding: lines[0], as: UTF8.self).contains("longer than"))
    }

    /// Text with no newline, in characters of three UTF-8 bytes: the cap counts bytes.
    @Test func outputWithoutNewlinesIsCappedInBytes() {
        var session = Self.runningSession(outputLimit: 1 << 20)
        let chunk = Data(String(repeating: "损", count: 40_000).utf8)
        var reason: String?
        for _ in 0..<100 where reason == nil { reason = session.receiveOutput(chunk) }
        #expect(reason?.contains("more than") == true)
        #expect(session.bufferedByteCount <= (1 << 20) + chunk.count)
        let result = session.finish(ChildProcess.Outcome(exitStatus: 0, stopReason: reason, standardError: ""))
        let kept = result.cells[0].output.utf8.count
        #expect(kept <= (1 << 20) + 4 && kept > (1 << 20) - 4)
    }

    @Test func stderrKeepsOnlyItsTail() {
        var tail = TailBuffer(limit: 1 << 20)
        let chunk = Data(repeating: UInt8(ascii: "e"), count: 65536)
        for _ in 0..<1024 {
            tail.append(chunk)
            #expect(tail.heldCount <= 2 << 20)
        }
        tail.append(Data("{\"crash\": true}".utf8))
        #expect(tail.tail.count == 1 << 20)
        #expect(String(decoding: tail.tail.suffix(15), as: UTF8.self) == "{\"crash\": true}")
    }

    /// 64 MB on a real process's stderr: the outcome keeps the last 4 MB, ending with what was
    /// written last (where the backtracer's report is).
    @Test func aChildsStderrKeepsItsEnd() throws {
        let process = ChildProcess(
            executable: "/bin/sh", arguments: ["-c", "head -c 67108864 /dev/zero >&2; echo '{\"crash\": 1}' >&2"])
        let outcome = try process.run(deadline: { (30, "too slow") }, standardOutput: { _ in })
        #expect(outcome.exitStatus == 0)
        #expect(outcome.standardError.utf8.count == ChildProcess.standardErrorLimit)
        #expect(outcome.standardError.hasSuffix("{\"crash\": 1}\n"))
    }

    /// 1.6 MB of prose with a formula in every sentence (48 s before, in `restore`).
    @Test func restoringMathIsLinear() {
        let sentence = "损失（$L = \\sum_i (y_i - \\hat y_i)^2$）下降，$$\\nabla L$$ 也随之变小。"
        let markdown = (0..<400).map { _ in String(repeating: sentence, count: 50) }.joined(separator: "\n\n")
        let (protected, spans) = MathProtector.protect(markdown)
        let html = MarkdownDocument(protected).html()
        var page = ""
        let elapsed = Self.seconds { page = MathProtector.restore(html, spans: spans) { _ in "<math/>" } }
        #expect(spans.count == 40_000)
        #expect(!page.contains(MathProtector.placeholderPrefix))
        #expect(elapsed < 5)
    }
}
