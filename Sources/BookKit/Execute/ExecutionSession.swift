import Foundation
import NotebookFormat

/// Follows one run of a chapter program: gives stdout to the cell that is current on the
/// result channel, checks and applies the channel's messages, and, when the program ends,
/// explains a crash, a timeout or an early exit at the Markdown line where it happened.
struct ExecutionSession {
    /// What to do after a channel message.
    enum Verdict: Equatable {
        case proceed
        /// The program waits for an acknowledgement (a cell started).
        case acknowledge
        /// Stop the program: the message broke the protocol.
        case stop(String)
    }

    /// Bytes a single channel message may take (a large chart is a few megabytes).
    static let channelLineLimit = 64 << 20

    private let chapter: Chapter
    private var result: ChapterResult
    private let outputLimit: Int
    private let observe: RunObserver?
    /// `error: true` cells this run skips (they failed in an earlier run).
    private let skipped: Set<Int>
    private let start = Date()
    /// The unfinished last line of stdout.
    private var pendingOutput: [UInt8] = []
    private var channelLines = LineBuffer(lineLimit: channelLineLimit)
    private var validator: ChannelValidator
    /// Set once a message broke the protocol: later ones are ignored.
    private var broken = false
    /// The cell that has started and not finished, with its start time since `start`.
    private var runningCell: (index: Int, startedAt: Double)?

    init(chapter: Chapter, result: ChapterResult, outputLimit: Int, skipped: Set<Int> = [], observe: RunObserver?) {
        self.chapter = chapter
        self.result = result
        self.outputLimit = outputLimit
        self.skipped = skipped
        self.observe = observe
        validator = ChannelValidator(chapter: chapter)
    }

    /// Whether the program said hello: it started and its runtime works.
    var programStarted: Bool { validator.greeted }

    /// Whether the program reported its end.
    var programFinished: Bool { validator.finished }

    /// The time limit in force: the chapter's, or the running cell's if it is sooner.
    func deadline(chapterTimeout: Double) -> (seconds: Double, message: String) {
        if let running = runningCell, let cellTimeout = chapter.cells[running.index].options.timeout,
            running.startedAt + cellTimeout < chapterTimeout
        {
            return (
                running.startedAt + cellTimeout,
                "the cell did not finish within its timeout of \(formatSeconds(cellTimeout))"
            )
        }
        return (chapterTimeout, "the chapter did not finish within its timeout of \(formatSeconds(chapterTimeout))")
    }

    /// Takes stdout bytes (whole lines go to the current cell); returns a reason to stop the
    /// program if a cell printed too much. Only the new bytes are searched for a newline, and
    /// an unfinished line is held for at most `outputLimit` bytes.
    mutating func receiveOutput(_ data: Data) -> String? {
        guard let lastNewline = data.lastIndex(of: 0x0A) else {
            pendingOutput.append(contentsOf: data)
            return pendingOutput.count > outputLimit ? flushOutput() : nil
        }
        pendingOutput.append(contentsOf: data[...lastNewline])
        let reason = flushOutput()
        pendingOutput.append(contentsOf: data[data.index(after: lastNewline)...])
        return reason
    }

    /// Takes channel bytes; returns the complete message lines, to apply one by one. A line
    /// longer than `channelLineLimit` is not kept: it comes back as a line that fails to decode.
    mutating func receiveChannel(_ data: Data) -> [Data] {
        channelLines.append(data).map { piece in
            switch piece {
            case .line(let line): line
            case .tooLong: Data("a message longer than \(Self.channelLineLimit) bytes".utf8)
            }
        }
    }

    /// Bytes of stdout and of the channel held for unfinished lines.
    var bufferedByteCount: Int { pendingOutput.count + channelLines.bufferedCount }
    /// The channel reader's work so far (see `LineBuffer.bytesHandled`).
    var channelBytesHandled: Int { channelLines.bytesHandled }

    /// Decodes, checks and applies one channel line.
    mutating func apply(line: Data) -> Verdict {
        guard !broken else { return .proceed }
        guard let message = try? ResultJSON.decoder().decode(ChannelMessage.self, from: line) else {
            broken = true
            return .stop("the chapter program sent a result message mlbook cannot read: \(Self.excerpt(line))")
        }
        // A partial last line printed before a cell starts belongs to the cell before it.
        if case .cellStarted = message, let reason = flushOutput() { return .stop(reason) }
        if let problem = validator.accept(message) {
            broken = true
            return .stop(problem)
        }
        return apply(message)
    }

    /// The result once the program has ended.
    mutating func finish(_ outcome: ChildProcess.Outcome) -> ChapterResult {
        _ = flushOutput()
        let completed = outcome.succeeded && validator.finished
        guard !completed else { return result }
        let message =
            outcome.stopReason ?? Diagnostics.trapMessage(outcome.standardError)
            ?? outcome.signal.map { "the chapter program was killed by signal \($0)" }
            ?? (outcome.exitStatus == 0
                ? earlyExitMessage() : "the chapter program exited with status \(outcome.exitStatus ?? -1)")
        let crashSite = Diagnostics.crashLocation(outcome.standardError, chapterPath: chapter.path)
        if let index = runningCell?.index ?? cellNeverReached(outcome) {
            let location = crashSite ?? SourceLocation(file: chapter.path, line: chapter.cells[index].firstLine)
            let error = BookError(location, message)
            result.cells[index].status = .failed
            result.cells[index].error = error.description
            result.errors.append(error)
        } else {
            result.errors.append(BookError(crashSite ?? SourceLocation(file: chapter.path, line: 1), message))
        }
        return result
    }

    private func earlyExitMessage() -> String {
        if runningCell != nil {
            return "the chapter program ended (exit status 0) before this cell finished: a cell must not "
                + "exit the program or close its result channel (descriptor 3)"
        }
        return "the chapter program ended (exit status 0) before reaching its end"
    }

    /// After a clean exit that came too early between cells: the first cell that should have
    /// run next and did not.
    private func cellNeverReached(_ outcome: ChildProcess.Outcome) -> Int? {
        guard outcome.succeeded else { return nil }
        let after = (validator.lastStarted ?? -1) + 1
        return chapter.cells.indices.first {
            $0 >= after && chapter.cells[$0].options.eval && !skipped.contains($0) && result.cells[$0].status == .notRun
        }
    }

    private mutating func apply(_ message: ChannelMessage) -> Verdict {
        switch message {
        case .hello, .finished:
            break
        case .cellStarted(let cell):
            runningCell = (cell, Date().timeIntervalSince(start))
            observe?(.cellStarted(index: cell, count: chapter.cells.count))
            return .acknowledge
        case .cellFinished(let cell, let seconds):
            result.cells[cell].status = .succeeded
            result.cells[cell].seconds = seconds
            runningCell = nil
        case .inlineValue(let id, let text, let number, let measured):
            result.inlineValues[id] = InlineValue(text: text, number: number, measured: measured)
        case .figure(let cell, let svg, let series):
            result.cells[cell].richOutputs.append(.figure(svg: svg, series: series))
        case .html(let cell, let html, let numbers):
            result.cells[cell].richOutputs.append(.html(html, numbers: numbers))
        case .claim(let cell, let line, let text, let passed, let margin):
            result.cells[cell].claims.append(Claim(line: line, text: text, passed: passed, margin: margin))
            if !passed {
                result.errors.append(BookError(file: chapter.path, line: line, "claim failed: \(text)"))
            }
        }
        return .proceed
    }

    /// Gives a partial last line to the current cell (at a cell boundary and at the end).
    private mutating func flushOutput() -> String? {
        guard !pendingOutput.isEmpty else { return nil }
        defer { pendingOutput.removeAll(keepingCapacity: true) }
        return append(pendingOutput)
    }

    /// Adds text to the current cell (the last one started); a reason to stop if it passes
    /// the limit, when only the bytes up to the limit are kept. Text before the first cell is
    /// not shown.
    private mutating func append(_ bytes: [UInt8]) -> String? {
        guard let cell = validator.lastStarted else { return nil }
        let room = outputLimit - result.cells[cell].output.utf8.count
        guard bytes.count > room else {
            let text = String(decoding: bytes, as: UTF8.self)
            result.cells[cell].output += text
            observe?(.text(cell: cell, text))
            return nil
        }
        if room >= 0 {
            // Cut at a character boundary: never in the middle of a UTF-8 sequence.
            var end = room
            while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            let text = String(decoding: bytes[..<end], as: UTF8.self)
            result.cells[cell].output += text + "\n…"
            observe?(.text(cell: cell, text))
        }
        return "the cell printed more than \(outputLimit) bytes"
    }

    /// The start of an unreadable message, printable and on one line.
    private static func excerpt(_ line: Data) -> String {
        let text = String(decoding: line.prefix(60), as: UTF8.self).map {
            $0.isLetter || $0.isNumber || $0.isPunctuation || $0.isSymbol || $0 == " " ? String($0) : "?"
        }.joined()
        return line.count > 60 ? "'\(text)…'" : "'\(text)'"
    }

    private func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
