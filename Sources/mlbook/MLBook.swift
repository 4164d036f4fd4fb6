import ArgumentParser
import BookKit
import Foundation

@main
struct MLBook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlbook",
        abstract: "Builds a living book: Markdown chapters whose Swift cells run against NeuralKit.",
        subcommands: [Build.self, Run.self, Check.self, Serve.self])
}

/// Options every subcommand that reads the book shares.
struct BookOptions: ParsableArguments {
    @Option(help: "The book folder (holding book.yml).")
    var book = "chapters"

    @Option(help: "Where chapter programs are compiled.")
    var workDirectory = ".build/mlbook"

    @Option(help: "Chapters compiled and run at once (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    /// Takes the work folder's lock, saying so when another mlbook holds it.
    func lock() throws(BookError) -> BuildLock {
        try BuildLock(directory: workDirectory) {
            printError("another mlbook is using \(workDirectory); waiting for it to finish…")
        }
    }

    /// Loads the book and the engine built beside this executable.
    func builder(overrides: [String: String] = [:]) throws -> BookBuilder {
        let book = try BookLoader.load(root: self.book, overrides: overrides)
        let engine = try Engine.besideExecutable()
        let runner = ChapterRunner(
            engine: engine, workDirectory: workDirectory, timeout: book.configuration.execution.timeout)
        return BookBuilder(book: book, runner: runner, jobs: jobs)
    }
}

/// Prints a located error and exits non-zero.
func fail(_ error: BookError) -> Never {
    printError(error.description)
    Foundation.exit(1)
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
