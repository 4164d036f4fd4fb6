/// TeX's atom classes: they decide the spacing TeX puts between neighbours, which the converter
/// imitates where MathML Core's operator dictionary would guess differently (a unary minus, the
/// two bars of `|x|`).
enum AtomClass: Equatable {
    case ordinary, largeOperator, binary, relation, opening, closing, punctuation
}

/// An `<mo>` and the few attributes the converter sets; `nil` leaves the dictionary's default.
struct MathOperator: Equatable {
    var text: String
    var atomClass: AtomClass
    var form: Form? = nil
    var stretchy: Bool? = nil
    /// `minsize` and `maxsize` together, for the `\big` family.
    var size: String? = nil
    /// A `\big` delimiter drawn as its glyph scaled by this factor instead of stretched (see
    /// `TeXParser.parseBig`).
    var scale: Double? = nil
    /// No space on either side, for symbols the dictionary would space (a prime, `max`, `/`).
    var tight = false
    /// The same space on both sides, for operators the dictionary does not know (`\bmod`).
    var spacing: String? = nil
    /// Limits that move beside the operator outside display style; the dictionary says so for
    /// `∑` but knows nothing of words like `max`.
    var movableLimits = false

    /// MathML's three operator forms.
    enum Form: String {
        case prefix, infix, postfix
    }
}

/// How a fraction sets the style of its parts: `\dfrac` and `\tfrac` force it, `\frac` inherits.
enum FractionStyle: Equatable {
    case inherited, display, text
}

/// A table cell's horizontal alignment, the column letters of `array` (`l`, `c`, `r`).
enum ColumnAlignment: Equatable {
    case left, center, right
}

/// The rows and columns of an environment, with the layout that distinguishes them.
struct MathTable: Equatable {
    var rows: [[MathNode]]
    /// The alignment of column `k` is `alignments[k % alignments.count]`.
    var alignments: [ColumnAlignment]
    /// Cells of `aligned` are set in display style, `matrix` and `cases` in text style.
    var displayStyle: Bool
    /// Whether columns pair up (right, left) without space inside a pair, as in `aligned`.
    var pairsColumns: Bool
    /// Vertical rules by column boundary: `k` is left of column `k`, `columns` right of the last
    /// (from `array`'s column letters: `|`, `||` or the dashed `:`).
    var verticalRules: [Int: TableRule] = [:]
    /// Horizontal rules by row boundary (`\hline`, `\hdashline`): `k` is above row `k`,
    /// `rows.count` below the last.
    var horizontalRules: [Int: TableRule] = [:]
    /// Rows and columns set close together, as in `smallmatrix` and `\substack`.
    var compact = false
}

/// A rule between table cells, as CSS draws it: TeX's 0.4 pt line, two of them, or dashes.
enum TableRule: String, Equatable {
    case solid = "0.05em solid"
    case double = "0.2em double"
    case dashed = "0.05em dashed"
}

/// What `\displaystyle`, `\scriptstyle` and `\color` change for the rest of their group; `nil`
/// keeps what the surrounding formula has.
struct MathStyle: Equatable {
    var displayStyle: Bool? = nil
    /// MathML's `scriptlevel`: 0 for text size, 1 for scripts, 2 for scripts of scripts.
    var scriptLevel: Int? = nil
    /// A CSS colour, already checked to be a name or `#` and hex digits.
    var color: String? = nil
    /// `mathsize`, for LaTeX's size commands (`\large` is 1.2em).
    var size: String? = nil
}

/// Which dimensions of its content an `<mpadded>` sets to zero, and whether it shows it.
struct Padding: Equatable {
    var zeroWidth = false
    var zeroHeight = false
    var zeroDepth = false
    var shown = true
}

/// The small tree the parser builds and the writer prints: one case per MathML construct.
indirect enum MathNode: Equatable {
    /// `<mi>`; `upright` asks for `mathvariant="normal"`, which only a single character needs.
    case identifier(String, upright: Bool)
    case number(String)
    case symbol(MathOperator)
    /// A named function: `\log` is an `<mi>`; `\max`, whose limits move, an `<mo>`.
    case function(String, movable: Bool, limits: Bool)
    /// `\sum`, `\int` and the other big symbols.
    case largeOperator(String, limits: Bool)
    case text(String, style: String?)
    case space(width: String)
    case row([MathNode])
    case fraction(MathNode, MathNode, style: FractionStyle, lineThickness: String?)
    case root(MathNode, index: MathNode?)
    /// `limits` puts the scripts under and over the base (`munderover`) instead of beside it.
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool)
    /// An accent or brace above (`over`) or below the base.
    case accent(base: MathNode, mark: MathOperator, over: Bool, isAccent: Bool)
    /// `\left … \right`: `nil` for the `.` delimiter.
    case fenced(open: String?, body: [MathNode], close: String?)
    case table(MathTable)
    /// A group whose style or colour `\displaystyle`, `\scriptstyle` or `\color` forces.
    case styled(MathNode, MathStyle)
    /// A `\mathop{…}` group: an operator with a whole row as its symbol.
    case operatorGroup(MathNode, limits: Bool)
    /// `\overline` or `\underline`: no overline character stretches in Latin Modern Math under
    /// Chromium, so the rule is a CSS border, which MathML Core lays out like any box's.
    case rule(MathNode, over: Bool)
    /// `\underbrace` or `\overbrace`, whose label script goes under or over like limits.
    case brace(MathNode, mark: String, over: Bool)
    /// `\boxed`, `\colorbox`, `\cancel` and the like: a frame, background or strike drawn with
    /// CSS (`style`), for the reason given at `rule`.
    case framed(MathNode, style: String)
    /// `\smash`, `\vphantom`, `\hphantom`: the content, perhaps hidden, with dimensions zeroed.
    case padded(MathNode, Padding)
    /// `\phantom`: room for the content, nothing shown.
    case phantom(MathNode)

    /// The class TeX would give the atom, for the spacing decisions of its neighbours.
    var atomClass: AtomClass {
        switch self {
        case .symbol(let op): op.atomClass
        case .function, .largeOperator, .operatorGroup: .largeOperator
        case .scripts(let base, _, _, _): base.atomClass
        default: .ordinary
        }
    }

    /// Whether the node takes no room of its own (TeX glue), so it is skipped when looking at
    /// the previous atom.
    var isSpace: Bool {
        if case .space = self { return true }
        return false
    }

    /// Whether scripts on this node go under and over it, given the style it sits in.
    var takesLimits: Bool {
        switch self {
        case .function(_, _, let limits), .largeOperator(_, let limits), .operatorGroup(_, let limits): limits
        case .brace: true
        default: false
        }
    }
}
