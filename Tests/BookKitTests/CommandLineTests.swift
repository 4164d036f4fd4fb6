import Foundation
import Testing

@testable import BookKit

/// The `mlbook` executable built beside the tests, run as a user would: bad input is one
/// line on stderr and a non-zero exit, never a crash, and nothing is deleted.
@Suite struct CommandLineTests {
    static func mlbook(_ arguments: [String]) throws -> (status: Int32, reason: Process.TerminationReason, error: String) {
        let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let process = Process()
        process.executableURL = folder.appendingPathComponent("mlbook")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: [
        ["run", "a.md", "-p", "="], ["run", "a.md", "-p", "=1"], ["check", "--tolerance", "inf"],
        ["check", "--tolerance", "nan"],
    ])
    func nonsenseArgumentsAreRefusedWithoutACrash(_ arguments: [String]) throws {
        let (status, reason, error) = try Self.mlbook(arguments)
        #expect(reason == .exit, "mlbook must not die of a signal: \(error)")
        #expect(status != 0)
        #expect(error.contains("Error: "), "\(error)")
    }

    @Test func buildingIntoTheBookFolderIsRefusedAndTheBookIsKept() throws {
        let root = try BookLoaderTests.folder(["book.yml": "title: T\nchapters: [a.md]\n", "a.md": "# A\n"])
        let (status, reason, error) = try Self.mlbook([
            "build", "--book", root, "--output", root, "--work-directory", root + "-work",
        ])
        #expect(reason == .exit && status == 1)
        #expect(error.hasPrefix("\(root): error: refusing to write the site here"), "\(error)")
        #expect(error.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["a.md", "book.yml"])
    }
}
