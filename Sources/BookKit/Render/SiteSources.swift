import Foundation
import SVGCharts

/// The Markdown the site carries besides its pages: every chapter's source under `source/`
/// (each page links its own, so a reader can see and run exactly what made it), and the
/// book's introduction, `index.md` beside `book.yml`, shown on the index page.
enum SiteSources {
    /// The folder of the site that holds the chapters' sources.
    static let folder = "source"

    /// The site-relative link to a chapter's source file.
    static func href(_ chapter: Chapter) -> String {
        let name = chapter.path.split(separator: "/").last.map(String.init) ?? chapter.path
        let unreserved = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
        return folder + "/" + (name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? name)
    }

    /// The address of a chapter's file in the book's repository (`book.yml`'s `repository:`),
    /// in GitHub's form `REPOSITORY/blob/HEAD/PATH`: PATH is the file's path from the folder
    /// that holds `.git` above the book, or `BOOK-FOLDER/FILE` when the book is not in a clone.
    static func repositoryHref(_ chapter: Chapter, bookRoot: String, repository: String) -> String {
        let name = chapter.path.split(separator: "/").last.map(String.init) ?? chapter.path
        let book = URL(fileURLWithPath: bookRoot.isEmpty ? "." : bookRoot).standardizedFileURL.resolvingSymlinksInPath()
        var components = [name]
        var folder = book
        while true {
            components.insert(folder.lastPathComponent, at: 0)
            let parent = folder.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: parent.appendingPathComponent(".git").path) { break }
            if parent.path == folder.path {  // the file system's root: not in a clone
                components = [book.lastPathComponent, name]
                break
            }
            folder = parent
        }
        let unreserved = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
        let path = components.map { $0.addingPercentEncoding(withAllowedCharacters: unreserved) ?? $0 }
        return repository + "/blob/HEAD/" + path.joined(separator: "/")
    }

    /// Every chapter's file, as `SiteWriter` assets: site path `source/<file>.md` → its path.
    static func assets(_ book: Book) -> [String: String] {
        var assets: [String: String] = [:]
        for chapter in book.chapters {
            let name = chapter.path.split(separator: "/").last.map(String.init) ?? chapter.path
            assets[folder + "/" + name] = book.root + "/" + name
        }
        return assets
    }

    /// The book's `index.md` as HTML (formulas as MathML), or nil when the book has none.
    static func introduction(_ book: Book) -> String? {
        guard let markdown = try? String(contentsOfFile: book.root + "/index.md", encoding: .utf8) else { return nil }
        return "<div class=\"introduction\">\n\(html(markdown))</div>"
    }

    /// A chapter's first paragraph of prose (before any cell, without inline values, which
    /// exist only after a run), for the index page; nil when it opens otherwise.
    static func summary(_ chapter: Chapter) -> String? {
        let blocks = chapter.markdown.components(separatedBy: "\n\n").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let prose = blocks.prefix { !$0.hasPrefix("```") }.first { block in
            guard let first = block.first, !"#<|>-*`![".contains(first) else { return false }
            return !block.contains("{swift}") && !block.hasPrefix("---") && !block.contains("@fig-")
                && !block.contains("@tbl-")
        }
        return prose.map(html)
    }

    /// Markdown rendered by libcmark, formulas as MathML.
    private static func html(_ markdown: String) -> String {
        let (protected, formulas) = MathProtector.protect(markdown)
        let document = MarkdownDocument(protected, renderingTables: true)
        document.joinCJKLines()
        return MathProtector.restore(document.html(), spans: formulas) { formula in
            (try? MathConverter.mathML(formula.tex, display: formula.display)) ?? escapeMarkup(formula.tex)
        }
    }
}
