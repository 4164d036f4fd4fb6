import Foundation

@testable import BookKit

/// The `mlbook` executable built beside the tests, run as a user would.
enum MLBookExecutable {
    /// The build products folder the tests run from (`.build/debug`): the test binary's own
    /// folder on Linux, the folder holding its `.xctest` bundle on macOS.
    static var productsFolder: URL {
        var folder = Platform.executable.deletingLastPathComponent()
        while folder.path.contains(".xctest") { folder = folder.deletingLastPathComponent() }
        return folder
    }

    /// Where it is: next to the test binary.
    static var url: URL { productsFolder.appendingPathComponent("mlbook") }

    /// What one run ended with.
    struct Run {
        var status: Int32
        var reason: Process.TerminationReason
        var output: String
        var error: String
    }

    /// Runs it to its end with `arguments`, `environment` added to this process's. Its stdout
    /// goes to a file while stderr is read, so neither pipe can fill up and stall it.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mlbook-out-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let output = try FileHandle(forWritingTo: outputFile)
        let errors = Pipe()
        (process.standardOutput, process.standardError) = (output, errors)
        try process.run()
        let error = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try output.close()
        return Run(
            status: process.terminationStatus, reason: process.terminationReason,
            output: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
            error: String(decoding: error, as: UTF8.self))
    }
}
