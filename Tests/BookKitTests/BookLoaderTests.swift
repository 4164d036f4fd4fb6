import Foundation
import Testing

@testable import BookKit

@Suite struct BookLoaderTests {
    /// Writes `files` into a fresh temporary folder and returns its path.
    static func folder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mlbook-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, content) in files {
            let file = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: file, atomically: true, encoding: .utf8)
        }
        return root.path
    }

    @Test func readsTheConfiguration() throws {
        let root = try Self.folder([
            "book.yml":
                "title: T\nlanguage: zh-CN\nchapters: [a.md]\nexecute: { timeout: 30, tolerance: 1.0e-4, seed: 7 }\n",
            "a.md": "# A\n",
        ])
        let book = try BookLoader.load(root: root)
        #expect(
            book.configuration
                == BookConfiguration(
                    title: "T", language: "zh-CN", chapterFiles: ["a.md"],
                    execution: ExecutionDefaults(timeout: 30, tolerance: 1e-4, seed: 7)))
        #expect(book.chapters.map(\.seed) == [7])
        #expect(book.chapters.map(\.title) == ["A"])
    }

    @Test(arguments: [
        (
            "title: T\nchapters: [a.md]\nexcute: {}\n",
            "3:1: error: unknown key 'excute' (expected one of: title, language, description, repository, api, chapters, execute)"
        ),
        ("title: T\nchapters: [a.md, missing.md]\n", "2:1: error: chapter 'missing.md' is listed but"),
        ("title: T\nchapters: [a.md]\nexecute: { seed: -1 }\n", "3:18: error: 'seed' must be a non-negative integer"),
        ("title: [T\n", "error: invalid YAML"),
        ("chapters: [a.md]\n", "1:1: error: book.yml needs a 'title'"),
    ])
    func badConfigurationsGiveOneLocatedLine(yaml: String, fragment: String) throws {
        let root = try Self.folder(["book.yml": yaml, "a.md": "# A\n"])
        do {
            _ = try BookLoader.load(root: root)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(root + "/book.yml:"))
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }
}
