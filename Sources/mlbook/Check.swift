import ArgumentParser
import BookKit
import Foundation

/// `mlbook check`: re-execute every chapter from scratch and compare with `_freeze/`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-execute every chapter from scratch and compare every number with _freeze/.",
        discussion:
            "Fails on a compile error, a crash, a failed claim or a number that drifted. The last line reads 'N passed, M failed'."
    )

    @OptionGroup var options: BookOptions

    @Flag(help: "Rewrite _freeze/ with the new results instead of comparing (on purpose).")
    var update = false

    @Option(help: "Relative tolerance for numbers (default: the chapter's, then book.yml's).")
    var tolerance: Double?

    func validate() throws {
        if let tolerance, !(tolerance >= 0 && tolerance.isFinite) {
            throw ValidationError("--tolerance must be a finite non-negative number, got \(tolerance)")
        }
    }

    func run() throws {
        do {
            let session = try options.lock()
            defer { session.pruneCache() }
            var builder = try options.builder()
            builder.runner.usesCache = false
            let results = builder.executeAll(progress: ProgressReporter().report)
            if update { try builder.recordFreeze(results: results) }
            let drifts =
                update ? results.map { _ in [Drift]() } : try builder.drifts(results: results, tolerance: tolerance)
            var failed = 0
            for (index, chapter) in builder.book.chapters.enumerated() {
                let result = results[index]
                guard !result.succeeded || !drifts[index].isEmpty else { continue }
                failed += 1
                result.errors.forEach { printError($0.description) }
                if !drifts[index].isEmpty { printError(DriftTable.render(drifts[index])) }
                printError("FAIL \(chapter.path)")
            }
            if update { print("recorded \(results.count - failed) chapter(s) in \(options.book)/_freeze/") }
            print("\(results.count - failed) passed, \(failed) failed")
            if failed > 0 { throw ExitCode.failure }
        } catch let error as BookError {
            fail(error)
        }
    }
}

/// The table `check` prints: where, what, expected, got, relative error.
enum DriftTable {
    static func render(_ drifts: [Drift]) -> String {
        let rows =
            [["where", "what", "expected", "got", "rel. error"]]
            + drifts.map { drift in
                [
                    "\(drift.location.file):\(drift.location.line)", drift.what, drift.expected, drift.actual,
                    drift.relativeError.map { String(format: "%.2e", $0) } ?? "—",
                ]
            }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
