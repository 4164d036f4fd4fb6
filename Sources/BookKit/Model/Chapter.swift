import Foundation

/// One chapter: its Markdown, its front matter and the Swift it runs.
public struct Chapter: Sendable {
    /// The path of the Markdown file as shown in messages (e.g. `chapters/04-code-example.md`).
    public var path: String
    /// The file name without extension, which names the page (`04-code-example.html`).
    public var slug: String
    /// The front matter's `title`, or the first heading, or the slug.
    public var title: String
    /// The Markdown with the front matter blanked out (line numbers stay those of the file).
    public var markdown: String
    /// Parameters declared by the front matter, with the values in force.
    public var parameters: [Parameter]
    /// The seed of this chapter's process.
    public var seed: UInt64
    /// `check`'s relative tolerance for this chapter, when its front matter sets one.
    public var tolerance: Double?
    /// The Swift cells, in document order.
    public var cells: [Cell]
    /// The `` `{swift} expr` `` inline values, in document order.
    public var inlineExpressions: [InlineExpression]

    /// The file name of the chapter's page in the site.
    public var pageName: String { slug + ".html" }

    /// `pageName` as a link: every byte but unreserved ASCII percent-encoded, so a file name
    /// with spaces, `#`, `?`, `&` or quotes still links to its page.
    public var pageHref: String {
        let unreserved = CharacterSet(charactersIn: "-._~")
            .union(CharacterSet(charactersIn: "a"..."z"))
            .union(CharacterSet(charactersIn: "A"..."Z"))
            .union(CharacterSet(charactersIn: "0"..."9"))
        return pageName.addingPercentEncoding(withAllowedCharacters: unreserved) ?? pageName
    }
}

/// A chapter parameter: typed by its front-matter value, overridable with `-p name=value`.
public struct Parameter: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case int = "Int"
        case float = "Float"
        case bool = "Bool"
        case string = "String"

        /// Whether `text` is a valid value of this kind.
        func accepts(_ text: String) -> Bool {
            switch self {
            case .int: Int(text) != nil
            case .float: Float(text)?.isFinite == true
            case .bool: Bool(text) != nil
            case .string: true
            }
        }
    }

    public var name: String
    public var kind: Kind
    /// The value as text, as the chapter program parses it.
    public var value: String
    /// Where the front matter declares it.
    public var location: SourceLocation
}

/// A fenced ```` ```swift ```` block.
public struct Cell: Sendable, Equatable {
    /// The code, without the fences (option lines included: they are comments).
    public var code: String
    /// The Markdown line of the first code line.
    public var firstLine: Int
    public var options: CellOptions

    /// The Markdown lines of the code (from the first code line to the last).
    public var lines: Range<Int> {
        firstLine..<(firstLine + max(code.split(separator: "\n", omittingEmptySubsequences: false).count - 1, 1))
    }
}

/// Quarto-style `//| key: value` options at the top of a cell.
public struct CellOptions: Sendable, Equatable {
    /// Show the code.
    public var echo = true
    /// Run the code.
    public var eval = true
    /// Show what the cell printed and drew.
    public var output = true
    /// The cell must fail; its error is shown.
    public var error = false
    public var label: String?
    public var caption: String?
    /// Seconds this cell may run.
    public var timeout: Double?

    public init() {}
}

/// An inline value `` `{swift} expr` `` in prose.
public struct InlineExpression: Sendable, Equatable {
    public var expression: String
    /// Where the expression text starts in the Markdown.
    public var location: SourceLocation
    /// How many cells come before it: it is evaluated right after cell `cellsBefore − 1`.
    public var cellsBefore: Int
}
