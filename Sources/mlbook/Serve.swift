import ArgumentParser
import BookKit
import Foundation

/// `mlbook serve`: preview the site locally and rebuild it when a chapter is saved.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the site on 127.0.0.1 and rebuild it when the book changes; pages reload themselves.")

    @OptionGroup var options: BookOptions

    @Option(help: "The site folder.")
    var output = "output"

    @Option(help: "The port on 127.0.0.1 (0 picks a free one).")
    var port: UInt16 = 8000

    func run() throws {
        do {
            try options.builder().checkOutput(output)
            let server = try PreviewServer(root: output, port: port)
            build()
            say("serving \(output)/ at http://127.0.0.1:\(server.port)/ (Ctrl-C to stop)")
            Thread.detachNewThread { server.serve() }
            var seen = snapshot()
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                let now = snapshot()
                guard now != seen else { continue }
                seen = now
                say("change detected; rebuilding…")
                if build() { server.siteChanged() }
            }
        } catch let error as BookError {
            fail(error)
        }
    }

    /// Prints a line at once (stdout may be a pipe, which would hold it back).
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Builds with the cache; prints errors and keeps the last good site on failure.
    @discardableResult
    private func build() -> Bool {
        do {
            let session = try options.lock()
            defer { session.pruneCache() }
            switch try options.builder().buildSite(
                to: output, recordsFreeze: false, progress: ProgressReporter().report)
            {
            case .failed(let errors):
                errors.forEach { printError($0.description) }
                return false
            case .written(let warnings):
                warnings.forEach { printError($0.description) }
                return true
            }
        } catch let error as BookError {
            printError(error.description)
            return false
        } catch {
            printError("error: \(error)")
            return false
        }
    }

    /// Modification times of every file in the book folder, except what a build writes there
    /// (the site, its staging folders, the work folder), and of the engine library (a rebuilt
    /// engine changes every chapter's results).
    private func snapshot() -> BookSnapshot {
        let library =
            (try? Engine.besideExecutable()).map { [$0.productsDirectory + "/" + Engine.notebookLibrary] } ?? []
        return BookSnapshot(book: options.book, ignoring: [output, options.workDirectory], alsoWatching: library)
    }
}
