import BookKit
import Foundation

/// Prints one line per chapter event to stderr (line-oriented, so CI logs stay readable).
struct ProgressReporter: Sendable {
    func report(_ event: BookBuilder.Event) {
        switch event {
        case .started:
            break
        case .finished(let chapter, let result) where result.cached:
            printError("unchanged \(chapter): results reused")
        case .finished(let chapter, let result):
            let cells = result.cells.filter { $0.status == .succeeded }.count
            let verdict = result.succeeded ? "done" : "FAILED"
            let times = String(format: "compile %.2f s, run %.2f s", result.compileSeconds, result.runSeconds)
            printError("\(verdict) \(chapter): \(cells)/\(result.cells.count) cells, \(times)")
        }
    }
}
