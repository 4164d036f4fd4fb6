import Foundation

/// `mlbook check --seeds N`: every chapter runs under N seeds — its own and N − 1 derived
/// from it — and each claim is tallied across them. A claim that holds for one draw of the
/// random numbers only is luck, not a fact the book may state.
public enum SeedSweep {
    /// The seed of sweep run `index` for a chapter whose own seed is `base`: `base` itself for
    /// run 0, then SplitMix64's output for `base + index` (well spread, the same everywhere).
    public static func seed(base: UInt64, run index: Int) -> UInt64 {
        guard index > 0 else { return base }
        var z = base &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One claim across the sweep: where it is, what it says, and for how many seeds it held.
    public struct ClaimTally: Sendable, Equatable {
        public var location: SourceLocation
        public var text: String
        /// Seeds for which the claim was checked and held.
        public var held: Int
        /// Seeds for which the claim was checked and failed, by seed.
        public var failedSeeds: [UInt64]
        /// Seeds for which the claim was never reached (the chapter failed before it).
        public var notReached: Int
        /// For a comparison (`expect(value, above: bound, …)`), its smallest relative margin
        /// over the seeds: how close it came to failing (negative where it failed).
        public var tightestMargin: Double?
    }

    /// The claims of `chapter` tallied over its results under each seed (`results[i]` ran with
    /// `seeds[i]`), in the order they first appear. A claim is identified by its line and text.
    public static func tally(_ chapter: Chapter, results: [ChapterResult], seeds: [UInt64]) -> [ClaimTally] {
        var tallies: [ClaimTally] = []
        var index: [String: Int] = [:]
        for (result, seed) in zip(results, seeds) {
            for claim in result.cells.flatMap(\.claims) {
                let key = "\(claim.line)\u{0}\(claim.text)"
                if index[key] == nil {
                    index[key] = tallies.count
                    tallies.append(
                        ClaimTally(
                            location: SourceLocation(file: chapter.path, line: claim.line), text: claim.text, held: 0,
                            failedSeeds: [], notReached: 0, tightestMargin: nil))
                }
                if let margin = claim.margin {
                    tallies[index[key]!].tightestMargin = min(tallies[index[key]!].tightestMargin ?? margin, margin)
                }
                if claim.passed {
                    tallies[index[key]!].held += 1
                } else {
                    tallies[index[key]!].failedSeeds.append(seed)
                }
            }
        }
        for position in tallies.indices {
            tallies[position].notReached = results.count - tallies[position].held - tallies[position].failedSeeds.count
        }
        return tallies
    }

    /// The claims table `check --seeds N` prints: where, how many seeds it held for, the
    /// tightest margin of a comparison, and the claim.
    public static func table(_ tallies: [ClaimTally], seeds: Int) -> String {
        let rows =
            [["where", "held", "margin", "claim"]]
            + tallies.map { tally in
                var held = "\(tally.held)/\(seeds)"
                if !tally.failedSeeds.isEmpty {
                    held += " ✗ seed " + tally.failedSeeds.map(String.init).joined(separator: ", ")
                }
                if tally.notReached > 0 { held += " (\(tally.notReached) not reached)" }
                let margin = tally.tightestMargin.map { String(format: "%+.1f%%", $0 * 100) } ?? "—"
                return ["\(tally.location.file):\(tally.location.line)", held, margin, tally.text]
            }
        return TextTable.render(rows)
    }
}

extension BookBuilder {
    /// This builder with every chapter reseeded for sweep run `index` (`SeedSweep.seed`); run 0
    /// is the book itself.
    public func reseeded(run index: Int) -> BookBuilder {
        var copy = self
        for position in copy.book.chapters.indices {
            copy.book.chapters[position].seed = SeedSweep.seed(base: book.chapters[position].seed, run: index)
        }
        return copy
    }
}
