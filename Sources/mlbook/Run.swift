import ArgumentParser
import BookKit
import Foundation

/// `mlbook run CHAPTER -p name=value`: rerun one chapter, streaming its output.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rerun one chapter with its output streamed, then rewrite its page.")

    @Argument(help: "The chapter's Markdown file, e.g. chapters/04-code-example.md.")
    var chapter: String

    @Option(name: .customShort("p"), help: "Override a parameter of the front matter: -p name=value.")
    var parameters: [String] = []

    @OptionGroup var options: BookOptions

    @Option(help: "The site folder whose page for this chapter is rewritten.")
    var output = "output"

    func validate() throws {
        do {
            _ = try ParameterOverrides.parse(parameters)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        do {
            let overrides = try ParameterOverrides.parse(parameters)
            let session = try options.lock()
            defer { session.pruneCache() }
            var builder = try options.builder(overrides: overrides, overriddenChapter: chapter)
            builder.runner.relaysProgress = isatty(STDERR_FILENO) == 1
            try builder.checkOutput(output)
            let index = try builder.chapterIndex(of: chapter, overriding: overrides.keys)
            let chapterPath = builder.book.chapters[index].path
            let (result, page, warnings) = try builder.runChapter(at: index, to: output) { event in
                switch event {
                case .compiling: printError("compiling \(chapterPath)…")
                case .cellStarted(let cell, let count): printError("── cell \(cell + 1)/\(count)")
                case .text(_, let text): FileHandle.standardOutput.write(Data(text.utf8))
                case .standardError(let text): FileHandle.standardError.write(Data(text.utf8))
                }
            }
            for (cell, cellResult) in result.cells.enumerated() {
                if result.cached { print(cellResult.output, terminator: "") }
                for value in cellResult.richOutputs {
                    if case .figure(_, let series) = value {
                        let finals = series.map { "\($0.name) = \($0.values.last.map { String($0) } ?? "—")" }
                        print("[cell \(cell + 1)] chart: \(finals.joined(separator: ", "))")
                    }
                }
            }
            for (inline, value) in zip(builder.book.chapters[index].inlineExpressions, result.inlineValues) {
                print("\(chapter):\(inline.location.line): \(inline.expression) = \(value?.text ?? "?")")
            }
            warnings.forEach { printError($0.description) }
            result.errors.forEach { printError($0.description) }
            if result.cached { print("(unchanged since the last run: results reused from the cache)") }
            print("wrote \(page)")
            if !result.succeeded { throw ExitCode.failure }
        } catch let error as BookError {
            fail(error)
        }
    }
}
