import Foundation
import Testing

@testable import BookKit

/// The `mlbook` executable built beside the tests, run as a user would: bad input is one
/// line on stderr and a non-zero exit, never a crash, and nothing is deleted.
@Suite struct CommandLineTests {
    static func mlbook(_ arguments: [String]) throws -> (
        status: Int32, reason: Process.TerminationReason, error: String
    ) {
        let run = try MLBookExecutable.run(arguments)
        return (run.status, run.reason, run.error)
    }

    @Test(arguments: [
        ["run", "a.md", "-p", "="], ["run", "a.md", "-p", "=1"], ["run"], ["check", "--tolerance", "inf"],
        ["check", "--tolerance", "nan"], ["check", "--seeds", "0"], ["check", "--update", "--seeds", "2"],
        ["build", "--jobs", "0"], ["build", "--cache-limit", "-1"], ["build", "--no-such-option"],
        ["serve", "--port", "70000"], ["serve", "--port", "x"], ["publish"],
    ])
    func nonsenseArgumentsAreRefusedWithoutACrash(_ arguments: [String]) throws {
        let (status, reason, error) = try Self.mlbook(arguments)
        #expect(reason == .exit, "mlbook must not die of a signal: \(error)")
        #expect(status != 0)
        #expect(error.contains("Error: "), "\(error)")
    }

    /// `run` names the chapter and the parameter it refuses in one located line.
    @Test func runRefusesAChapterOutsideTheBookAndAnUndeclaredParameter() throws {
        let root = try BookLoaderTests.folder([
            "book.yml": "title: T\nchapters: [a.md]\n", "a.md": "---\nparams: { rate: 0.1 }\n---\n# A\n",
            "b.md": "# B\n",
        ])
        let common = ["--book", root, "--output", root + "-site", "--work-directory", root + "-work"]
        let outside = try Self.mlbook(["run", root + "/b.md"] + common)
        #expect(outside.status == 1 && outside.error.split(separator: "\n").count == 1, "\(outside.error)")
        #expect(outside.error.hasPrefix("\(root)/b.md:1:1: error: not a chapter of the book"), "\(outside.error)")
        let undeclared = try Self.mlbook(["run", root + "/a.md", "-p", "epochs=3"] + common)
        #expect(undeclared.status == 1, "\(undeclared.error)")
        #expect(undeclared.error.contains("error: the chapter has no parameter 'epochs'"), "\(undeclared.error)")
        #expect(!FileManager.default.fileExists(atPath: root + "-site"), "nothing was written")
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

/// Stopping mlbook stops what its chapters started.
@Suite(.serialized) struct InterruptTests {
    /// A book whose chapter starts a background process in a group of its own, writes both
    /// process IDs into `pids`, then never ends.
    static func book() throws -> String {
        let cell = """
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = ["-c", "sleep 1000 > /dev/null 2>&1 & echo \\(getpid()) $! > pids.partial && mv pids.partial pids"]
            try shell.run()
            while true { sleep(1) }
            """
        return try BookLoaderTests.folder([
            "book.yml": "title: T\nchapters: [a.md]\n", "a.md": "# A\n\n```swift\n\(cell)\n```\n",
        ])
    }

    /// Starts `mlbook build` in `root`, waits for the chapter's process IDs, sends `signal`
    /// and returns mlbook's exit and the two process IDs.
    static func interruptedBuild(signal: Int32) throws -> (process: Process, pids: [pid_t]) {
        let root = try book()
        let process = Process()
        process.executableURL = MLBookExecutable.url
        process.arguments = ["build", "--book", ".", "--output", "site", "--work-directory", "work"]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var pids: [pid_t] = []
        for _ in 0..<1200 where pids.isEmpty {
            usleep(100_000)
            pids = ((try? String(contentsOfFile: root + "/pids", encoding: .utf8)) ?? "")
                .split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return (process, pids)
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func aSignalToMlbookStopsTheChapterAndWhatItStarted(_ signal: Int32) throws {
        let (process, pids) = try Self.interruptedBuild(signal: signal)
        #expect(pids.count == 2, "the chapter never wrote its process IDs")
        #expect(
            process.terminationReason == .exit && process.terminationStatus == 130,
            "mlbook ended with \(process.terminationReason) \(process.terminationStatus)")
        for pid in pids {
            #expect(HostileChapterTests.isGone(pid), "process \(pid) outlived mlbook")
        }
    }

    @Test func killingMlbookStopsTheChapter() throws {
        let (process, pids) = try Self.interruptedBuild(signal: SIGKILL)
        #expect(process.terminationReason == .uncaughtSignal)
        let chapter = try #require(pids.first)
        #expect(HostileChapterTests.isGone(chapter), "the chapter program outlived mlbook")
        // Its background process made a group of its own: nothing is left to stop it.
        if let background = pids.last { kill(background, SIGKILL) }
    }
}
