import Foundation
import NotebookFormat

/// Follows one run of a chapter program: splits its stdout into cells at the marker lines,
/// applies its channel messages, and, when it ends, explains a crash or timeout at the
/// Markdown line where it happened.
struct ExecutionSession {
    private let chapter: Chapter
    private var result: ChapterResult
    private let outputLimit: Int
    private let observe: RunObserver?
    private let start = Date()
    private var pendingOutput = Data()
    private var pendingChannel = Data()
    /// The cell that owns stdout now (set by marker lines).
    private var outputCell: Int?
    /// The cell that has started and not finished, with its start time since `start`.
    private var runningCell: (index: Int, startedAt: Double)?

    init(chapter: Chapter, result: ChapterResult, outputLimit: Int, observe: RunObserver?) {
        self.chapter = chapter
        self.result = result
        self.outputLimit = outputLimit
        self.observe = observe
    }

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

    /// Takes stdout bytes; returns a reason to stop the program if a cell printed too much.
    mutating func receiveOutput(_ data: Data) -> String? {
        pendingOutput.append(data)
        while let newline = pendingOutput.firstIndex(of: 0x0A) {
            let line = String(decoding: pendingOutput[pendingOutput.startIndex..<newline], as: UTF8.self)
            pendingOutput.removeSubrange(pendingOutput.startIndex...newline)
            if let cell = CellMarker.cell(in: Substring(line)) {
                outputCell = cell
            } else if let reason = append(line + "\n") {
                return reason
            }
        }
        return nil
    }

    /// Takes channel bytes and applies every complete message.
    mutating func receiveChannel(_ data: Data) {
        pendingChannel.append(data)
        while let newline = pendingChannel.firstIndex(of: 0x0A) {
            let line = pendingChannel[pendingChannel.startIndex..<newline]
            pendingChannel.removeSubrange(pendingChannel.startIndex...newline)
            if let message = try? ResultJSON.decoder().decode(ChannelMessage.self, from: Data(line)) {
                apply(message)
            }
        }
    }

    /// The result once the program has ended.
    mutating func finish(_ outcome: ChildProcess.Outcome) -> ChapterResult {
        if !pendingOutput.isEmpty {
            _ = append(String(decoding: pendingOutput, as: UTF8.self))
            pendingOutput.removeAll()
        }
        guard !outcome.succeeded else { return result }
        let message =
            outcome.stopReason ?? Diagnostics.trapMessage(outcome.standardError)
            ?? outcome.signal.map { "the chapter program was killed by signal \($0)" }
            ?? "the chapter program exited with status \(outcome.exitStatus ?? -1)"
        let crashSite = Diagnostics.crashLocation(outcome.standardError, chapterPath: chapter.path)
        if let running = runningCell {
            let location = crashSite ?? SourceLocation(file: chapter.path, line: chapter.cells[running.index].firstLine)
            let error = BookError(location, message)
            result.cells[running.index].status = .failed
            result.cells[running.index].error = error.description
            result.errors.append(error)
        } else {
            result.errors.append(BookError(crashSite ?? SourceLocation(file: chapter.path, line: 1), message))
        }
        return result
    }

    private mutating func apply(_ message: ChannelMessage) {
        switch message {
        case .cellStarted(let cell):
            runningCell = (cell, Date().timeIntervalSince(start))
            observe?(.cellStarted(index: cell, count: chapter.cells.count))
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
        case .claim(let cell, let line, let text, let passed):
            result.cells[cell].claims.append(Claim(line: line, text: text, passed: passed))
            if !passed {
                result.errors.append(BookError(file: chapter.path, line: line, "claim failed: \(text)"))
            }
        }
    }

    /// Adds text to the cell that owns stdout; a reason to stop if it passes the limit.
    private mutating func append(_ text: String) -> String? {
        guard let cell = outputCell, result.cells.indices.contains(cell) else { return nil }
        result.cells[cell].output += text
        observe?(.text(cell: cell, text))
        if result.cells[cell].output.utf8.count > outputLimit {
            result.cells[cell].output = String(result.cells[cell].output.prefix(outputLimit)) + "\n…"
            return "the cell printed more than \(outputLimit) bytes"
        }
        return nil
    }

    private func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
