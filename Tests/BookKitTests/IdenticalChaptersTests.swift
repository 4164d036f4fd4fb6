import Foundation
import Testing

@testable import BookKit

/// Chapters whose programs are identical — prefaces and appendices without code, or two
/// chapters with the same cells — share one cached binary: one compile, the others wait for
/// it, and no two compiles ever write the same file.
@Suite struct IdenticalChaptersTests {
    @Test func aBookOfIdenticalChaptersBuildsFiftyTimesInARow() throws {
        // Each round starts from an empty cache, so each round compiles.
        var files = ["book.yml": "title: T\nchapters: [a.md, b.md, c.md, d.md, e.md]\n"]
        for name in ["a", "b", "c", "d", "e"] { files["\(name).md"] = "# Preface \(name)\n\nNo code here.\n" }
        let root = try BookLoaderTests.folder(files)
        var failures: [String] = []
        for round in 0..<50 {
            let work = root + "-work-\(round)"
            let run = try SeedSweepTests.mlbook([
                "build", "--book", root, "--output", root + "-site", "--work-directory", work, "--jobs", "4",
            ])
            if run.status != 0 { failures.append("round \(round): \(run.error)") }
            try? FileManager.default.removeItem(atPath: work)
        }
        #expect(failures.isEmpty, "\(failures.count) of 50 builds failed; first: \(failures.first ?? "")")
        let site = try FileManager.default.contentsOfDirectory(atPath: root + "-site")
        #expect(["a", "b", "c", "d", "e"].allSatisfy { site.contains("\($0).html") })
    }
}
