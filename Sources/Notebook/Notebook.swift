import Foundation
import NeuralKit
import NotebookFormat

/// The runtime of a chapter program. mlbook's generated `main.swift` calls these around the
/// author's cells; cells themselves use `show`, `expect` and `params`.
public enum Notebook {
    nonisolated(unsafe) private static var channel: Int32 = -1
    nonisolated(unsafe) private static var acknowledgements: Int32 = -1
    nonisolated(unsafe) private static var currentCell = 0
    nonisolated(unsafe) private static var cellStart: DispatchTime = .now()
    nonisolated(unsafe) private static var parameterValues: [String: String] = [:]
    nonisolated(unsafe) private static var skippedCells: Set<Int> = []

    /// Reads the environment mlbook set: channel descriptor, parameters and seed; seeds the
    /// engine's default generator. (The generated program makes stdout line-buffered itself,
    /// so text printed before a crash is not lost.)
    public static func start() {
        let environment = ProcessInfo.processInfo.environment
        if let parent = environment[ChapterContract.Environment.parentProcess].flatMap(pid_t.init) {
            ParentWatch.stopWithParent(parent)
        }
        channel = environment[ChapterContract.Environment.channel].flatMap(Int32.init) ?? -1
        acknowledgements = environment[ChapterContract.Environment.acknowledgement].flatMap(Int32.init) ?? -1
        // The channel is this program's alone: processes a cell starts neither inherit it
        // nor find its variables (a nested chapter program would talk on it).
        for descriptor in [channel, acknowledgements] where descriptor >= 0 {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        unsetenv(ChapterContract.Environment.channel)
        unsetenv(ChapterContract.Environment.acknowledgement)
        unsetenv(ChapterContract.Environment.parentProcess)
        ProgressDisplay.drawsWithoutTerminal = environment[ChapterContract.Environment.progress] == "1"
        send(.hello(version: ChapterContract.version))
        if let json = environment[ChapterContract.Environment.parameters]?.data(using: .utf8),
            let values = try? JSONDecoder().decode([String: String].self, from: json)
        {
            parameterValues = values
        }
        RandomGenerator.seedGlobal(environment[ChapterContract.Environment.seed].flatMap(UInt64.init) ?? 0)
        skippedCells = Set(
            (environment[ChapterContract.Environment.skippedCells] ?? "").split(separator: ",").compactMap { Int($0) })
    }

    /// Whether an `error: true` cell should run (not when an earlier run saw it fail).
    ///
    /// - Parameter index: The cell's number in the chapter, from 0.
    /// - Returns: `false` when mlbook asked to skip the cell.
    public static func shouldRun(_ index: Int) -> Bool {
        !skippedCells.contains(index)
    }

    /// Marks the start of cell `index`: everything printed so far is flushed, and the cell
    /// runs once mlbook has acknowledged (so that text counts for the cells before it).
    ///
    /// - Parameter index: The cell's number in the chapter, from 0.
    public static func beginCell(_ index: Int) {
        fflush(nil)
        currentCell = index
        send(.cellStarted(cell: index))
        awaitAcknowledgement()
        cellStart = .now()
    }

    /// Marks the normal end of cell `index`.
    ///
    /// - Parameter index: The cell's number in the chapter, from 0.
    public static func endCell(_ index: Int) {
        fflush(nil)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - cellStart.uptimeNanoseconds) / 1e9
        send(.cellFinished(cell: index, seconds: seconds))
    }

    /// Marks the normal end of the program: exiting before this is a failure.
    public static func finish() {
        fflush(nil)
        send(.finished)
    }

    /// Evaluates inline value `id` and reports its text (numbers with 4 significant digits).
    ///
    /// - Parameters:
    ///   - id: The inline expression's number in the chapter.
    ///   - value: Evaluates the expression.
    public static func inline(_ id: Int, _ value: () -> Any) {
        let (text, number, measured) = InlineFormat.format(value())
        send(.inlineValue(id: id, text: text, number: number, measured: measured))
    }

    /// The value of parameter `name`, as typed by the front matter.
    ///
    /// - Parameter name: The parameter's name in the front matter.
    /// - Returns: Its value for this run: the default or the `-p name=value` override.
    public static func parameter<Value: LosslessStringConvertible>(_ name: String) -> Value {
        guard let text = parameterValues[name], let value = Value(text) else {
            fatalError("parameter '\(name)' is missing or is not a \(Value.self)")
        }
        return value
    }

    /// Reports rich output of the current cell.
    static func sendFigure(svg: String, series: [SeriesRecord]) {
        send(.figure(cell: currentCell, svg: svg, series: series))
    }

    static func sendHTML(_ html: String, numbers: [Double]) {
        send(.html(cell: currentCell, html: html, numbers: numbers))
    }

    static func sendClaim(line: Int, text: String, passed: Bool, margin: Double? = nil) {
        send(.claim(cell: currentCell, line: line, text: text, passed: passed, margin: margin))
    }

    /// Waits for mlbook's one-byte acknowledgement; if mlbook is gone, there is no one to
    /// report to, so the program stops.
    private static func awaitAcknowledgement() {
        guard channel >= 0, acknowledgements >= 0 else { return }
        var byte: UInt8 = 0
        while true {
            let count = read(acknowledgements, &byte, 1)
            if count == 1 { return }
            if count < 0 && errno == EINTR { continue }
            exit(70)
        }
    }

    /// Writes one JSON line to the channel (all of it, even if the pipe takes it in parts).
    private static func send(_ message: ChannelMessage) {
        guard channel >= 0, var data = try? ResultJSON.encoder().encode(message) else { return }
        data.append(0x0A)
        // A channel a cell closed is gone: stop reporting (and waiting for acknowledgements).
        if !writeAll(data, to: channel) { channel = -1 }
    }
}
