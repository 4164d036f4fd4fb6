/// A loaded book: its configuration and its chapters in reading order.
public struct Book: Sendable {
    /// The `book.yml` settings.
    public var configuration: BookConfiguration
    /// The chapters, in the order `book.yml` lists them.
    public var chapters: [Chapter]
    /// The folder holding `book.yml`, as given by the user.
    public var root: String
    /// The book's own Mustache page template (`_templates/page.mustache`) and its path, if any.
    public var pageTemplate: (text: String, path: String)?
}

/// The settings of `book.yml`.
public struct BookConfiguration: Sendable, Equatable {
    public var title: String
    /// The page language (`lang` attribute), e.g. `zh-CN`.
    public var language: String
    /// Chapter file names, relative to the book folder.
    public var chapterFiles: [String]
    public var execution: ExecutionDefaults
    /// A sentence or two about the book, shown on the index page.
    public var description: String?
    /// Modules whose DocC reference `make docs` puts in the site's `api/<module>/`, linked
    /// from the index page (`book.yml` `api: [NeuralKit, Notebook]`).
    public var apiModules: [String]

    public init(
        title: String, language: String = "en", chapterFiles: [String],
        execution: ExecutionDefaults = ExecutionDefaults(), description: String? = nil, apiModules: [String] = []
    ) {
        self.description = description
        self.apiModules = apiModules
        self.title = title
        self.language = language
        self.chapterFiles = chapterFiles
        self.execution = execution
    }
}

/// The `execute:` block of `book.yml`.
public struct ExecutionDefaults: Sendable, Equatable {
    /// Seconds a chapter may run before it is stopped.
    public var timeout: Double = 120
    /// Relative tolerance of `check` when comparing numbers with `_freeze/`.
    public var tolerance: Double = 1e-6
    /// Seed of the engine's default generator in every chapter process.
    public var seed: UInt64 = 0

    public init(timeout: Double = 120, tolerance: Double = 1e-6, seed: UInt64 = 0) {
        self.timeout = timeout
        self.tolerance = tolerance
        self.seed = seed
    }
}
