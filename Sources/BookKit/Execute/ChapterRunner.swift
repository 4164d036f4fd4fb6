import Foundation
import NotebookFormat

/// Compiles a chapter's program against the engine and runs it in a child process,
/// turning what it reports into a `ChapterResult`; reuses cached binaries and results.
/// What a running chapter reports as it goes, for live displays (`mlbook run` streams the
/// text; `build` shows which cell each chapter is in).
public enum RunEvent: Sendable {
    case compiling
    case cellStarted(index: Int, count: Int)
    case text(cell: Int, String)
    /// What the program wrote to stderr (relayed only when `relaysProgress`).
    case standardError(String)
}

/// Receives `RunEvent`s, possibly from several chapters' threads at once.
public typealias RunObserver = @Sendable (RunEvent) -> Void

public struct ChapterRunner: Sendable {
    public var engine: Engine
    /// Where programs, binaries and cached results are written.
    public var workDirectory: String
    /// Seconds the whole chapter may run.
    public var timeout: Double
    /// Bytes of text one cell may print before it is stopped.
    public var outputLimit = 1 << 20
    /// Whether unchanged chapters reuse their last result (`check` and `--no-cache` say no).
    /// Fresh successful results are stored either way, so a `build` after a `check` is quick.
    public var usesCache = true
    /// Whether a compiled binary already in the cache may run (`--no-cache` says no: every
    /// chapter compiles afresh).
    public var reusesBinaries = true
    /// Whether the chapter program draws `fit`'s progress bar and its stderr is relayed as
    /// `RunEvent.standardError` (for `mlbook run` on a terminal).
    public var relaysProgress = false

    public init(engine: Engine, workDirectory: String, timeout: Double) {
        self.engine = engine
        self.workDirectory = workDirectory
        self.timeout = timeout
    }

    private var cache: ResultCache { ResultCache(directory: workDirectory + "/cache") }

    /// Runs `chapter`; `observe` hears about compiling, each cell starting and each piece of
    /// text as it is printed.
    public func run(_ chapter: Chapter, observe: RunObserver? = nil) throws(BookError) -> ChapterResult {
        var compiler = ChapterCompiler(engine: engine, cache: cache, timeout: timeout)
        compiler.reusesBinaries = reusesBinaries
        let program = ProgramGenerator.program(for: chapter)
        let resultPath = cache.resultPath(chapter: chapter, program: program, engine: engine)
        if usesCache, var cached = cache.loadResult(at: resultPath) {
            // Its binary counts as used too, so `check`, which reruns it, need not recompile.
            cache.markUsed(
                cached.binaryKey.map(cache.binaryPath(key:)) ?? cache.binaryPath(program: program, engine: engine))
            cached.cached = true
            return cached
        }
        observe?(.compiling)
        var compiled = try compiler.compile(chapter)
        guard var binary = compiled.binary else { return compiled.result }

        // Run; an `error: true` cell that traps is skipped in a rerun so later cells still run.
        // A cached binary that cannot start or never says hello is damaged: it is compiled
        // again, once, instead of failing on every build.
        var skipped: [Int: String] = [:]
        var result: ChapterResult
        var mayRecompile = compiled.reused
        repeat {
            let run: (result: ChapterResult, started: Bool)
            do {
                run = try execute(chapter, binary: binary, base: compiled.result, skipping: skipped, observe: observe)
            } catch {
                guard mayRecompile else { throw error }
                run = (compiled.result, false)
            }
            if mayRecompile && !run.started {
                mayRecompile = false
                cache.evictBinary(binary)
                compiler.reusesBinaries = false
                compiled = try compiler.compile(chapter)
                guard let fresh = compiled.binary else { return compiled.result }
                binary = fresh
                continue
            }
            mayRecompile = false
            result = run.result
            guard
                let failing = result.cells.indices.first(where: {
                    chapter.cells[$0].options.error && result.cells[$0].status == .failed && skipped[$0] == nil
                })
            else { break }
            skipped[failing] = result.cells[failing].error ?? "failed"
        } while true
        for (index, error) in compiled.excludedErrors.merging(skipped, uniquingKeysWith: { a, _ in a }) {
            result.cells[index].status = .failedAsExpected
            result.cells[index].error = error
        }
        for (index, cell) in chapter.cells.enumerated()
        where cell.options.error && result.cells[index].status == .succeeded {
            result.errors.append(
                BookError(
                    file: chapter.path, line: cell.firstLine,
                    "the cell is marked 'error: true' but ran without an error"))
        }
        result.compileSeconds = compiled.result.compileSeconds
        result.binaryKey = ResultCache.binaryKey(of: binary)
        if result.succeeded { cache.store(result, at: resultPath) }
        return result
    }

    /// One run of the compiled program.
    private func execute(
        _ chapter: Chapter, binary: String, base: ChapterResult, skipping skipped: [Int: String],
        observe: RunObserver?
    ) throws(BookError) -> (result: ChapterResult, started: Bool) {
        let start = Date()
        var session = ExecutionSession(
            chapter: chapter, result: base, outputLimit: outputLimit, skipped: Set(skipped.keys), observe: observe)
        let process = ChildProcess(
            executable: binary, arguments: [],
            environment: [
                ChapterContract.Environment.channel: String(ChapterContract.channelDescriptor),
                ChapterContract.Environment.acknowledgement: String(ChapterContract.acknowledgementDescriptor),
                ChapterContract.Environment.parentProcess: String(getpid()),
                ChapterContract.Environment.parameters: parametersJSON(chapter.parameters),
                ChapterContract.Environment.seed: String(chapter.seed),
                ChapterContract.Environment.skippedCells: skipped.keys.map(String.init).joined(separator: ","),
                ChapterContract.Environment.backtrace.name: ChapterContract.Environment.backtrace.value,
                ChapterContract.Environment.progress: relaysProgress ? "1" : "0",
            ])
        process.requiresChannel = true
        let outcome = try process.run(
            deadline: { session.deadline(chapterTimeout: timeout) },
            standardOutput: { data in
                if let reason = session.receiveOutput(data) { process.stop(reason) }
            },
            standardError: { data in
                if relaysProgress { observe?(.standardError(String(decoding: data, as: UTF8.self))) }
            },
            channel: { data in
                for line in session.receiveChannel(data) {
                    // Text printed before the message was sent is in the pipe: it counts first.
                    process.drainStandardOutput()
                    switch session.apply(line: line) {
                    case .proceed: continue
                    case .acknowledge: process.acknowledge()
                    case .stop(let reason): process.stop(reason)
                    }
                }
                // Past its end, the program may close the channel before it exits.
                if session.programFinished { process.requiresChannel = false }
            })
        var result = session.finish(outcome)
        result.runSeconds = Date().timeIntervalSince(start)
        return (result, session.programStarted)
    }

    private func parametersJSON(_ parameters: [Parameter]) -> String {
        let values = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.value) })
        guard let data = try? JSONEncoder().encode(values) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
