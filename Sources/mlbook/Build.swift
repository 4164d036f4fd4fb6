import ArgumentParser
import BookKit
import Foundation

/// `mlbook build`: run every chapter and write the site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every chapter and write the site.")

    @OptionGroup var options: BookOptions

    @Option(help: "The site folder, replaced whole only when the build succeeds.")
    var output = "output"

    func run() throws {
        do {
            let builder = try options.builder()
            let progress = ProgressReporter()
            let results = builder.executeAll(progress: progress.report)
            let errors = results.flatMap(\.errors)
            errors.forEach { printError($0.description) }
            guard errors.isEmpty else {
                printError("build failed: \(errors.count) error(s); the previous site in \(output)/ is kept")
                throw ExitCode.failure
            }
            try builder.writeSite(results: results, to: output)
            print("wrote \(builder.book.chapters.count + 1) pages to \(output)/")
        } catch let error as BookError {
            fail(error)
        }
    }
}
