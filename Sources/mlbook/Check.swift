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

    @Option(
        help: ArgumentHelp(
            "Run every chapter under this many seeds: the book's own and N - 1 derived from it.",
            discussion: "A claim must hold for every seed; numbers are compared with _freeze/ for the book's seed only."
        ))
    var seeds = 1

    @Option(
        name: .customShort("p"),
        help: "Override a parameter of every chapter that declares it: -p name=value (numbers are then not compared).")
    var parameters: [String] = []

    func validate() throws {
        if let tolerance, !(tolerance >= 0 && tolerance.isFinite) {
            throw ValidationError("--tolerance must be a finite non-negative number, got \(tolerance)")
        }
        guard (1...1000).contains(seeds) else { throw ValidationError("--seeds must be a whole number from 1 to 1000") }
        do {
            _ = try ParameterOverrides.parse(parameters)
        } catch {
            throw ValidationError(error.message)
        }
        if update && (seeds > 1 || !parameters.isEmpty) {
            throw ValidationError("--update records the book's own seed and parameters; drop --seeds and -p")
        }
    }

    func run() throws {
        do {
            let overrides = try ParameterOverrides.parse(parameters)
            let session = try options.lock()
            defer { session.pruneCache() }
            var builder = try options.builder(overrides: overrides)
            try Self.checkDeclared(overrides, in: builder.book)
            builder.runner.usesCache = false
            let report = ProgressReporter().report
            var sweep = [builder.executeAll(progress: report)]
            for run in 1..<seeds { sweep.append(builder.reseeded(run: run).executeAll(progress: report)) }
            let results = sweep[0]
            if update { try builder.recordFreeze(results: results) }
            let drifts =
                update || !overrides.isEmpty
                ? results.map { _ in [Drift]() } : try builder.drifts(results: results, tolerance: tolerance)
            var failed = 0
            for (index, chapter) in builder.book.chapters.enumerated() {
                let runs = sweep.map { $0[index] }
                let seedsOfChapter = (0..<seeds).map { SeedSweep.seed(base: chapter.seed, run: $0) }
                if seeds > 1 {
                    let tallies = SeedSweep.tally(chapter, results: runs, seeds: seedsOfChapter)
                    if !tallies.isEmpty { print(SeedSweep.table(tallies, seeds: seeds)) }
                }
                let failedRuns = runs.indices.filter { !runs[$0].succeeded }
                guard !failedRuns.isEmpty || !drifts[index].isEmpty else { continue }
                failed += 1
                for run in failedRuns {
                    let suffix = run == 0 ? "" : " (seed \(seedsOfChapter[run]))"
                    runs[run].errors.forEach { printError($0.description + suffix) }
                }
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

    /// Throws unless every overridden parameter is declared by some chapter.
    static func checkDeclared(_ overrides: [String: String], in book: Book) throws(BookError) {
        let declared = Set(book.chapters.flatMap { $0.parameters.map(\.name) })
        for name in overrides.keys.sorted() where !declared.contains(name) {
            throw BookError(
                file: book.root + "/book.yml",
                "no chapter declares the parameter '\(name)' (see params: in front matter)")
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
        return TextTable.render(rows)
    }
}
