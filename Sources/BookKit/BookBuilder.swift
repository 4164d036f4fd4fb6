import Foundation

/// The pipeline, load → execute → render, as one orchestrator: what `mlbook build`, `run`
/// and `check` call.
public struct BookBuilder: Sendable {
    /// What happens to a chapter, for progress displays.
    public enum Event: Sendable {
        case started(chapter: String)
        case running(chapter: String, RunEvent)
        case finished(chapter: String, result: ChapterResult)
    }

    public var book: Book
    public var runner: ChapterRunner
    /// How many chapters compile and run at once.
    public var jobs: Int

    public init(book: Book, runner: ChapterRunner, jobs: Int) {
        self.book = book
        self.runner = runner
        self.jobs = max(jobs, 1)
    }

    /// Runs every chapter (up to `jobs` at once) and returns the results in book order.
    public func executeAll(progress: @escaping @Sendable (Event) -> Void = { _ in }) -> [ChapterResult] {
        let chapters = book.chapters
        let results = LockedArray<ChapterResult?>(repeating: nil, count: chapters.count)
        let next = LockedCounter()
        let runner = runner
        DispatchQueue.concurrentPerform(iterations: min(jobs, chapters.count)) { _ in
            while let index = next.take(below: chapters.count) {
                progress(.started(chapter: chapters[index].path))
                let path = chapters[index].path
                let result = Self.execute(chapters[index], runner: runner) { progress(.running(chapter: path, $0)) }
                results[index] = result
                progress(.finished(chapter: chapters[index].path, result: result))
            }
        }
        return results.values.map {
            $0 ?? ChapterResult(cells: [], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0)
        }
    }

    /// Runs one chapter; an error setting it up (unwritable folder, missing compiler)
    /// becomes the chapter's error.
    static func execute(_ chapter: Chapter, runner: ChapterRunner, observe: RunObserver? = nil) -> ChapterResult {
        do {
            return try runner.run(chapter, observe: observe)
        } catch {
            return ChapterResult(
                cells: chapter.cells.map { _ in CellResult() }, inlineValues: [], errors: [error],
                compileSeconds: 0, runSeconds: 0)
        }
    }

    /// Renders every page and swaps the new site into `outputDirectory`; returns the
    /// rendering warnings.
    @discardableResult
    public func writeSite(results: [ChapterResult], to outputDirectory: String) throws(BookError) -> [BookWarning] {
        let (files, warnings) = try pages(results: results)
        try SiteWriter(outputDirectory: outputDirectory, bookRoot: book.root).replaceSite(
            with: files, assets: Self.assets.merging(SiteSources.assets(book)) { own, _ in own })
        return warnings
    }

    /// Throws unless a site may be written to `outputDirectory` (see `OutputFolder`): called
    /// before any chapter runs, so a refused folder costs no build.
    public func checkOutput(_ outputDirectory: String) throws(BookError) {
        try OutputFolder(path: outputDirectory, bookRoot: book.root).checkReplaceable()
    }

    /// Files copied into the site when this machine has them: the Latin Modern Math font
    /// (GUST Font License, free to redistribute) so formulas look the same everywhere. Without
    /// it, pages fall back to the reader's own math fonts (see the stylesheet's `@font-face`).
    static var assets: [String: String] {
        guard let font = latinModernMath.first(where: FileManager.default.fileExists(atPath:)) else { return [:] }
        return ["fonts/latinmodern-math.otf": font]
    }

    /// Where systems keep Latin Modern Math: Debian's and Ubuntu's `fonts-lmodern`, Fedora's
    /// `texlive-lm-math`, any TeX Live or MacTeX (by year), and the macOS font folders.
    static var latinModernMath: [String] {
        let name = "latinmodern-math.otf"
        let texLive = "/usr/local/texlive"
        let years = ((try? FileManager.default.contentsOfDirectory(atPath: texLive)) ?? []).sorted(by: >)
        return [
            "/usr/share/texmf/fonts/opentype/public/lm-math/\(name)",
            "/usr/share/texlive/texmf-dist/fonts/opentype/public/lm-math/\(name)",
        ] + years.map { "\(texLive)/\($0)/texmf-dist/fonts/opentype/public/lm-math/\(name)" } + [
            NSHomeDirectory() + "/Library/Fonts/\(name)", "/Library/Fonts/\(name)",
        ]
    }

    /// Runs one chapter with its progress and text reported to `observe`, then rewrites that chapter's page
    /// (and the shared files) in `outputDirectory`. Returns the result and the page's path.
    public func runChapter(
        at index: Int, to outputDirectory: String, observe: @escaping RunObserver
    ) throws(BookError) -> (result: ChapterResult, page: String, warnings: [BookWarning]) {
        let result = Self.execute(book.chapters[index], runner: runner, observe: observe)
        let template = try PageTemplate(book: book)
        let name = book.chapters[index].pageName
        let body = ChapterRenderer.body(book.chapters[index], result: result, language: book.configuration.language)
        try SiteWriter(outputDirectory: outputDirectory, bookRoot: book.root).updatePages([
            name: template.chapterPage(index, body: body.html, headings: body.headings, result: result),
            "style.css": Stylesheet.all, "mlbook.js": SiteScript.javaScript,
        ])
        return (result, outputDirectory + "/" + name, body.warnings)
    }

    /// Records each successful chapter's results in `_freeze/` (what `check` compares with).
    public func recordFreeze(results: [ChapterResult]) throws(BookError) {
        for (chapter, result) in zip(book.chapters, results) where result.succeeded {
            try FreezeRecord(chapter: chapter, result: result)
                .write(to: FreezeRecord.path(for: chapter, bookRoot: book.root))
        }
    }

    /// Compares each chapter's fresh results with `_freeze/`: the drifts per chapter (a
    /// chapter without a record drifts as a whole). `tolerance` overrides the book's and the
    /// chapters' own.
    public func drifts(results: [ChapterResult], tolerance: Double? = nil) throws(BookError) -> [[Drift]] {
        var all: [[Drift]] = []
        for (chapter, result) in zip(book.chapters, results) {
            let path = FreezeRecord.path(for: chapter, bookRoot: book.root)
            guard let recorded = try FreezeRecord.load(from: path) else {
                all.append([
                    Drift(
                        location: SourceLocation(file: chapter.path, line: 1), what: "recorded results",
                        expected: path, actual: "missing (run `mlbook check --update`)", relativeError: nil)
                ])
                continue
            }
            let comparison = FreezeComparison(
                tolerance: tolerance ?? chapter.tolerance ?? book.configuration.execution.tolerance, path: chapter.path)
            all.append(comparison.drifts(expected: recorded, actual: FreezeRecord(chapter: chapter, result: result)))
        }
        return all
    }

    /// Every file of the site (one page per chapter, the index and the stylesheet) and the
    /// warnings met rendering them.
    func pages(results: [ChapterResult]) throws(BookError) -> (files: [String: String], warnings: [BookWarning]) {
        let template = try PageTemplate(book: book)
        var files = [
            "index.html": template.indexPage(), "style.css": Stylesheet.all, "mlbook.js": SiteScript.javaScript,
        ]
        var warnings: [BookWarning] = []
        var searchEntries: [SiteScript.Entry] = []
        for (index, chapter) in book.chapters.enumerated() {
            let body = ChapterRenderer.body(chapter, result: results[index], language: book.configuration.language)
            files[chapter.pageName] = template.chapterPage(
                index, body: body.html, headings: body.headings, result: results[index])
            warnings += body.warnings
            searchEntries += SiteScript.entries(chapter: chapter, result: results[index], headings: body.headings)
        }
        files["search-index.js"] = SiteScript.index(searchEntries)
        return (files, warnings)
    }
}

/// A fixed-size array written from several threads.
final class LockedArray<Element>: @unchecked Sendable {
    private var storage: [Element]
    private let lock = NSLock()

    init(repeating value: Element, count: Int) {
        storage = Array(repeating: value, count: count)
    }

    subscript(index: Int) -> Element {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Element] { lock.withLock { storage } }
}

/// Hands out 0, 1, 2, … to worker threads.
final class LockedCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
