import Foundation
import Testing

@testable import BookKit

/// `mlbook check --seeds N`: a claim that holds for the book's seed but not for every seed is
/// reported as fragile and fails the check.
@Suite struct SeedSweepTests {
    @Test func runZeroIsTheBooksSeedAndTheOthersDiffer() {
        #expect(SeedSweep.seed(base: 7, run: 0) == 7)
        let seeds = (0..<8).map { SeedSweep.seed(base: 7, run: $0) }
        #expect(Set(seeds).count == 8)
        #expect(SeedSweep.seed(base: 7, run: 3) == SeedSweep.seed(base: 7, run: 3))
        #expect(SeedSweep.seed(base: 8, run: 1) != SeedSweep.seed(base: 7, run: 1))
    }

    @Test func claimsAreTalliedByLineAndText() {
        let chapter = Chapter(
            path: "c.md", slug: "c", title: "C", markdown: "", parameters: [], seed: 0, tolerance: nil, cells: [],
            inlineExpressions: [])
        func result(_ claims: [Claim]) -> ChapterResult {
            var cell = CellResult()
            cell.claims = claims
            return ChapterResult(cells: [cell], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0)
        }
        let results = [
            result([Claim(line: 3, text: "a", passed: true, margin: 0.5), Claim(line: 4, text: "b", passed: true)]),
            result([Claim(line: 3, text: "a", passed: true, margin: 0.25), Claim(line: 4, text: "b", passed: false)]),
            result([Claim(line: 3, text: "a", passed: true, margin: 2)]),
        ]
        let tallies = SeedSweep.tally(chapter, results: results, seeds: [0, 11, 12])
        #expect(tallies.map(\.text) == ["a", "b"])
        #expect(tallies[0].held == 3 && tallies[0].failedSeeds.isEmpty && tallies[0].notReached == 0)
        #expect(tallies[0].tightestMargin == 0.25 && tallies[1].tightestMargin == nil)
        #expect(tallies[1].held == 1 && tallies[1].failedSeeds == [11] && tallies[1].notReached == 1)
        let table = SeedSweep.table(tallies, seeds: 3)
        let lines = table.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines[1] == "c.md:3 3/3 +25.0% a", "\(table)")
        #expect(lines[2] == "c.md:4 1/3 ✗ seed 11 (1 not reached) — b", "\(table)")
    }

    /// Runs the `mlbook` built beside the tests; returns its exit status, stdout and stderr.
    static func mlbook(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let run = try MLBookExecutable.run(arguments)
        return (run.status, run.output, run.error)
    }

    @Test func aClaimThatHoldsForTheBooksSeedOnlyFailsTheSweep() throws {
        let chapter = """
            # Seeds

            ```swift
            let seed = ProcessInfo.processInfo.environment["MLBOOK_SEED"] ?? "?"
            expect(seed == "5", "the seed is the book's")
            expect(!seed.isEmpty, "there is a seed")
            expect(Double(seed.count), above: 0.5, "the seed has a digit")
            ```
            """
        let root = try BookLoaderTests.folder([
            "book.yml": "title: T\nchapters: [a.md]\nexecute: { seed: 5 }\n", "a.md": chapter,
        ])
        let work = ["--book", root, "--work-directory", root + "-work"]
        #expect(try Self.mlbook(["check", "--update"] + work).status == 0)
        let single = try Self.mlbook(["check"] + work)
        #expect(single.status == 0 && single.output.hasSuffix("1 passed, 0 failed\n"), "\(single)")
        let sweep = try Self.mlbook(["check", "--seeds", "3"] + work)
        #expect(sweep.status == 1)
        #expect(sweep.output.contains("a.md:5  1/3 ✗ seed "), "\(sweep.output)")
        #expect(sweep.output.contains("a.md:6  3/3"), "\(sweep.output)")
        #expect(sweep.output.contains("a.md:7  3/3") && sweep.output.contains("+100.0%"), "\(sweep.output)")
        #expect(sweep.output.hasSuffix("0 passed, 1 failed\n"))
        let failures = sweep.error.split(separator: "\n").filter { $0.contains("claim failed") }
        #expect(
            failures.count == 2
                && failures.allSatisfy { $0.hasPrefix("\(root)/a.md:5:1: error:") && $0.contains("(seed ") })
    }

    /// A measured value (a time, a speed) can be shown but never asserted on: comparing two
    /// of them does not compile, and the error names the cell's line.
    @Test func aClaimOnMeasuredValuesDoesNotCompile() throws {
        let chapter =
            "# M\n\n```swift\nlet (fast, slow) = (0.5, 1.0)\nexpect(measured(slow) > measured(fast), \"slower\")\n```\n"
        let root = try BookLoaderTests.folder(["book.yml": "title: T\nchapters: [a.md]\n", "a.md": chapter])
        let run = try Self.mlbook(["check", "--book", root, "--work-directory", root + "-work"])
        #expect(run.status == 1)
        #expect(run.error.contains("\(root)/a.md:5:"), "\(run.error)")
        #expect(run.error.contains("error:"))
    }
}
