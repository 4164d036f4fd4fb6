import Foundation
import Testing

@testable import BookKit

/// The cache stays within its limit by dropping the least recently used entries, and never
/// drops what the current command used.
@Suite struct ResultCacheTests {
    /// A cache folder holding `entries` (name → bytes and minutes since last use); binaries are
    /// folders under `binaries/`, results files under `results/`.
    func makeCache(_ entries: [String: (bytes: Int, minutesAgo: Double)]) throws -> ResultCache {
        let root = try SafetyTests.temporaryFolder().appendingPathComponent("cache").path
        let manager = FileManager.default
        for (name, entry) in entries {
            let isBinary = name.hasPrefix("binaries/")
            let path = root + "/" + name
            let file = isBinary ? path + "/chapter" : path
            try manager.createDirectory(
                atPath: URL(fileURLWithPath: file).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try Data(repeating: 7, count: entry.bytes).write(to: URL(fileURLWithPath: file))
            try manager.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -60 * entry.minutesAgo)], ofItemAtPath: path)
        }
        return ResultCache(directory: root)
    }

    func remaining(_ cache: ResultCache) -> Set<String> {
        let manager = FileManager.default
        return Set(
            ["binaries", "results"].flatMap { folder in
                ((try? manager.contentsOfDirectory(atPath: cache.directory + "/" + folder)) ?? []).map {
                    folder + "/" + $0
                }
            })
    }

    @Test func theLeastRecentlyUsedEntriesGoUntilTheCacheFits() throws {
        let cache = try makeCache([
            "binaries/old": (300, 50), "binaries/recent": (300, 5), "results/oldest.json": (200, 90),
            "results/current.json": (200, 0.1),
        ])
        let removed = cache.prune(toBytes: 600, protectedSince: Date(timeIntervalSinceNow: -60))
        #expect(remaining(cache) == ["binaries/recent", "results/current.json"])
        #expect(removed.entries == 2 && removed.bytes == 500)
    }

    @Test func whatTheCurrentCommandUsedStaysEvenOverTheLimit() throws {
        let cache = try makeCache(["binaries/a": (500, 1), "results/a.json": (500, 1), "results/b.json": (10, 30)])
        let removed = cache.prune(toBytes: 100, protectedSince: Date(timeIntervalSinceNow: -600))
        #expect(remaining(cache) == ["binaries/a", "results/a.json"])
        #expect(removed.entries == 1)
    }

    @Test func aCacheWithinItsLimitIsLeftAlone() throws {
        let cache = try makeCache(["binaries/a": (100, 100), "results/a.json": (100, 100)])
        #expect(cache.prune(toBytes: 1000, protectedSince: Date()).entries == 0)
        #expect(remaining(cache).count == 2)
    }

    @Test func usingAnEntryMakesItRecent() throws {
        let cache = try makeCache(["binaries/a": (10, 100), "results/a.json": (10, 100)])
        cache.markUsed(cache.directory + "/binaries/a/chapter")
        cache.markUsed(cache.directory + "/results/a.json")
        for entry in ["binaries/a", "results/a.json"] {
            let used = try FileManager.default.attributesOfItem(atPath: cache.directory + "/" + entry)[
                .modificationDate]
            #expect(((used as? Date)?.timeIntervalSinceNow ?? -1000) > -60, "\(entry)")
        }
    }
}
