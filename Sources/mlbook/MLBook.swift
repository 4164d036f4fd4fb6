import ArgumentParser
import BookKit
import Foundation
import NeuralKit

@main
struct MLBook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlbook",
        abstract: "Builds a living book: Markdown chapters whose Swift cells run against NeuralKit.",
        subcommands: [Build.self, Run.self, Check.self, Serve.self])

    /// ArgumentParser's `main`, except that once an interrupt is being handled the command's
    /// own ending (chapters it sees failing because they were just killed) waits for the
    /// handler's exit status instead of racing it.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            Interruption.waitIfInterrupted()
            exit(withError: error)
        }
        Interruption.waitIfInterrupted()
    }
}

/// Whether a SIGINT, SIGTERM or SIGHUP is being handled (the handler exits the process).
enum Interruption {
    nonisolated(unsafe) private static var interrupted = false
    private static let lock = NSLock()

    static func begin() { lock.withLock { interrupted = true } }

    static var isInterrupted: Bool { lock.withLock { interrupted } }

    /// Parks the calling thread for good if the handler is about to exit.
    static func waitIfInterrupted() {
        while isInterrupted { sleep(60) }
    }
}

/// Options every subcommand that reads the book shares.
struct BookOptions: ParsableArguments {
    @Option(help: "The book folder (holding book.yml).")
    var book = "chapters"

    @Option(help: "Where chapter programs are compiled.")
    var workDirectory = ".build/mlbook"

    @Option(help: "Chapters compiled and run at once (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Megabytes of compiled chapters and results the cache keeps (least recently used go first).")
    var cacheLimit = 512

    func validate() throws {
        guard cacheLimit >= 0 else { throw ValidationError("--cache-limit must be ≥ 0 megabytes, got \(cacheLimit)") }
        guard jobs > 0 else { throw ValidationError("--jobs must be ≥ 1, got \(jobs)") }
        try Self.validateEngineEnvironment(ProcessInfo.processInfo.environment)
    }

    /// Checks the engine's switches once, before any chapter runs: a bad `NEURALKIT_ISA` or
    /// `NEURALKIT_THREADS` would otherwise stop every chapter program with the same message.
    static func validateEngineEnvironment(_ environment: [String: String]) throws {
        if let name = environment["NEURALKIT_ISA"], !name.isEmpty,
            case .failure(let problem) = KernelLevel.level(named: name)
        {
            throw ValidationError(problem.text)
        }
        if let text = environment["NEURALKIT_THREADS"], !text.isEmpty,
            case .failure(let problem) = EngineThreads.parse(text)
        {
            throw ValidationError(problem.text)
        }
    }

    /// Takes the work folder's lock, saying so when another mlbook holds it; from here on an
    /// interrupt also stops the chapter programs.
    func lock() throws(BookError) -> WorkSession {
        stopChildrenOnInterrupt()
        return try WorkSession(workDirectory: workDirectory, cacheLimitMegabytes: cacheLimit) {
            printError("another mlbook is using \(workDirectory); waiting for it to finish…")
        }
    }

    /// Loads the book and the engine built beside this executable.
    func builder(overrides: [String: String] = [:], overriddenChapter: String? = nil) throws -> BookBuilder {
        let book = try BookLoader.load(root: self.book, overrides: overrides, overriddenChapter: overriddenChapter)
        let engine = try Engine.besideExecutable()
        let runner = ChapterRunner(
            engine: engine, workDirectory: workDirectory, timeout: book.configuration.execution.timeout)
        return BookBuilder(book: book, runner: runner, jobs: jobs)
    }
}

/// On Ctrl-C, SIGTERM or SIGHUP (a closed terminal): stop the chapter programs and everything
/// they started (they run in their own process groups, so the terminal's signal does not
/// reach them), then exit. The cache and the last good site
/// are safe: both are only ever replaced by renames.
func stopChildrenOnInterrupt() {
    guard interruptSources.isEmpty else { return }  // once per process (serve rebuilds often)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
        source.setEventHandler {
            Interruption.begin()
            ChildRegistry.killAll()
            FileHandle.standardError.write(Data("interrupted; the previous site and the cache are kept\n".utf8))
            Foundation.exit(130)
        }
        source.resume()
        interruptSources.append(source)
    }
}

nonisolated(unsafe) var interruptSources: [any DispatchSourceSignal] = []

/// Prints a located error and exits non-zero.
func fail(_ error: BookError) -> Never {
    printError(error.description)
    Interruption.waitIfInterrupted()
    Foundation.exit(1)
}

/// Prints a line on stderr (nothing once interrupted: chapters failing because they were
/// stopped are not news).
func printError(_ line: String) {
    guard !Interruption.isInterrupted else { return }
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
