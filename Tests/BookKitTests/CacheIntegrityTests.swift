import Foundation
import Testing

@testable import BookKit

/// What the cache holds is used only when it is what mlbook stored: an edited result runs the
/// chapter again, and a damaged binary is compiled again.
@Suite(.serialized) struct CacheIntegrityTests {
    static func builtOnce() throws -> (BookBuilder, ResultCache) {
        let root = try BookLoaderTests.folder([
            "book.yml": "title: T\nchapters: [a.md]\n", "a.md": "# A\n\n```swift\nprint(6 * 7)\n```\n",
        ])
        let builder = try EndToEndTests.builder(root: root)
        let first = try #require(builder.executeAll().first)
        #expect(first.errors == [] && !first.cached)
        return (builder, ResultCache(directory: builder.runner.workDirectory + "/cache"))
    }

    static func files(in folder: String) -> [String] {
        let paths = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return paths.map { folder + "/" + $0 }
    }

    @Test func anEditedCachedResultIsNotPublished() throws {
        let (builder, cache) = try Self.builtOnce()
        let stored = try #require(Self.files(in: cache.directory + "/results").first)
        let text = try String(contentsOfFile: stored, encoding: .utf8)
        try text.replacingOccurrences(of: "42", with: "43").write(toFile: stored, atomically: true, encoding: .utf8)
        let second = try #require(builder.executeAll().first)
        #expect(!second.cached, "an edited result must not be reused")
        #expect(second.cells[0].output == "42\n")
        #expect(try #require(builder.executeAll().first).cached, "the rerun stores a good result again")
    }

    @Test(arguments: [false, true])
    func aDamagedCachedBinaryIsCompiledAgain(noCache: Bool) throws {
        var (builder, cache) = try Self.builtOnce()
        let binary = try #require(Self.files(in: cache.directory + "/binaries").first { $0.hasSuffix("/chapter") })
        try Data("#!/bin/false\n".utf8).write(to: URL(fileURLWithPath: binary))
        builder.runner.usesCache = false
        builder.runner.reusesBinaries = !noCache
        let rerun = try #require(builder.executeAll().first)
        #expect(rerun.errors == [])
        #expect(rerun.cells[0].output == "42\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: binary)).count > 1000, "the binary was rebuilt")
    }
}
