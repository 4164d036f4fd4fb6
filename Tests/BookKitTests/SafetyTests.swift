import Foundation
import Testing

@testable import BookKit

/// Nothing good is lost: the site is swapped in whole, interrupted builds are recovered,
/// and two builds never share the work folder at once.
@Suite struct SafetyTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlbook-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aNewSiteReplacesTheOldOneWhole() throws {
        let folder = try Self.temporaryFolder()
        let output = folder.appendingPathComponent("output").path
        try SiteWriter(outputDirectory: output).replaceSite(with: ["a.html": "old", "stale.html": "x"])
        try SiteWriter(outputDirectory: output).replaceSite(with: ["a.html": "new"])
        #expect(try String(contentsOfFile: output + "/a.html", encoding: .utf8) == "new")
        #expect(!FileManager.default.fileExists(atPath: output + "/stale.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["output"])
    }

    @Test func aBuildKilledMidSwapGetsTheOldSiteBack() throws {
        let folder = try Self.temporaryFolder()
        let output = folder.appendingPathComponent("output")
        // The state a build killed between its two renames leaves: no output, a retired site
        // and a half-written staging folder.
        let retired = folder.appendingPathComponent(".output.old-12345")
        try FileManager.default.createDirectory(at: retired, withIntermediateDirectories: true)
        try "good".write(to: retired.appendingPathComponent("a.html"), atomically: true, encoding: .utf8)
        try "".write(to: retired.appendingPathComponent(OutputFolder.markName), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".output.partial-12345"), withIntermediateDirectories: true)
        #expect(throws: BookError.self) {
            // A failing write (a file where a folder must go) leaves the recovered site alone.
            try SiteWriter(outputDirectory: output.path).replaceSite(with: ["sub/a.html": "new"])
        }
        #expect(try String(contentsOf: output.appendingPathComponent("a.html"), encoding: .utf8) == "good")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["output"])
    }

    @Test func anOutputPathThatIsAFileIsAnErrorAndStaysAFile() throws {
        let folder = try Self.temporaryFolder()
        let output = folder.appendingPathComponent("output").path
        try "not a folder".write(toFile: output, atomically: true, encoding: .utf8)
        #expect(throws: BookError(file: output, "the output path exists and is not a folder")) {
            try SiteWriter(outputDirectory: output).replaceSite(with: ["a.html": "x"])
        }
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "not a folder")
    }

    @Test func aSecondBuildWaitsForTheFirst() throws {
        let folder = try Self.temporaryFolder().path
        var first: BuildLock? = try BuildLock(directory: folder) { Issue.record("the first build should not wait") }
        let waited = LockedArray<Bool>(repeating: false, count: 1)
        let acquired = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let second = try? BuildLock(directory: folder) { waited[0] = true }
            _ = withExtendedLifetime(second) { acquired.signal() }
        }
        #expect(acquired.wait(timeout: .now() + 0.3) == .timedOut, "the second build must wait")
        #expect(waited[0])
        first = nil
        #expect(acquired.wait(timeout: .now() + 5) == .success)
        withExtendedLifetime(first) {}
    }
}
