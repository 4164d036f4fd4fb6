import Foundation
import Testing

@testable import BookKit

/// `serve` rebuilds when the book changes, and a build's own writes are not a change: with the
/// output inside the book, it used to rebuild forever.
@Suite struct BookSnapshotTests {
    @Test func whatABuildWritesInsideTheBookIsNotAChange() throws {
        let book = try BookLoaderTests.folder(["book.yml": "title: t\n", "01-a.md": "# A\n"])
        let ignoring = [book + "/site", book + "/../" + (book as NSString).lastPathComponent + "/.work"]
        let before = BookSnapshot(book: book, ignoring: ignoring)
        for folder in ["site", ".site.partial-123", ".site.old-456", ".work/cache", "_freeze"] {
            try FileManager.default.createDirectory(atPath: book + "/" + folder, withIntermediateDirectories: true)
            try "x".write(toFile: book + "/\(folder)/page.html", atomically: true, encoding: .utf8)
        }
        #expect(BookSnapshot(book: book, ignoring: ignoring) == before)
        try "x".write(toFile: book + "/sitemap.md", atomically: true, encoding: .utf8)
        #expect(BookSnapshot(book: book, ignoring: ignoring) != before)
    }

    @Test func anEditedChapterIsAChange() throws {
        let book = try BookLoaderTests.folder(["book.yml": "title: t\n", "01-a.md": "# A\n"])
        let before = BookSnapshot(book: book, ignoring: [book + "/site"])
        let chapter = book + "/01-a.md"
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: chapter)
        #expect(BookSnapshot(book: book, ignoring: [book + "/site"]) != before)
    }
}
