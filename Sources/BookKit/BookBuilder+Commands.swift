import Foundation

/// The flows the command-line tool runs, so that its commands only parse arguments and print.
extension BookBuilder {
    /// How `buildSite` ended.
    public enum SiteOutcome: Sendable {
        /// The site was written; the rendering warnings.
        case written(warnings: [BookWarning])
        /// Some chapter failed; the site was left as it was.
        case failed(errors: [BookError])
    }

    /// Runs every chapter and, if none failed, writes the site into `outputDirectory` (after
    /// recording `_freeze/` when `recordsFreeze`). On a failure nothing is written: the last
    /// good site and freeze records stay.
    public func buildSite(
        to outputDirectory: String, recordsFreeze: Bool, progress: @escaping @Sendable (Event) -> Void = { _ in }
    ) throws(BookError) -> SiteOutcome {
        try checkOutput(outputDirectory)
        let results = executeAll(progress: progress)
        let errors = results.flatMap(\.errors)
        guard errors.isEmpty else { return .failed(errors: errors) }
        if recordsFreeze { try recordFreeze(results: results) }
        return .written(warnings: try writeSite(results: results, to: outputDirectory))
    }

    /// The index of the book's chapter at `path`, after checking that it declares every
    /// parameter in `overridden` (the names of `-p` overrides).
    public func chapterIndex(of path: String, overriding overridden: some Sequence<String>) throws(BookError) -> Int {
        let target = URL(fileURLWithPath: path).standardizedFileURL.path
        guard
            let index = book.chapters.firstIndex(where: {
                URL(fileURLWithPath: $0.path).standardizedFileURL.path == target
            })
        else {
            throw BookError(file: path, "not a chapter of the book in \(book.root)/ (see its book.yml)")
        }
        let declared = Set(book.chapters[index].parameters.map(\.name))
        for name in overridden where !declared.contains(name) {
            throw BookError(
                file: path, "the chapter has no parameter '\(name)' (declare it under params: in the front matter)")
        }
        return index
    }
}

/// One command's hold on the work folder: its lock, and the cache to trim when the command is
/// done.
public struct WorkSession {
    let lock: BuildLock
    /// Cache entries used since then are this command's own and are never pruned.
    let started: Date
    let cache: ResultCache
    let cacheLimitBytes: Int

    /// Takes the lock of `workDirectory`, calling `waiting` first if another mlbook holds it.
    public init(workDirectory: String, cacheLimitMegabytes: Int, waiting: () -> Void) throws(BookError) {
        lock = try BuildLock(directory: workDirectory, waiting: waiting)
        started = Date()
        cache = ResultCache(directory: workDirectory + "/cache")
        cacheLimitBytes = cacheLimitMegabytes > Int.max >> 20 ? Int.max : cacheLimitMegabytes << 20
    }

    /// Trims the cache to its limit, keeping what this command used (with two seconds to
    /// spare for file systems that keep whole seconds and for clocks that lag a little).
    public func pruneCache() {
        cache.prune(toBytes: cacheLimitBytes, protectedSince: started.addingTimeInterval(-2))
    }
}
