import Foundation

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
        let (protected, formulas) = MathProtector.protect(markdown)
        let html = MarkdownDocument(PipeTables.render(protected)).html()
        let restored = MathProtector.restore(html, spans: formulas) { formula in
            (try? MathConverter.mathML(formula.tex, display: formula.display)) ?? escapeHTML(formula.tex)
        }
        return "<div class=\"introduction\">\n\(restored)</div>"
    }
}
