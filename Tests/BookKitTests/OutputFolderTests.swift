import Foundation
import Testing

@testable import BookKit

/// `--output` replaces only a folder mlbook made: never the user's files, the book, the
/// current folder or a folder containing either.
@Suite struct OutputFolderTests {
    /// A scratch folder holding `book/book.yml`, a `work` folder to act as the current folder,
    /// and `files` (name → content).
    static func scratch(_ files: [String: String] = [:]) throws -> String {
        try BookLoaderTests.folder(files.merging(["book/book.yml": "title: T\n", "work/.keep": ""]) { a, _ in a })
    }

    static func writer(_ output: String, root: String) -> SiteWriter {
        SiteWriter(outputDirectory: output, bookRoot: root + "/book", workingDirectory: root + "/work")
    }

    static func refusal(_ output: String, root: String) -> String? {
        do {
            try writer(output, root: root).replaceSite(with: ["index.html": "new"])
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aFolderOfTheUsersOwnFilesIsRefusedAndKept() throws {
        let root = try Self.scratch(["mine/notes.txt": "precious"])
        let refusal = try #require(Self.refusal(root + "/mine", root: root))
        #expect(refusal.hasPrefix("\(root)/mine: error: refusing to replace a folder mlbook did not write"))
        #expect(!refusal.contains("\n"))
        #expect(try String(contentsOfFile: root + "/mine/notes.txt", encoding: .utf8) == "precious")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["book", "mine", "work"])
    }

    @Test(arguments: ["book", ".", "book/..", "work", "work/..", "work/../work/.", "/"])
    func theBookTheCurrentFolderAndTheirParentsAreRefused(_ output: String) throws {
        let root = try Self.scratch()
        let path = output == "/" ? "/" : root + "/" + output
        let refusal = try #require(Self.refusal(path, root: root))
        #expect(refusal.contains("error: refusing to write the site here"))
        #expect(FileManager.default.fileExists(atPath: root + "/book/book.yml"))
        #expect(FileManager.default.fileExists(atPath: root + "/work/.keep"))
    }

    @Test func aMarkedSiteAnEmptyFolderAndAFreshClonesOutputAreReplaced() throws {
        let root = try Self.scratch([
            "fresh/README.md": SiteWriter.readme.replacingOccurrences(of: "\n", with: "\r\n"),
            "legacy/README.md": SiteWriter.readme, "legacy/old.html": "old", "legacy/style.css": "",
        ])
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        for name in ["fresh", "empty", "legacy", "new/nested"] {
            try Self.writer(root + "/" + name, root: root).replaceSite(with: ["index.html": "v1"])
            #expect(FileManager.default.fileExists(atPath: "\(root)/\(name)/\(OutputFolder.markName)"))
            try Self.writer(root + "/" + name, root: root).replaceSite(with: ["index.html": "v2"])
            #expect(try String(contentsOfFile: "\(root)/\(name)/index.html", encoding: .utf8) == "v2")
        }
    }

    /// The API reference `make docs` put in `api/` is carried into every new site: a rebuild
    /// must not lose what mlbook does not write itself.
    @Test func theAPIReferenceSurvivesARebuild() throws {
        let root = try Self.scratch()
        try Self.writer(root + "/site", root: root).replaceSite(with: ["index.html": "v1"])
        try FileManager.default.createDirectory(atPath: root + "/site/api/neuralkit", withIntermediateDirectories: true)
        try "reference".write(toFile: root + "/site/api/neuralkit/index.html", atomically: true, encoding: .utf8)
        try Self.writer(root + "/site", root: root).replaceSite(with: ["index.html": "v2"])
        #expect(try String(contentsOfFile: root + "/site/index.html", encoding: .utf8) == "v2")
        #expect(try String(contentsOfFile: root + "/site/api/neuralkit/index.html", encoding: .utf8) == "reference")
    }

    /// `make site` on a fresh clone writes into the committed `output/`, which holds only this
    /// README: it must stay the text mlbook recognizes as its own.
    @Test func theRepositorysOutputReadmeIsMlbooksOwn() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: repository.appendingPathComponent("output/README.md"), encoding: .utf8)
        #expect(SourceText.normalized(readme) == SiteWriter.readme)
    }

    @Test func aReadmeThatIsNotMlbooksOwnIsKept() throws {
        let root = try Self.scratch(["docs/README.md": "My project's docs.\n"])
        #expect(Self.refusal(root + "/docs", root: root) != nil)
        #expect(try String(contentsOfFile: root + "/docs/README.md", encoding: .utf8) == "My project's docs.\n")
    }

    @Test func rewritingOnePageIntoAForeignFolderIsRefused() throws {
        let root = try Self.scratch(["mine/a.html": "mine"])
        #expect(throws: BookError.self) {
            try Self.writer(root + "/mine", root: root).updatePages(["a.html": "theirs"])
        }
        #expect(try String(contentsOfFile: root + "/mine/a.html", encoding: .utf8) == "mine")
        try Self.writer(root + "/site", root: root).updatePages(["a.html": "page"])
        #expect(FileManager.default.fileExists(atPath: "\(root)/site/\(OutputFolder.markName)"))
    }

    @Test func buildsWritingOneOutputTakeTurns() throws {
        let root = try Self.scratch()
        let failures = LockedArray<String?>(repeating: nil, count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for round in 0..<10 {
                do {
                    try Self.writer(root + "/site", root: root).replaceSite(with: ["index.html": "\(worker).\(round)"])
                } catch {
                    failures[worker] = "\(error)"
                }
            }
        }
        #expect(failures.values.compactMap { $0 } == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["book", "site", "work"])
    }
}
