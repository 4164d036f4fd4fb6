/// What a control sequence means to the parser: a symbol to print or a construct to parse.
enum TeXCommand: Equatable {
    /// An ordinary symbol printed as `<mi>`; `upright` for those TeX sets upright (`\Gamma`).
    case ordinary(String, upright: Bool)
    /// An operator printed as `<mo>`, with the class TeX spaces it by.
    case symbol(String, AtomClass)
    /// A big operator; `limits` when TeX puts its scripts under and over it in display style.
    case largeOperator(String, limits: Bool)
    /// A named function; `movable` when its scripts are limits in display style (`\max`).
    case function(String, movable: Bool)
    case accent(String, stretchy: Bool, over: Bool)
    case brace(String, over: Bool)
    /// `\overline` and `\underline`: a rule drawn with CSS (see `MathNode.rule`).
    case rule(over: Bool)
    case space(String)
    case font(MathVariant)
    case text(style: String?)
    case fraction(FractionStyle)
    case squareRoot, left, right, middle, begin, end, operatorName, mathOperator, not
    /// `\binom` and its display and text forms.
    case binomial(FractionStyle)
    /// `\over`, `\atop`, `\choose`: a fraction of what precedes and what follows in the group.
    case infixFraction(open: String?, close: String?, lineThickness: String?)
    /// `{a \above 1pt b}`: an infix fraction with a rule of the given thickness.
    case infixAbove
    /// `\genfrac{(}{)}{0pt}{1}{n}{k}`: delimiters, rule thickness and style spelled out.
    case generalFraction
    /// `\overset`, `\underset` and `\stackrel` (which is `\overset` of a relation).
    case stacked(over: Bool)
    /// `\substack{a \\ b}`: centred lines in a script.
    case substack
    /// `\xrightarrow[below]{above}` and its family: an arrow stretched under and over its labels.
    case extensibleArrow(String)
    case modulo(Modulo)
    /// `\color{name}` colours the rest of its group, `\textcolor{name}{…}` its argument.
    case color(switchesGroup: Bool)
    /// `\tag{…}` or `\label{…}` of a display formula, which the page numbers and links.
    case equationNumber(isLabel: Bool)
    /// `\hline`, only at the start of a table row.
    case horizontalRule
    case phantom
    /// `\boxed`, `\fbox`, `\colorbox`, `\cancel` and the other frames and strikes.
    case framed(Frame)
    /// `\smash`, `\hphantom`, `\vphantom`, and `\mathstrut` (which takes no argument).
    case padded(Padding), strut
    /// `\bf`, `\rm` and the other old font switches, which change the rest of their group.
    case fontSwitch(MathVariant)
    /// `\large` and the other size switches, with their size relative to the text.
    case sizeSwitch(String)
    /// `\hspace{1em}`, `\kern`, `\mkern`: a space of an explicit width.
    case explicitSpace
    /// `\mathrel{…}`, `\mathbin{…}` and the others that give their argument an atom class.
    case atomClass(AtomClass)
    /// `\big(` and its family: a delimiter of a fixed size, with the class of its `l`/`r`/`m` suffix.
    case big(size: String, AtomClass)
    case limits(Bool)
    case style(MathStyle)
    /// Commands with no visible effect here (`\nonumber` in an unnumbered table).
    case ignored
}

/// The boxes and strikes: `boxed` frames math, `fbox` and the colour boxes frame text.
enum Frame: Equatable {
    case boxed, fbox, colorbox, fcolorbox, cancel, backwardCancel, crossCancel, strikeout
}

/// amsmath's four ways to write “mod”: `a \bmod b`, `a \mod{n}`, `a \pmod{n}`, `a \pod{n}`.
enum Modulo: Equatable {
    case binary, spaced, parenthesized, parenthesesOnly
}

/// The tables of symbols and commands: what each TeX name prints, in one place.
enum TeXSymbols {
    /// Every command by name, without the backslash.
    static let commands: [String: TeXCommand] = {
        var table: [String: TeXCommand] = [:]
        for (name, text) in greek { table[name] = .ordinary(text, upright: text.first?.isUppercase ?? false) }
        for (name, text) in ordinaries.merging(amsOrdinaries, uniquingKeysWith: { common, _ in common }) {
            table[name] = .ordinary(text, upright: false)
        }
        for (name, text) in latinLookingGreek { table[name] = .ordinary(text, upright: true) }
        for (name, text) in uprightOrdinaries { table[name] = .ordinary(text, upright: true) }
        for (name, text) in allBinaries { table[name] = .symbol(text, .binary) }
        for (name, text) in allRelations { table[name] = .symbol(text, .relation) }
        for (name, text) in punctuation { table[name] = .symbol(text, .punctuation) }
        for (name, text) in openings { table[name] = .symbol(text, .opening) }
        for (name, text) in closings { table[name] = .symbol(text, .closing) }
        for (name, text) in ordinaryOperators { table[name] = .symbol(text, .ordinary) }
        for (name, text) in largeOperators { table[name] = .largeOperator(text, limits: true) }
        for (name, text) in integrals { table[name] = .largeOperator(text, limits: false) }
        for name in functions.union(moreFunctions) { table[name] = .function(name, movable: false) }
        for name in limitFunctions { table[name] = .function(name, movable: true) }
        for (name, text) in namedLimitFunctions { table[name] = .function(text, movable: true) }
        for (name, accent) in accents { table[name] = accent }
        for (name, width) in spaces { table[name] = .space(width) }
        for (name, variant) in fonts { table[name] = .font(variant) }
        for (name, arrow) in extensibleArrows { table[name] = .extensibleArrow(arrow) }
        for (name, size) in bigSizes {
            table[name] = .big(size: size, .ordinary)
            table[name + "l"] = .big(size: size, .opening)
            table[name + "r"] = .big(size: size, .closing)
            table[name + "m"] = .big(size: size, .relation)
        }
        table.merge(moreCommands) { common, _ in common }
        return table.merging(constructs) { _, construct in construct }
    }()

    /// Greek letters; TeX sets the capitals upright and the small letters italic.
    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π",
        "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
        "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Ordinary symbols in the math italic font, or with no italic form to pick.
    static let ordinaries: [String: String] = [
        "partial": "∂", "infty": "∞", "ell": "ℓ", "hbar": "ℏ", "imath": "ı", "jmath": "ȷ", "wp": "℘",
        "forall": "∀", "exists": "∃", "nexists": "∄", "emptyset": "∅", "varnothing": "∅", "aleph": "ℵ",
        "prime": "′", "top": "⊤", "bot": "⊥", "angle": "∠", "triangle": "△", "neg": "¬", "lnot": "¬",
        "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "dotsc": "…", "dotsb": "⋯",
        "checkmark": "✓", "dagger": "†", "ddagger": "‡", "S": "§", "P": "¶", "%": "%", "$": "$", "#": "#",
        "&": "&", "_": "_", "clubsuit": "♣", "diamondsuit": "♢", "heartsuit": "♡", "spadesuit": "♠",
    ]

    /// Ordinary symbols TeX sets upright although MathML would slant them.
    static let uprightOrdinaries: [String: String] = [
        "nabla": "∇", "Re": "ℜ", "Im": "ℑ", "mho": "℧", "Box": "□",
    ]

    static let binaries: [String: String] = [
        "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "⋅", "ast": "∗", "star": "⋆",
        "circ": "∘", "bullet": "∙", "oplus": "⊕", "ominus": "⊖", "otimes": "⊗", "oslash": "⊘",
        "odot": "⊙", "cup": "∪", "cap": "∩", "sqcup": "⊔", "sqcap": "⊓", "wedge": "∧", "land": "∧",
        "vee": "∨", "lor": "∨", "setminus": "∖", "smallsetminus": "∖", "diamond": "⋄", "wr": "≀",
        "amalg": "⨿", "uplus": "⊎", "bigcirc": "◯", "triangleleft": "◁", "triangleright": "▷",
    ]

    static let relations: [String: String] = [
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "leqslant": "⩽",
        "geqslant": "⩾", "approx": "≈", "sim": "∼", "simeq": "≃", "cong": "≅", "equiv": "≡",
        "propto": "∝", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "supset": "⊃",
        "subseteq": "⊆", "supseteq": "⊇", "subsetneq": "⊊", "supsetneq": "⊋", "sqsubseteq": "⊑",
        "sqsupseteq": "⊒", "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←",
        "leftrightarrow": "↔", "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔",
        "longrightarrow": "⟶", "longleftarrow": "⟵", "Longrightarrow": "⟹", "Longleftarrow": "⟸",
        "Longleftrightarrow": "⟺", "iff": "⟺", "implies": "⟹", "impliedby": "⟸", "mapsto": "↦",
        "longmapsto": "⟼", "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑",
        "Downarrow": "⇓", "nearrow": "↗", "searrow": "↘", "nwarrow": "↖", "swarrow": "↙",
        "hookrightarrow": "↪", "hookleftarrow": "↩", "rightleftharpoons": "⇌", "mid": "∣",
        "nmid": "∤", "parallel": "∥", "nparallel": "∦", "perp": "⟂", "ll": "≪", "gg": "≫",
        "prec": "≺", "succ": "≻", "preceq": "⪯", "succeq": "⪰", "lesssim": "≲", "gtrsim": "≳",
        "nsim": "≁", "models": "⊨", "vdash": "⊢", "dashv": "⊣", "coloneqq": "≔", "eqqcolon": "≕",
        "triangleq": "≜", "doteq": "≐", "asymp": "≍", "bowtie": "⋈", "smile": "⌣", "frown": "⌢",
        "nleq": "≰", "ngeq": "≱", "lt": "<", "gt": ">",
    ]

    static let allBinaries = binaries.merging(amsBinaries) { common, _ in common }
    static let allRelations = relations.merging(amsRelations) { common, _ in common }

    static let punctuation: [String: String] = ["colon": ":", "ldotp": ".", "cdotp": "⋅"]

    /// Opening delimiters, usable alone (not stretched) or after `\left`.
    static let openings: [String: String] = [
        "{": "{", "lbrace": "{", "langle": "⟨", "lfloor": "⌊", "lceil": "⌈", "lbrack": "[",
        "lvert": "|", "lVert": "‖", "lgroup": "⟮",
    ]

    static let closings: [String: String] = [
        "}": "}", "rbrace": "}", "rangle": "⟩", "rfloor": "⌋", "rceil": "⌉", "rbrack": "]",
        "rvert": "|", "rVert": "‖", "rgroup": "⟯",
    ]

    /// Ordinary symbols printed as `<mo>`; the bars among them open or close depending on what
    /// precedes them, like `|`.
    static let ordinaryOperators: [String: String] = ["|": "‖", "vert": "|", "Vert": "‖", "backslash": "∖"]

    /// Big operators whose scripts become limits in display style.
    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁",
        "bigotimes": "⨂", "bigodot": "⨀", "bigvee": "⋁", "bigwedge": "⋀", "bigsqcup": "⨆",
        "biguplus": "⨄",
    ]

    /// Integrals keep their scripts beside them unless `\limits` says otherwise.
    static let integrals: [String: String] = [
        "int": "∫", "iint": "∬", "iiint": "∭", "oint": "∮", "oiint": "∯", "smallint": "∫",
    ]

    /// Named functions written upright, scripts beside them.
    static let functions: Set<String> = [
        "log", "ln", "lg", "exp", "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos",
        "arctan", "sinh", "cosh", "tanh", "coth", "arg", "deg", "dim", "hom", "ker",
    ]

    /// Named functions whose scripts are limits in display style.
    static let limitFunctions: Set<String> = ["max", "min", "sup", "inf", "lim", "det", "gcd", "Pr"]

    /// Named limit functions printed other than as their name; a thin space (U+2009) between words.
    static let namedLimitFunctions: [String: String] = [
        "liminf": "lim\u{2009}inf", "limsup": "lim\u{2009}sup", "argmax": "arg\u{2009}max",
        "argmin": "arg\u{2009}min",
    ]

    /// Accents by name. The characters are the ones Latin Modern Math places well in Chromium:
    /// `\vec` is the small combining arrow (U+20D7, marked stretchy: only the font's stretch
    /// variants of it are centred), `\widehat` the combining circumflex, the only hat it stretches,
    /// `\bar` the modifier macron (U+02C9: the macron U+00AF sat on the letter, wider than TeX's).
    static let accents: [String: TeXCommand] = [
        "hat": .accent("^", stretchy: false, over: true), "widehat": .accent("\u{302}", stretchy: true, over: true),
        "bar": .accent("ˉ", stretchy: false, over: true), "overline": .rule(over: true),
        "tilde": .accent("~", stretchy: false, over: true), "widetilde": .accent("~", stretchy: true, over: true),
        "vec": .accent("\u{20D7}", stretchy: true, over: true),
        "overrightarrow": .accent("→", stretchy: true, over: true),
        "overleftarrow": .accent("←", stretchy: true, over: true), "dot": .accent("˙", stretchy: false, over: true),
        "ddot": .accent("¨", stretchy: false, over: true), "check": .accent("ˇ", stretchy: false, over: true),
        "breve": .accent("˘", stretchy: false, over: true), "acute": .accent("´", stretchy: false, over: true),
        "grave": .accent("`", stretchy: false, over: true), "mathring": .accent("˚", stretchy: false, over: true),
        "underline": .rule(over: false),
        "underbrace": .brace("⏟", over: false), "overbrace": .brace("⏞", over: true),
    ]

    /// Spaces by name, in em (TeX's math units: a thin space is 3/18 em).
    static let spaces: [String: String] = [
        ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em", "medspace": "0.2222em",
        ";": "0.2778em", "thickspace": "0.2778em", "!": "-0.1667em", "negthinspace": "-0.1667em",
        " ": "0.3333em", "quad": "1em", "qquad": "2em", "enspace": "0.5em",
    ]

    static let fonts: [String: MathVariant] = [
        "mathrm": .normal, "mathup": .normal, "mathbf": .bold, "mathit": .italic, "mathcal": .script,
        "mathscr": .script, "mathbb": .doubleStruck, "mathfrak": .fraktur, "mathsf": .sansSerif,
        "mathtt": .monospace, "boldsymbol": .boldItalic, "bm": .boldItalic, "mathnormal": .italic,
        "mathbbm": .doubleStruck, "mathds": .doubleStruck, "mathbfit": .boldItalic, "pmb": .boldItalic,
        "Bbb": .doubleStruck, "bold": .bold, "frak": .fraktur,
    ]

    /// Arrows that stretch under and over their labels, as `\xrightarrow[below]{above}` does.
    static let extensibleArrows: [String: String] = [
        "xrightarrow": "→", "xleftarrow": "←", "xRightarrow": "⇒", "xLeftarrow": "⇐",
        "xleftrightarrow": "↔", "xLeftrightarrow": "⇔", "xmapsto": "↦", "xhookrightarrow": "↪",
        "xhookleftarrow": "↩", "xrightharpoonup": "⇀", "xrightharpoondown": "⇁", "xleftharpoonup": "↼",
        "xleftharpoondown": "↽", "xrightleftharpoons": "⇌", "xtwoheadrightarrow": "↠", "xlongequal": "=",
    ]

    /// The `\big` family: TeX's sizes of 1.2, 1.8, 2.4 and 3 times 10 pt, in em of the text.
    static let bigSizes: [String: String] = ["big": "1.2em", "Big": "1.623em", "bigg": "2.047em", "Bigg": "2.470em"]

    /// Commands that take arguments or change how what follows is parsed.
    static let constructs: [String: TeXCommand] = [
        "frac": .fraction(.inherited), "dfrac": .fraction(.display), "tfrac": .fraction(.text),
        "cfrac": .fraction(.display), "binom": .binomial(.inherited), "dbinom": .binomial(.display),
        "tbinom": .binomial(.text), "sqrt": .squareRoot,
        "over": .infixFraction(open: nil, close: nil, lineThickness: nil),
        "atop": .infixFraction(open: nil, close: nil, lineThickness: "0"),
        "choose": .infixFraction(open: "(", close: ")", lineThickness: "0"),
        "brack": .infixFraction(open: "[", close: "]", lineThickness: "0"),
        "brace": .infixFraction(open: "{", close: "}", lineThickness: "0"), "above": .infixAbove,
        "genfrac": .generalFraction,
        "overset": .stacked(over: true), "stackrel": .stacked(over: true), "underset": .stacked(over: false),
        "substack": .substack, "bmod": .modulo(.binary), "mod": .modulo(.spaced),
        "pmod": .modulo(.parenthesized), "pod": .modulo(.parenthesesOnly),
        "color": .color(switchesGroup: true), "textcolor": .color(switchesGroup: false),
        "tag": .equationNumber(isLabel: false), "label": .equationNumber(isLabel: true),
        "hline": .horizontalRule, "hdashline": .horizontalRule, "boxed": .framed(.boxed), "phantom": .phantom,
        "fbox": .framed(.fbox),
        "colorbox": .framed(.colorbox), "fcolorbox": .framed(.fcolorbox), "cancel": .framed(.cancel),
        "bcancel": .framed(.backwardCancel), "xcancel": .framed(.crossCancel), "sout": .framed(.strikeout),
        "hphantom": .padded(Padding(zeroHeight: true, zeroDepth: true, shown: false)),
        "vphantom": .padded(Padding(zeroWidth: true, shown: false)),
        "smash": .padded(Padding(zeroHeight: true, zeroDepth: true)), "mathstrut": .strut,
        "rlap": .padded(Padding(zeroWidth: true)), "mathrlap": .padded(Padding(zeroWidth: true)),
        "rm": .fontSwitch(.normal), "bf": .fontSwitch(.bold), "it": .fontSwitch(.italic),
        "sf": .fontSwitch(.sansSerif), "tt": .fontSwitch(.monospace), "cal": .fontSwitch(.script),
        "tiny": .sizeSwitch("0.5em"), "scriptsize": .sizeSwitch("0.7em"), "footnotesize": .sizeSwitch("0.8em"),
        "small": .sizeSwitch("0.9em"), "normalsize": .sizeSwitch("1em"), "large": .sizeSwitch("1.2em"),
        "Large": .sizeSwitch("1.44em"), "LARGE": .sizeSwitch("1.728em"), "huge": .sizeSwitch("2.074em"),
        "Huge": .sizeSwitch("2.488em"), "mathinner": .atomClass(.ordinary),
        "hspace": .explicitSpace, "kern": .explicitSpace, "mkern": .explicitSpace, "hskip": .explicitSpace,
        "mskip": .explicitSpace,
        "mathrel": .atomClass(.relation), "mathbin": .atomClass(.binary), "mathord": .atomClass(.ordinary),
        "mathopen": .atomClass(.opening), "mathclose": .atomClass(.closing),
        "mathpunct": .atomClass(.punctuation),
        "left": .left, "right": .right, "middle": .middle, "begin": .begin, "end": .end,
        "operatorname": .operatorName, "mathop": .mathOperator, "not": .not,
        "limits": .limits(true), "nolimits": .limits(false),
        "displaystyle": .style(MathStyle(displayStyle: true, scriptLevel: 0)),
        "textstyle": .style(MathStyle(displayStyle: false, scriptLevel: 0)),
        "scriptstyle": .style(MathStyle(displayStyle: false, scriptLevel: 1)),
        "scriptscriptstyle": .style(MathStyle(displayStyle: false, scriptLevel: 2)),
        "text": .text(style: nil), "textrm": .text(style: nil), "textnormal": .text(style: nil),
        "mbox": .text(style: nil), "textup": .text(style: nil),
        "textbf": .text(style: "font-weight: bold"), "textit": .text(style: "font-style: italic"),
        "emph": .text(style: "font-style: italic"), "textsl": .text(style: "font-style: italic"),
        "texttt": .text(style: "font-family: monospace"), "textsf": .text(style: "font-family: sans-serif"),
        "nonumber": .ignored, "notag": .ignored,
    ]

    /// Delimiters `\left`, `\right` and the `\big` family accept, besides the characters in
    /// `delimiterCharacters`.
    static let delimiterCommands =
        baseDelimiterCommands.merging(amsOpenings) { base, _ in base }.merging(amsClosings) { base, _ in base }

    private static let baseDelimiterCommands: [String: String] = [
        "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩", "lfloor": "⌊",
        "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "|": "‖", "vert": "|", "Vert": "‖", "lvert": "|",
        "rvert": "|", "lVert": "‖", "rVert": "‖", "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕",
        "Uparrow": "⇑", "Downarrow": "⇓", "backslash": "∖", "lbrack": "[", "rbrack": "]",
        "lgroup": "⟮", "rgroup": "⟯",
    ]

    static let delimiterCharacters: Set<Character> = ["(", ")", "[", "]", "|", "/", "<", ">"]

    /// What `\not` makes of the relation after it; only the pairs Unicode has a character for.
    static let negations: [String: String] = [
        "=": "≠", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "∈": "∉", "∋": "∌", "⊂": "⊄", "⊃": "⊅",
        "⊆": "⊈", "⊇": "⊉", "∼": "≁", "≃": "≄", "≅": "≇", "≈": "≉", "≡": "≢", "∣": "∤", "∥": "∦",
        "≺": "⊀", "≻": "⊁",
    ]

    /// Slashes, whose stretchy form Chromium sets in a box several em wide.
    static let slashes: Set<String> = ["/", "∖"]

    /// The bars: one character that opens and closes.
    static let bars: Set<String> = ["|", "‖"]

    /// Characters MathML Core stretches to their row's height by default; TeX stretches
    /// delimiters only after `\left`, `\right` and `\big`, so elsewhere they are marked not stretchy.
    static let stretchyInRows: Set<String> = [
        "(", ")", "[", "]", "{", "}", "|", "‖", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉", "⟮", "⟯", "∣", "∥", "/",
        "∖", "↑", "↓", "↕", "⇑", "⇓", "⟦", "⟧", "⦃", "⦄", "⎰", "⎱",
    ]

    /// Delimiters that open or close by themselves, for a `\big` without `l` or `r`.
    static let openingDelimiters: Set<String> = ["(", "[", "{", "⟨", "⌊", "⌈", "⟮", "⟦", "⦃", "⌜", "⌞", "⎰"]
    static let closingDelimiters: Set<String> = [")", "]", "}", "⟩", "⌋", "⌉", "⟯", "⟧", "⦄", "⌝", "⌟", "⎱"]

    /// The class of an operator character typed directly (`≤` rather than `\leq`).
    static let unicodeClasses: [String: AtomClass] = {
        var table: [String: AtomClass] = [:]
        for text in allBinaries.values { table[text] = .binary }
        for text in allRelations.values { table[text] = .relation }
        for text in openings.values { table[text] = .opening }
        for text in closings.values { table[text] = .closing }
        table["|"] = .ordinary
        table["‖"] = .ordinary
        return table
    }()

    /// Characters typed directly: the class TeX gives them and what MathML prints
    /// (`-` is the minus sign U+2212, `*` the asterisk operator).
    static let characters: [Character: (String, AtomClass)] = [
        "+": ("+", .binary), "-": ("−", .binary), "*": ("∗", .binary), "=": ("=", .relation),
        "<": ("<", .relation), ">": (">", .relation), ":": (":", .relation), ",": (",", .punctuation),
        ";": (";", .punctuation), "(": ("(", .opening), "[": ("[", .opening), ")": (")", .closing),
        "]": ("]", .closing), "!": ("!", .closing), "?": ("?", .closing), "/": ("/", .ordinary),
        ".": (".", .ordinary), "|": ("|", .ordinary), "@": ("@", .ordinary), "\"": ("\"", .ordinary),
        "`": ("‘", .ordinary),
    ]
}
