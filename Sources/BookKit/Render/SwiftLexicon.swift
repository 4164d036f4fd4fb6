/// The words and character classes of Swift that `SwiftTokenizer` needs.
enum SwiftLexicon {
    /// Words Swift reserves: an identifier spelled so needs backticks, except as a member
    /// name or an argument label.
    static let reservedKeywords: Set<String> = [
        // Declarations.
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
        "init", "inout", "internal", "let", "operator", "precedencegroup", "private", "protocol",
        "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
        // Statements.
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough",
        "for", "guard", "if", "in", "repeat", "return", "switch", "throw", "where", "while",
        // Expressions and types.
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
    ]

    /// Contextual keywords a tutorial writes in declarations and types; elsewhere they are
    /// ordinary names (`let prefix = "ab"`, `set.insert(1)`). Those that are mostly names
    /// (`left`, `none`, `precedence`, `copy`) are left out.
    static let contextualKeywords: Set<String> = [
        "actor", "any", "async", "borrowing", "consuming", "convenience", "didSet", "dynamic",
        "each", "final", "get", "indirect", "infix", "isolated", "lazy", "macro", "mutating",
        "nonisolated", "nonmutating", "open", "optional", "override", "package", "postfix",
        "prefix", "Protocol", "required", "sending", "set", "some", "Type", "unowned", "weak",
        "willSet",
    ]

    /// Keywords that stay keywords after a `.`: `Int.self`, `super.init()`, `T.Type`.
    static let memberKeywords: Set<String> = ["self", "init", "Type", "Protocol"]

    /// Contextual keywords that are also common function names, so that `prefix(3)` or
    /// `open(path)` is a call; `init(`, `set(newValue)` and `unowned(unsafe)` stay keywords.
    static let callableKeywords: Set<String> = [
        "any", "dynamic", "each", "infix", "isolated", "macro", "open", "optional", "package",
        "postfix", "prefix",
    ]

    /// The radix a `0x`, `0o` or `0b` prefix gives, from the scalar after the `0`.
    static func radix(prefix scalar: Unicode.Scalar?) -> Int? {
        switch scalar {
        case "x": 16
        case "o": 8
        case "b": 2
        default: nil
        }
    }

    /// Whether `scalar` is a digit in `base` (2, 8, 10 or 16).
    static func isDigit(_ scalar: Unicode.Scalar, base: Int) -> Bool {
        switch scalar {
        case "0"..."9": Int(scalar.value - 48) < base
        case "a"..."f", "A"..."F": base == 16
        default: false
        }
    }

    /// Whether `scalar` ends a line: a single-line string or comment stops before it.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r"
    }

    /// Whether `scalar` is a space, tab or line break.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || isLineBreak(scalar)
    }

    /// Whether `scalar` can start an identifier: a letter, `_`, or a non-ASCII scalar that is
    /// not a space, punctuation (`，` or `：` outside a string) or a math symbol; Swift's exact
    /// ranges are wider, but only decide classes here, never what text is kept.
    static func isIdentifierHead(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "_": return true
        case "\0"..."\u{7F}": return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .surrogate,
            .unassigned, .privateUse, .connectorPunctuation, .dashPunctuation, .openPunctuation,
            .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol:
            return false
        default:
            return true
        }
    }

    /// Whether `scalar` can continue an identifier: a head or a decimal digit.
    static func isIdentifierBody(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierHead(scalar) || isDigit(scalar, base: 10)
    }
}
