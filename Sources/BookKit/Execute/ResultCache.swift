import Foundation
import NotebookFormat

/// Where compiled chapter programs and successful results are kept between builds, so an
/// unchanged chapter is neither compiled nor run again.
///
/// Each entry — a binary's folder, a result file — has its modification time set whenever a
/// build uses it, and `prune` removes the least recently used ones beyond a size limit.
///
/// - A binary is keyed by the exact program text and the engine: any code change, or a
///   rebuilt engine, compiles again.
/// - A result is keyed by the program text *without* its `#sourceLocation` line numbers and
///   indentation, the engine, the parameter values and the seed: a prose edit that moves the
///   cells re-renders the page from the cached result without running anything.
public struct ResultCache: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    func binaryPath(program: String, engine: Engine) -> String {
        var hash = ContentHash()
        hash.combine(engine.fingerprint)
        hash.combine(program)
        return binaryPath(key: hash.hex)
    }

    /// The binary stored under `key` (see `binaryKey(of:)`).
    func binaryPath(key: String) -> String {
        "\(directory)/binaries/\(key)/chapter"
    }

    /// The key of a binary path made by `binaryPath`.
    static func binaryKey(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
    }

    func resultPath(chapter: Chapter, program: String, engine: Engine) -> String {
        var hash = ContentHash()
        hash.combine(engine.fingerprint)
        hash.combine(Self.withoutPositions(program))
        for parameter in chapter.parameters { hash.combine("\(parameter.name)=\(parameter.value)") }
        hash.combine(String(chapter.seed))
        return "\(directory)/results/\(chapter.slug)-\(hash.hex).json"
    }

    /// The stored result, marked as used; nil when there is none, or when the file is not
    /// exactly what `store` wrote (its checksum says so) — then it is removed, and the chapter
    /// runs again instead of publishing an edited or damaged result.
    func loadResult(at path: String) -> ChapterResult? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let newline = data.firstIndex(of: 0x0A),
            String(decoding: data[..<newline], as: UTF8.self) == Self.checksumLine(data[(newline + 1)...]),
            let result = try? ResultJSON.decoder().decode(ChapterResult.self, from: data[(newline + 1)...])
        else {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
        markUsed(path)
        return result
    }

    /// The first line of a stored result: a hash of the JSON after it.
    private static func checksumLine(_ json: Data) -> String {
        var hash = ContentHash()
        hash.combine(bytes: json)
        return "mlbook-result \(hash.hex)"
    }

    /// Removes a compiled binary (one that would not start), so it is compiled again.
    func evictBinary(_ path: String) {
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// Sets an entry's modification time to now: the binary's folder for a binary, the file
    /// for a result.
    func markUsed(_ path: String) {
        let entry =
            path.hasPrefix(directory + "/binaries/")
            ? URL(fileURLWithPath: path).deletingLastPathComponent().path : path
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: entry)
    }

    /// Removes the least recently used entries until the cache holds at most `limit` bytes,
    /// never one used since `protectedSince` (the current command's own). Returns how many
    /// entries and bytes went.
    @discardableResult
    public func prune(toBytes limit: Int, protectedSince: Date) -> (entries: Int, bytes: Int) {
        var entries = Self.entries(in: directory + "/binaries") + Self.entries(in: directory + "/results")
        var total = entries.reduce(0) { $0 + $1.bytes }
        guard total > limit else { return (0, 0) }
        entries.sort { $0.used < $1.used }
        var removed = (entries: 0, bytes: 0)
        for entry in entries where total > limit && entry.used < protectedSince {
            guard (try? FileManager.default.removeItem(atPath: entry.path)) != nil else { continue }
            total -= entry.bytes
            removed = (removed.entries + 1, removed.bytes + entry.bytes)
        }
        return removed
    }

    /// Whether `name` is one the cache gives its entries: a binary's folder is its 32-digit
    /// key, a result `<slug>-<key>.json`. Pruning removes nothing else, so a `--work-directory`
    /// pointed at a folder of the user's own loses none of their files.
    static func isEntryName(_ name: String) -> Bool {
        let key = name.hasSuffix(".json") ? name.dropLast(5).split(separator: "-").last ?? "" : Substring(name)
        return key.count == 32 && key.allSatisfy(\.isHexDigit)
    }

    /// The cache's entries directly inside `folder`, with their last use and size (a folder's
    /// size is that of its files).
    private static func entries(in folder: String) -> [(path: String, used: Date, bytes: Int)] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter(isEntryName).compactMap { name in
            let path = folder + "/" + name
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                let used = attributes[.modificationDate] as? Date
            else { return nil }
            guard attributes[.type] as? FileAttributeType == .typeDirectory else {
                return (path, used, (attributes[.size] as? Int) ?? 0)
            }
            let files = (try? manager.subpathsOfDirectory(atPath: path)) ?? []
            let bytes = files.reduce(0) { total, file in
                total + ((try? manager.attributesOfItem(atPath: path + "/" + file))?[.size] as? Int ?? 0)
            }
            return (path, used, bytes)
        }
    }

    /// Stores a result atomically (a killed build never leaves a torn cache entry), after a
    /// line with its checksum.
    func store(_ result: ChapterResult, at path: String) {
        guard let json = try? ResultJSON.encoder().encode(result) else { return }
        let data = Data((Self.checksumLine(json) + "\n").utf8) + json
        try? FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The program with line directives reduced to their file and lines left-trimmed.
    static func withoutPositions(_ program: String) -> String {
        program.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("#sourceLocation(file:"), let comma = trimmed.lastIndex(of: ",") {
                return String(trimmed[..<comma])
            }
            return String(trimmed)
        }.joined(separator: "\n")
    }
}
