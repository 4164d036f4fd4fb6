import Foundation
import Testing

@testable import BookKit

/// The cache stays within its limit by dropping the least recently used entries, and never
/// drops what the current command used.
@Suite struct ResultCacheTests {
    /// A cache folder holding `entries` (name → bytes and minutes since last use); binaries are
    /// folders under `binaries/`, results files under `results/`.
    /// A short entry name made real: `binaries/old` → `binaries/<32 hex digits>`,
    /// `results/a.json` → `results/a-<32 hex digits>.json`.
    static func real(_ name: String) -> String {
        var hash = ContentHash()
        hash.combine(name)
        if name.hasPrefix("binaries/") { return "binaries/" + hash.hex }
        return String(name.dropLast(5)) + "-" + hash.hex + ".json"
    }

    func makeCache(_ entries: [String: (bytes: Int, minutesAgo: Double)], realNames: Bool = true) throws
        -> ResultCache
    {
        let root = try SafetyTests.temporaryFolder().appendingPathComponent("cache").path
        let manager = FileManager.default
        for (short, entry) in entries {
            let name = realNames ? Self.real(short) : short
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

    /// The entries left, by their short names (real names that no short name makes stay as
    /// they are).
    func remaining(_ cache: ResultCache, of shortNames: [String] = []) -> Set<String> {
        let shortByReal = Dictionary(uniqueKeysWithValues: shortNames.map { (Self.real($0), $0) })
        var names: Set<String> = []
        for folder in ["binaries", "results"] {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: cache.directory + "/" + folder)) ?? []
            for entry in entries {
                let name = folder + "/" + entry
                names.insert(shortByReal[name] ?? name)
            }
        }
        return names
    }

    @Test func theLeastRecentlyUsedEntriesGoUntilTheCacheFits() throws {
        let cache = try makeCache([
            "binaries/old": (300, 50), "binaries/recent": (300, 5), "results/oldest.json": (200, 90),
            "results/current.json": (200, 0.1),
        ])
        let removed = cache.prune(toBytes: 600, protectedSince: Date(timeIntervalSinceNow: -60))
        #expect(
            remaining(cache, of: ["binaries/old", "binaries/recent", "results/oldest.json", "results/current.json"])
                == ["binaries/recent", "results/current.json"])
        #expect(removed.entries == 2 && removed.bytes == 500)
    }

    @Test func whatTheCurrentCommandUsedStaysEvenOverTheLimit() throws {
        let cache = try makeCache(["binaries/a": (500, 1), "results/a.json": (500, 1), "results/b.json": (10, 30)])
        let removed = cache.prune(toBytes: 100, protectedSince: Date(timeIntervalSinceNow: -600))
        #expect(
            remaining(cache, of: ["binaries/a", "results/a.json", "results/b.json"]) == ["binaries/a", "results/a.json"])
        #expect(removed.entries == 1)
    }

    @Test func aCacheWithinItsLimitIsLeftAlone() throws {
        let cache = try makeCache(["binaries/a": (100, 100), "results/a.json": (100, 100)])
        #expect(cache.prune(toBytes: 1000, protectedSince: Date()).entries == 0)
        #expect(remaining(cache).count == 2)
    }

    @Test func usingAnEntryMakesItRecent() throws {
        let cache = try makeCache(["binaries/a": (10, 100), "results/a.json": (10, 100)])
        cache.markUsed(cache.directory + "/" + Self.real("binaries/a") + "/chapter")
        cache.markUsed(cache.directory + "/" + Self.real("results/a.json"))
        for entry in [Self.real("binaries/a"), Self.real("results/a.json")] {
            let used = try FileManager.default.attributesOfItem(atPath: cache.directory + "/" + entry)[
                .modificationDate]
            #expect(((used as? Date)?.timeIntervalSinceNow ?? -1000) > -60, "\(entry)")
        }
    }

    @Test func filesTheCacheDidNotNameAreNeverPruned() throws {
        let cache = try makeCache(
            ["binaries/mine": (500, 100), "results/notes.json": (500, 100), "results/a.txt": (500, 100)],
            realNames: false)
        #expect(cache.prune(toBytes: 0, protectedSince: Date()).entries == 0)
        #expect(remaining(cache) == ["binaries/mine", "results/notes.json", "results/a.txt"])
    }
}
