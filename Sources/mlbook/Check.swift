import ArgumentParser
import BookKit
import Foundation

/// `mlbook check`: re-execute every chapter and fail on any error or failed claim.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-execute every chapter from scratch; the last line reads 'N passed, M failed'.")

    @OptionGroup var options: BookOptions

    func run() throws {
        do {
            let builder = try options.builder()
            let results = builder.executeAll(progress: ProgressReporter().report)
            var failed = 0
            for (chapter, result) in zip(builder.book.chapters, results) where !result.succeeded {
                failed += 1
                result.errors.forEach { printError($0.description) }
                printError("FAIL \(chapter.path)")
            }
            print("\(results.count - failed) passed, \(failed) failed")
            if failed > 0 { throw ExitCode.failure }
        } catch let error as BookError {
            fail(error)
        }
    }
}
