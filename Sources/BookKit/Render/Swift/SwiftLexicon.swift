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
        "willSet", "__consuming", "__owned", "__shared",
    ]

    /// Contextual keywords that prefix an expression or a statement (`consume x`, `copy x`,
    /// `unsafe f()`, `yield &x`, `discard self`): keywords only when an operand follows on
    /// the same line, so `let copy = x` and `yield(3)` are names.
    static let operatorKeywords: Set<String> = ["consume", "copy", "discard", "unsafe", "yield"]

    /// Accessors of coroutine properties, keywords only before their `{`: `_read { yield x }`.
    static let accessorKeywords: Set<String> = ["_read", "_modify"]

    /// Reserved words that can start an expression, so that `consume self` and
    /// `unsafe try f()` keep their keyword.
    static let expressionKeywords: Set<String> = [
        "Any", "Self", "self", "super", "init", "true", "false", "nil", "repeat", "try", "if", "switch",
    ]

    /// Reserved words that are whole expressions, after which a `/` divides (`self / 2`).
    static let literalKeywords: Set<String> = ["true", "false", "nil", "self", "Self", "super", "Any"]

    /// The directives of conditional compilation, after which an expression may start.
    static let conditionalDirectives: Set<String> = ["#if", "#else", "#elseif", "#endif"]

    /// Contextual keywords that begin a type, so may follow `=` or `?`: `as? any P`.
    static let typeOperatorKeywords: Set<String> = ["any", "some", "each", "borrowing", "consuming", "sending"]

    /// Contextual keywords that a `{` may follow: accessors, and `async` before a body. A
    /// modifier before `{` is a name, as in `if dynamic {`.
    static let blockKeywords: Set<String> = ["get", "set", "willSet", "didSet", "async"]

    /// Keywords that stay keywords after a `.`: `Int.self`, `super.init()`, `T.Type`.
    static let memberKeywords: Set<String> = ["self", "Self", "init", "Type", "Protocol"]

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

    /// Whether `scalar` can start an operator, Swift's operator-head: `/ = - + ! * % < > & | ^ ~ ?`,
    /// `.` (which starts `..<` and `...`), and the Unicode symbols the grammar lists.
    static func isOperatorHead(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21, 0x25, 0x26, 0x2A, 0x2B, 0x2D, 0x2E, 0x2F, 0x3C...0x3F, 0x5E, 0x7C, 0x7E: true
        case 0xA1...0xA7, 0xA9, 0xAB, 0xAC, 0xAE, 0xB0, 0xB1, 0xB6, 0xBB, 0xBF, 0xD7, 0xF7: true
        case 0x2016...0x2017, 0x2020...0x2027, 0x2030...0x203E, 0x2041...0x2053, 0x2055...0x205E: true
        case 0x2190...0x23FF, 0x2500...0x2775, 0x2794...0x2BFF, 0x2E00...0x2E7F: true
        case 0x3001...0x3003, 0x3008...0x3020, 0x3030: true
        default: false
        }
    }

    /// Whether `scalar` can continue an operator: a head, or a combining mark the grammar
    /// lists.
    static func isOperatorContinuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F: true
        case 0xE0100...0xE01EF: true
        default: isOperatorHead(scalar)
        }
    }

    /// Whether `scalar` can continue an identifier: a head or a decimal digit.
    static func isIdentifierBody(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierHead(scalar) || isDigit(scalar, base: 10)
    }
}
