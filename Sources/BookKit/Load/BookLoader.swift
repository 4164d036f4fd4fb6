import Foundation

/// Loads a book folder: `book.yml`, then each chapter it lists.
public enum BookLoader {
    /// Reads `root/book.yml` and every chapter, applying parameter overrides (`-p name=value`)
    /// to the chapter at `overriddenChapter` (a path, compared after standardizing), or to every
    /// chapter when it is nil.
    public static func load(
        root: String, overrides: [String: String] = [:], overriddenChapter: String? = nil
    ) throws(BookError) -> Book {
        let overriddenPath = overriddenChapter.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let configurationPath = join(root, "book.yml")
        let configuration = try loadConfiguration(path: configurationPath)
        var chapters: [Chapter] = []
        var pages = ["index": "the book's index page"]
        for file in configuration.chapterFiles {
            let path = join(root, file)
            guard FileManager.default.fileExists(atPath: path) else {
                throw BookError(
                    file: configurationPath, line: chapterLine(file, in: configurationPath),
                    "chapter '\(file)' is listed but \(path) does not exist")
            }
            let applies = overriddenPath.map { $0 == URL(fileURLWithPath: path).standardizedFileURL.path } ?? true
            let chapter = try ChapterLoader.load(
                path: path, defaults: configuration.execution, overrides: applies ? overrides : [:])
            // One page (and one _freeze record) per file name: two chapters must not share one.
            if let other = pages[chapter.slug] {
                throw BookError(
                    file: configurationPath, line: chapterLine(file, in: configurationPath),
                    "chapter '\(file)' and \(other) would both be the page \(chapter.pageName); rename one")
            }
            pages[chapter.slug] = "chapter '\(file)'"
            chapters.append(chapter)
        }
        let templatePath = join(root, "_templates/page.mustache")
        let template = SourceText.read(templatePath).map {
            (text: $0, path: templatePath)
        }
        return Book(configuration: configuration, chapters: chapters, root: root, pageTemplate: template)
    }

    /// Parses `book.yml`.
    public static func loadConfiguration(path: String) throws(BookError) -> BookConfiguration {
        guard let text = SourceText.read(path) else {
            throw BookError(file: path, "cannot read the book configuration (is this a book folder?)")
        }
        let fields = try YAMLFields(yaml: text, file: path)
        try fields.rejectUnknownKeys(["title", "language", "description", "repository", "api", "chapters", "execute"])
        _ = try repository(fields)
        guard let title = try fields.string("title") else {
            throw BookError(file: path, "book.yml needs a 'title'")
        }
        guard let chapterFiles = try fields.stringList("chapters"), !chapterFiles.isEmpty else {
            throw BookError(file: path, "book.yml needs a non-empty 'chapters' list")
        }
        var execution = ExecutionDefaults()
        if let execute = try fields.fields("execute") {
            try execute.rejectUnknownKeys(["timeout", "tolerance", "seed"])
            execution.timeout = try execute.double("timeout", atLeast: 0, inclusive: false) ?? execution.timeout
            execution.tolerance = try execute.double("tolerance", atLeast: 0) ?? execution.tolerance
            execution.seed = try execute.unsigned("seed") ?? execution.seed
        }
        return BookConfiguration(
            title: title, language: try fields.string("language") ?? "en", chapterFiles: chapterFiles,
            execution: execution, description: try fields.string("description"),
            apiModules: try fields.stringList("api") ?? [])
    }

    /// `book.yml`'s `repository:`, the web address of the repository that holds the book
    /// (`https://github.com/owner/name`), without a trailing `/`; nil when the book names none
    /// or has no `book.yml` (a book built in memory).
    public static func repository(root: String) throws(BookError) -> String? {
        let path = join(root, "book.yml")
        guard let text = SourceText.read(path) else { return nil }
        return try repository(YAMLFields(yaml: text, file: path))
    }

    /// The `repository:` field, which must be an `http` or `https` address.
    private static func repository(_ fields: YAMLFields) throws(BookError) -> String? {
        guard let address = try fields.string("repository") else { return nil }
        guard let url = URL(string: address), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host?.isEmpty == false
        else {
            let place = fields.node("repository").map(fields.place) ?? SourceLocation(file: fields.file, line: 1)
            throw BookError(place, "'repository' must be a web address such as https://github.com/owner/name")
        }
        var trimmed = address
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed
    }

    /// The line of `book.yml` that names `file`, for a precise error.
    private static func chapterLine(_ file: String, in path: String) -> Int {
        let lines = SourceText.read(path)?.components(separatedBy: "\n") ?? []
        return (lines.firstIndex { $0.contains(file) } ?? 0) + 1
    }

    static func join(_ folder: String, _ file: String) -> String {
        folder.isEmpty || folder == "." ? file : (folder.hasSuffix("/") ? folder + file : folder + "/" + file)
    }
}
