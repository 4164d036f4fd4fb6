import ArgumentParser
import BookKit
import Foundation

/// `mlbook build`: run every chapter, record `_freeze/`, and write the site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every chapter (reusing unchanged ones), record _freeze/, and write the site.")

    @OptionGroup var options: BookOptions

    @Option(help: "The site folder, replaced whole only when the build succeeds.")
    var output = "output"

    @Flag(help: "Compile and run every chapter even if it is unchanged (no cached result or binary is used).")
    var noCache = false

    func run() throws {
        do {
            let session = try options.lock()
            defer { session.pruneCache() }
            var builder = try options.builder()
            builder.runner.usesCache = !noCache
            builder.runner.reusesBinaries = !noCache
            switch try builder.buildSite(to: output, recordsFreeze: true, progress: ProgressReporter().report) {
            case .failed(let errors):
                errors.forEach { printError($0.description) }
                printError("build failed: \(errors.count) error(s); the previous site in \(output)/ is kept")
                throw ExitCode.failure
            case .written(let warnings):
                warnings.forEach { printError($0.description) }
                print("wrote \(builder.book.chapters.count + 1) pages to \(output)/")
            }
        } catch let error as BookError {
            fail(error)
        }
    }
}
