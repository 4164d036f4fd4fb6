import Mustache
import SVGCharts

/// The HTML around a page's content: head, chapter navigation and the rerun box.
struct PageTemplate {
    let book: Book
    let template: MustacheTemplate
    let text: InterfaceText
    /// `book.yml`'s `repository:`, when the book names one: each page links its file there.
    let repository: String?

    /// Uses the book's own page template when it has one (`book.pageTemplate`).
    init(book: Book) throws(BookError) {
        self.book = book
        text = InterfaceText(language: book.configuration.language)
        repository = try BookLoader.repository(root: book.root)
        let source = book.pageTemplate ?? (text: PageTemplate.standard, path: "page.mustache")
        do {
            template = try MustacheTemplate(string: source.text)
        } catch {
            throw BookError(file: source.path, "the page template does not parse: \(error)")
        }
    }

    /// A full chapter page.
    func chapterPage(_ index: Int, body: String, headings: [Heading] = [], result: ChapterResult) -> String {
        let chapter = book.chapters[index]
        let previous = index > 0 ? book.chapters[index - 1] : nil
        let next = index + 1 < book.chapters.count ? book.chapters[index + 1] : nil
        var pager = "<nav class=\"pager\" aria-label=\"\(escapeMarkup(text.previousAndNext))\">"
        if let previous {
            pager += "<a rel=\"prev\" href=\"\(previous.pageHref)\">← \(escapeMarkup(previous.title))</a>"
        }
        if let next { pager += "<a rel=\"next\" href=\"\(next.pageHref)\">\(escapeMarkup(next.title)) →</a>" }
        pager += "</nav>"
        let content = """
            <article>
            \(body)
            </article>
            \(rerunBox(chapter, result: result))
            \(pager)
            """
        return page(
            title: "\(chapter.title) · \(book.configuration.title)", current: chapter.slug, content: content,
            outline: outline(headings))
    }

    /// The index page: the book's title, its description (`book.yml`'s `description:`) and
    /// introduction (`index.md` beside `book.yml`, when there is one), a link to the first
    /// chapter, and the chapters, each with its opening paragraph.
    func indexPage() -> String {
        let items = book.chapters.map { chapter in
            let summary = SiteSources.summary(chapter).map { "<div class=\"summary\">\($0)</div>" } ?? ""
            return "<li><a href=\"\(chapter.pageHref)\">\(escapeMarkup(chapter.title))</a>\(summary)</li>"
        }
        let start = book.chapters.first.map {
            "<p class=\"start\"><a href=\"\($0.pageHref)\">\(escapeMarkup(text.startReading)) →</a></p>"
        }
        let description = book.configuration.description.map { "<p class=\"description\">\(escapeMarkup($0))</p>" }
        let api = book.configuration.apiModules.map { module in
            let folder = module.lowercased()
            return "<a href=\"api/\(folder)/documentation/\(folder)/\">\(escapeMarkup(module))</a>"
        }
        let content = """
            <article>
            <h1>\(escapeMarkup(book.configuration.title))</h1>
            \(description ?? "")
            \(SiteSources.introduction(book) ?? "")
            \(start ?? "")
            <h2>\(escapeMarkup(text.chapterList))</h2>
            <ul class="chapter-list">
            \(items.joined(separator: "\n"))
            </ul>
            \(api.isEmpty ? "" : "<p class=\"api-reference\">\(escapeMarkup(text.apiReference))\(text.captionSeparator)\(api.joined(separator: " · "))</p>")
            </article>
            """
        return page(title: book.configuration.title, current: nil, content: content, outline: "")
    }

    /// How to run the chapter from a fresh clone and with other parameters, the link to its
    /// Markdown source, and how long its computations took on this build.
    private func rerunBox(_ chapter: Chapter, result: ChapterResult) -> String {
        let parameters = chapter.parameters.map { " -p \($0.name)=\($0.value)" }.joined()
        let failed =
            result.errors.isEmpty
            ? "" : "<p class=\"failed\">\(escapeMarkup(text.failedCount(result.errors.count)))</p>"
        let commands = "make site\n.build/release/mlbook run \(chapter.path)\(parameters)"
        let timing = text.timing(formatDuration(result.runSeconds), formatDuration(result.compileSeconds))
        return """
            <aside class="rerun" aria-labelledby="run-this-chapter">
            <p class="rerun-title" id="run-this-chapter"><strong>\(escapeMarkup(text.runThisChapter))</strong></p>
            <p>\(escapeMarkup(text.fromFreshClone))</p>
            <div class="code-block"><pre class="code commands"><code>\(escapeMarkup(commands))</code></pre></div>
            <p>\(escapeMarkup(timing))</p>
            <p><a href="\(SiteSources.href(chapter))">\(escapeMarkup(text.source))</a>\(repositoryLink(chapter))</p>
            \(failed)
            </aside>
            """
    }

    /// “ · ” and a link to the chapter's file in the book's repository, or nothing.
    private func repositoryLink(_ chapter: Chapter) -> String {
        guard let repository else { return "" }
        let href = SiteSources.repositoryHref(chapter, bookRoot: book.root, repository: repository)
        return " · <a href=\"\(escapeMarkup(href))\">\(escapeMarkup(text.repositorySource))</a>"
    }

    /// The chapter's own table of contents: its second- and third-level headings.
    private func outline(_ headings: [Heading]) -> String {
        let items = headings.filter { $0.level <= 3 }.map { heading in
            "<li class=\"level-\(heading.level)\"><a href=\"#\(escapeMarkup(heading.id))\">\(escapeMarkup(heading.text))</a></li>"
        }
        return items.isEmpty ? "" : "<ol class=\"outline\">\(items.joined())</ol>"
    }

    /// The whole page through the Mustache template (the book's `_templates/page.mustache`,
    /// or `PageTemplate.standard`). Values are escaped by Mustache except the ones the
    /// template takes with triple braces: `{{{content}}}` and a chapter's `{{{outline}}}`, which
    /// are mlbook's own HTML and are never templated again.
    private func page(title: String, current: String?, content: String, outline: String) -> String {
        let chapters: [[String: Any]] = book.chapters.map { chapter in
            let isCurrent = chapter.slug == current
            return [
                "href": chapter.pageHref, "title": chapter.title, "current": isCurrent,
                "outline": isCurrent ? outline : "",
            ]
        }
        let context: [String: Any] = [
            "language": book.configuration.language, "pageTitle": title, "bookTitle": book.configuration.title,
            "chapters": chapters, "content": content, "contentsLabel": text.contents,
            "skipLabel": text.skipToContent, "searchPlaceholder": text.searchPlaceholder,
            "searchLabel": text.searchLabel,
        ]
        return template.render(context)
    }

    /// The default page: sidebar (book title, search box, chapters with the current one's
    /// outline), the content, and the two enhancement scripts.
    static let standard = """
        <!DOCTYPE html>
        <html lang="{{language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{pageTitle}}</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body>
        <a class="skip-link" href="#content">{{skipLabel}}</a>
        <nav class="sidebar" aria-label="{{contentsLabel}}">
        <p class="book-title"><a href="index.html">{{bookTitle}}</a></p>
        <details class="toc">
        <summary>{{contentsLabel}}</summary>
        <div class="search">
        <input id="search" type="search" placeholder="{{searchPlaceholder}}" aria-label="{{searchLabel}}" hidden>
        <p id="search-status" aria-live="polite"></p>
        <ol id="search-results"></ol>
        </div>
        <ul class="chapters">
        {{#chapters}}
        <li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a>{{{outline}}}</li>
        {{/chapters}}
        </ul>
        </details>
        </nav>
        <main id="content">
        {{{content}}}
        </main>
        <script src="search-index.js" defer></script>
        <script src="mlbook.js" defer></script>
        </body>
        </html>

        """
}
