/// A place in a source file: 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The path as the user sees it (relative to the working directory when possible).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Everything that can go wrong with a book, located in a file: the one error type of the
/// generator, printed as `path:line:col: error: message`.
public struct BookError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public init(file: String, line: Int = 1, column: Int = 1, _ message: String) {
        self.init(SourceLocation(file: file, line: line, column: column), message)
    }

    /// An error about a whole file or folder rather than a line in it: `path: error: message`.
    public init(path: String, _ message: String) {
        self.init(SourceLocation(file: path, line: 0, column: 0), message)
    }

    public var description: String {
        location.line > 0
            ? "\(location.file):\(location.line):\(location.column): error: \(message)"
            : "\(location.file): error: \(message)"
    }
}

/// Something worth fixing that does not stop the build (e.g. TeX the converter does not
/// support), printed as `path:line:col: warning: message`.
public struct BookWarning: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String {
        "\(location.file):\(location.line):\(location.column): warning: \(message)"
    }
}
