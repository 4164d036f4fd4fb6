import Foundation
import NotebookFormat

/// Compiles a chapter's program against the engine and runs it in a child process,
/// turning what it reports into a `ChapterResult`.
public struct ChapterRunner: Sendable {
    public var engine: Engine
    /// Where programs and binaries are written (one folder per chapter).
    public var workDirectory: String
    /// Seconds the whole chapter may run.
    public var timeout: Double
    /// Bytes of text one cell may print before it is stopped.
    public var outputLimit = 1 << 20

    public init(engine: Engine, workDirectory: String, timeout: Double) {
        self.engine = engine
        self.workDirectory = workDirectory
        self.timeout = timeout
    }

    /// Runs `chapter`; `live` receives each cell's text as it is printed.
    public func run(_ chapter: Chapter, live: (@Sendable (_ cell: Int, _ text: String) -> Void)? = nil) throws(BookError) -> ChapterResult {
        let folder = workDirectory + "/" + chapter.slug
        let source = folder + "/main.swift"
        let binary = folder + "/chapter"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try ProgramGenerator.program(for: chapter).write(toFile: source, atomically: true, encoding: .utf8)
        } catch {
            throw BookError(file: folder, "cannot write the chapter program: \(error.localizedDescription)")
        }
        var result = ChapterResult(
            cells: chapter.cells.map { $0.options.eval ? CellResult() : skipped() },
            inlineValues: Array(repeating: nil, count: chapter.inlineExpressions.count), errors: [],
            compileSeconds: 0, runSeconds: 0)

        let compileStart = Date()
        let includeDirectory = try Engine.writeSystemModules(under: workDirectory)
        let compiler = ChildProcess(
            executable: try resolveExecutable(engine.compiler),
            arguments: engine.compileArguments(source: source, binary: binary, includeDirectory: includeDirectory))
        var compilerOutput = Data()
        let compiled = try compiler.run(
            deadline: { (timeout, "compiling took longer than \(Int(timeout)) s") },
            standardOutput: { compilerOutput.append($0) })
        result.compileSeconds = Date().timeIntervalSince(compileStart)
        guard compiled.succeeded else {
            let output = String(decoding: compilerOutput, as: UTF8.self) + compiled.standardError
            result.errors = Diagnostics.compileErrors(output, chapterPath: chapter.path)
            attachToCells(result.errors, chapter: chapter, result: &result)
            return result
        }

        let runStart = Date()
        var session = ExecutionSession(chapter: chapter, result: result, outputLimit: outputLimit, live: live)
        let process = ChildProcess(
            executable: binary, arguments: [],
            environment: [
                ChannelEnvironment.descriptor: String(ChildProcess.channelDescriptor),
                ChannelEnvironment.parameters: parametersJSON(chapter.parameters),
                ChannelEnvironment.seed: String(chapter.seed),
                "SWIFT_BACKTRACE": "enable=yes,interactive=no,color=no,format=json,threads=crashed",
            ])
        let outcome = try process.run(
            deadline: { session.deadline(chapterTimeout: timeout) },
            standardOutput: { data in
                if let reason = session.receiveOutput(data) { process.stop(reason) }
            },
            channel: { session.receiveChannel($0) })
        result = session.finish(outcome)
        result.runSeconds = Date().timeIntervalSince(runStart)
        return result
    }

    private func skipped() -> CellResult {
        var cell = CellResult()
        cell.status = .skipped
        return cell
    }

    /// Marks the cell holding each error's line as failed with that message.
    private func attachToCells(_ errors: [BookError], chapter: Chapter, result: inout ChapterResult) {
        for error in errors {
            guard let index = chapter.cells.lastIndex(where: { $0.firstLine <= error.location.line }) else { continue }
            result.cells[index].status = .failed
            result.cells[index].error = [result.cells[index].error, error.description].compactMap { $0 }.joined(separator: "\n")
        }
    }

    private func parametersJSON(_ parameters: [Parameter]) -> String {
        let values = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.value) })
        guard let data = try? JSONEncoder().encode(values) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `name` itself if it is a path, otherwise its location on `PATH`.
    private func resolveExecutable(_ name: String) throws(BookError) -> String {
        if name.contains("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        throw BookError(file: name, "cannot find the Swift compiler '\(name)' on PATH")
    }
}
