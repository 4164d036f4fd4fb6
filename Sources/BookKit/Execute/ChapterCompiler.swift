import Foundation
import Synchronization

/// Compiles a chapter's program (or finds it compiled in the cache). An `error: true` cell
/// whose code does not compile is left out and its diagnostics become its shown error.
struct ChapterCompiler {
    let engine: Engine
    let cache: ResultCache
    let timeout: Double
    /// Whether a binary already in the cache may be used (`--no-cache` says no).
    var reusesBinaries = true

    /// The binary (nil when the chapter does not compile), the result so far (cells, errors,
    /// compile time) and the compile errors of left-out error cells.
    struct Outcome {
        var binary: String?
        var result: ChapterResult
        var excludedErrors: [Int: String]
        /// Whether the binary came from the cache rather than from this compile.
        var reused = false
    }

    func compile(_ chapter: Chapter) throws(BookError) -> Outcome {
        let start = Date()
        var result = ChapterResult(
            cells: chapter.cells.map { CellResult(status: $0.options.eval ? .notRun : .skipped) },
            inlineValues: Array(repeating: nil, count: chapter.inlineExpressions.count), errors: [],
            compileSeconds: 0, runSeconds: 0)
        var excluded: [Int: String] = [:]
        while true {
            let program = ProgramGenerator.program(for: chapter, excluding: Set(excluded.keys))
            let binary = cache.binaryPath(program: program, engine: engine)
            // Chapters with the same program (prose-only chapters, say) share one binary: one
            // compiles it while the others wait, then they reuse it.
            let compiled = try Self.flights.one(for: binary) { () throws(BookError) -> [BookError]? in
                if reusesBinaries, FileManager.default.isExecutableFile(atPath: binary) { return nil }
                return try swiftc(program, chapter: chapter, binary: binary)
            }
            guard let errors = compiled else {
                cache.markUsed(binary)
                result.compileSeconds = Date().timeIntervalSince(start)
                return Outcome(binary: binary, result: result, excludedErrors: excluded, reused: true)
            }
            result.compileSeconds = Date().timeIntervalSince(start)
            if errors.isEmpty { return Outcome(binary: binary, result: result, excludedErrors: excluded) }
            let inErrorCells = Dictionary(grouping: errors) { error in
                chapter.cells.indices.first {
                    chapter.cells[$0].options.error && chapter.cells[$0].lines.contains(error.location.line)
                }
            }
            // Errors outside `error: true` cells fail the chapter; otherwise leave those cells out.
            if inErrorCells[nil] != nil {
                result.errors = errors
                for error in errors {
                    guard let index = chapter.cells.lastIndex(where: { $0.firstLine <= error.location.line }) else {
                        continue
                    }
                    result.cells[index].status = .failed
                    result.cells[index].error = [result.cells[index].error, error.description].compactMap { $0 }.joined(
                        separator: "\n")
                }
                return Outcome(binary: nil, result: result, excludedErrors: excluded)
            }
            for case (let index?, let cellErrors) in inErrorCells {
                excluded[index] = cellErrors.map(\.description).joined(separator: "\n")
            }
        }
    }

    /// The compiles under way in this process, one per binary.
    static let flights = CompileFlights()

    /// Runs `swiftc`; returns the compile errors (empty on success). The source and the binary
    /// are written under names of this compile alone, and the binary renamed into place, so a
    /// killed compile never leaves a broken entry and two compiles never share a file.
    private func swiftc(_ program: String, chapter: Chapter, binary: String) throws(BookError) -> [BookError] {
        let folder = URL(fileURLWithPath: binary).deletingLastPathComponent().path
        let unique = "\(getpid())-\(UUID().uuidString)"
        let source = folder + "/main-\(unique).swift"
        let partial = binary + ".partial-" + unique
        defer { try? FileManager.default.removeItem(atPath: source) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try program.write(toFile: source, atomically: true, encoding: .utf8)
        } catch {
            throw BookError(file: folder, "cannot write the chapter program: \(error.localizedDescription)")
        }
        let process = ChildProcess(
            executable: try Self.resolveExecutable(engine.compiler),
            arguments: engine.compileArguments(source: source, binary: partial))
        var output = Data()
        let outcome = try process.run(
            deadline: { (timeout, "compiling took longer than \(Int(timeout)) s") },
            // The compiler's own output, like its stderr, is kept up to a cap.
            standardOutput: { data in
                output.append(data.prefix(max(0, ChildProcess.standardErrorLimit - output.count)))
            })
        guard outcome.succeeded else {
            try? FileManager.default.removeItem(atPath: partial)
            return Diagnostics.compileErrors(
                String(decoding: output, as: UTF8.self) + outcome.standardError, chapterPath: chapter.path)
        }
        guard rename(partial, binary) == 0 else { throw BookError(file: binary, "cannot store the compiled chapter") }
        return []
    }

    /// `name` itself if it is a path, otherwise its location on `PATH`.
    static func resolveExecutable(_ name: String) throws(BookError) -> String {
        if name.contains("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)")
        {
            return "\(folder)/\(name)"
        }
        throw BookError(file: name, "cannot find the Swift compiler '\(name)' on PATH")
    }
}

/// One compile per binary at a time within the process: a thread asking for a binary that
/// another thread is compiling waits for it instead of compiling the same program beside it.
final class CompileFlights: Sendable {
    private let locks = Mutex<[String: NSLock]>([:])

    /// Runs `body` while no other thread runs it for `key`.
    func one<Result>(for key: String, _ body: () throws(BookError) -> Result) throws(BookError) -> Result {
        let lock = locks.withLock { locks in
            if let lock = locks[key] { return lock }
            let lock = NSLock()
            locks[key] = lock
            return lock
        }
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
