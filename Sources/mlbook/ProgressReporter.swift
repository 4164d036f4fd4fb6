import BookKit
import Foundation

/// Shows how the chapters are doing. On a terminal: one live line per chapter (compiling →
/// cell k/n → done in t), redrawn in place. Otherwise (CI logs): one plain line per finished
/// chapter, nothing else.
final class ProgressReporter: @unchecked Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var order: [String] = []
    private var lines: [String: String] = [:]
    private var drawn = 0

    func report(_ event: BookBuilder.Event) {
        lock.withLock {
            switch event {
            case .started(let chapter):
                update(chapter, "waiting")
            case .running(let chapter, .compiling):
                update(chapter, "compiling")
            case .running(let chapter, .cellStarted(let index, let count)):
                update(chapter, "cell \(index + 1)/\(count)")
            case .running(_, .text), .running(_, .standardError):
                break
            case .finished(let chapter, let result):
                let line = Self.summary(chapter, result)
                if isTerminal { update(chapter, line) } else { printError(line) }
            }
        }
    }

    private static func summary(_ chapter: String, _ result: ChapterResult) -> String {
        if result.cached { return "unchanged \(chapter): results reused" }
        let cells = result.cells.filter { $0.status == .succeeded || $0.status == .failedAsExpected }.count
        let verdict = result.succeeded ? "done" : "FAILED"
        let times = String(format: "compile %.2f s, run %.2f s", result.compileSeconds, result.runSeconds)
        return "\(verdict) \(chapter): \(cells)/\(result.cells.count) cells, \(times)"
    }

    /// Sets a chapter's line; on a terminal, redraws the block of lines in place.
    private func update(_ chapter: String, _ state: String) {
        if lines[chapter] == nil { order.append(chapter) }
        lines[chapter] =
            state.hasPrefix("done") || state.hasPrefix("FAILED") || state.hasPrefix("unchanged")
            ? state : "\(chapter): \(state)"
        guard isTerminal else { return }
        var text = drawn > 0 ? "\u{1B}[\(drawn)A" : ""
        for name in order { text += "\u{1B}[2K\(lines[name] ?? "")\n" }
        drawn = order.count
        FileHandle.standardError.write(Data(text.utf8))
    }
}
