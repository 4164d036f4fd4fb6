import Foundation
import NotebookFormat

/// Where compiled chapter programs and successful results are kept between builds, so an
/// unchanged chapter is neither compiled nor run again.
///
/// - A binary is keyed by the exact program text and the engine: any code change, or a
///   rebuilt engine, compiles again.
/// - A result is keyed by the program text *without* its `#sourceLocation` line numbers and
///   indentation, the engine, the parameter values and the seed: a prose edit that moves the
///   cells re-renders the page from the cached result without running anything.
struct ResultCache {
    let directory: String

    func binaryPath(program: String, engine: Engine) -> String {
        var hash = ContentHash()
        hash.combine(engine.fingerprint)
        hash.combine(program)
        return "\(directory)/binaries/\(hash.hex)/chapter"
    }

    func resultPath(chapter: Chapter, program: String, engine: Engine) -> String {
        var hash = ContentHash()
        hash.combine(engine.fingerprint)
        hash.combine(Self.withoutPositions(program))
        for parameter in chapter.parameters { hash.combine("\(parameter.name)=\(parameter.value)") }
        hash.combine(String(chapter.seed))
        return "\(directory)/results/\(chapter.slug)-\(hash.hex).json"
    }

    func loadResult(at path: String) -> ChapterResult? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? ResultJSON.decoder().decode(ChapterResult.self, from: data)
    }

    /// Stores a result atomically (a killed build never leaves a torn cache entry).
    func store(_ result: ChapterResult, at path: String) {
        guard let data = try? ResultJSON.encoder().encode(result) else { return }
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
