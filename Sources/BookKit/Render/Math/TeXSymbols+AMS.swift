/// The symbols of the AMS fonts (`amssymb`) and the rarer ones of plain TeX, which ML writing
/// meets less often than those in `TeXSymbols`; kept apart so the common tables stay readable.
extension TeXSymbols {
    static let amsBinaries: [String: String] = [
        "circledast": "⊛", "intercal": "⊺", "boxplus": "⊞", "boxminus": "⊟", "boxtimes": "⊠", "boxdot": "⊡",
        "circledcirc": "⊚", "circleddash": "⊝", "dotplus": "∔", "ltimes": "⋉", "rtimes": "⋊",
        "leftthreetimes": "⋋", "rightthreetimes": "⋌", "curlyvee": "⋎", "curlywedge": "⋏", "barwedge": "⊼",
        "veebar": "⊻", "doublebarwedge": "⩞", "centerdot": "⋅", "divideontimes": "⋇", "bigtriangleup": "△",
        "bigtriangledown": "▽", "lhd": "⊲", "rhd": "⊳", "unlhd": "⊴", "unrhd": "⊵", "Cup": "⋓",
        "gtrdot": "⋗", "lessdot": "⋖", "sslash": "⫽",
    ]

    static let amsRelations: [String: String] = [
        "leqq": "≦", "geqq": "≧", "lessgtr": "≶", "gtrless": "≷", "lesseqgtr": "⋚", "gtreqless": "⋛",
        "approxeq": "≊", "thicksim": "∼", "thickapprox": "≈", "backsim": "∽", "backsimeq": "⋍",
        "eqsim": "≂", "sqsubset": "⊏", "sqsupset": "⊐", "Subset": "⋐", "Supset": "⋑", "vDash": "⊨",
        "Vdash": "⊩", "Vvdash": "⊪", "nvdash": "⊬", "nvDash": "⊭", "ncong": "≇", "nless": "≮",
        "ngtr": "≯", "nsubseteq": "⊈", "nsupseteq": "⊉", "subseteqq": "⫅", "supseteqq": "⫆",
        "subsetneqq": "⫋", "supsetneqq": "⫌", "lneq": "⪇", "gneq": "⪈", "lneqq": "≨", "gneqq": "≩",
        "nprec": "⊀", "nsucc": "⊁", "precsim": "≾", "succsim": "≿", "precapprox": "⪷",
        "succapprox": "⪸", "lll": "⋘", "ggg": "⋙", "lessapprox": "⪅", "gtrapprox": "⪆",
        "leftrightarrows": "⇆", "rightleftarrows": "⇄", "rightrightarrows": "⇉", "leftleftarrows": "⇇",
        "twoheadrightarrow": "↠", "twoheadleftarrow": "↞", "rightsquigarrow": "⇝", "leadsto": "⇝",
        "leftharpoonup": "↼", "rightharpoonup": "⇀", "leftharpoondown": "↽", "rightharpoondown": "⇁",
        "leftrightharpoons": "⇋", "upharpoonright": "↾", "upharpoonleft": "↿", "downharpoonright": "⇂",
        "downharpoonleft": "⇃", "longleftrightarrow": "⟷", "Updownarrow": "⇕", "circeq": "≗",
        "eqcirc": "≖", "bumpeq": "≏", "Bumpeq": "≎", "risingdotseq": "≓", "fallingdotseq": "≒",
        "doteqdot": "≑", "Doteq": "≑", "varpropto": "∝", "therefore": "∴", "because": "∵", "between": "≬",
        "pitchfork": "⋔", "backepsilon": "∍", "owns": "∋", "notni": "∌", "trianglelefteq": "⊴",
        "trianglerighteq": "⊵", "vartriangleleft": "⊲", "vartriangleright": "⊳", "ntriangleleft": "⋪",
        "ntriangleright": "⋫", "shortmid": "∣", "shortparallel": "∥", "nshortmid": "∤",
        "dashrightarrow": "⇢", "dashleftarrow": "⇠", "nrightarrow": "↛", "nleftarrow": "↚",
        "nRightarrow": "⇏", "nLeftarrow": "⇍", "nleftrightarrow": "↮", "nLeftrightarrow": "⇎",
        "curvearrowright": "↷", "curvearrowleft": "↶", "circlearrowright": "↻", "circlearrowleft": "↺",
        "looparrowright": "↬", "looparrowleft": "↫", "Lsh": "↰", "Rsh": "↱", "restriction": "↾",
        "multimap": "⊸", "upuparrows": "⇈", "downdownarrows": "⇊", "Lleftarrow": "⇚", "Rrightarrow": "⇛",
        "leftarrowtail": "↢", "rightarrowtail": "↣", "eqslantless": "⪕", "eqslantgtr": "⪖",
        "coloneq": "≔", "eqcolon": "≕",
        "Coloneqq": "⩴",
    ]

    static let amsOrdinaries: [String: String] = [
        "Finv": "Ⅎ", "Game": "⅁", "beth": "ℶ", "gimel": "ℷ", "daleth": "ℸ", "complement": "∁", "eth": "ð",
        "diagup": "╱", "diagdown": "╲", "blacksquare": "■", "square": "□", "lozenge": "◊",
        "blacklozenge": "⧫", "bigstar": "★", "measuredangle": "∡", "sphericalangle": "∢",
        "triangledown": "▽", "blacktriangle": "▲", "blacktriangledown": "▼", "backprime": "‵",
        "flat": "♭", "natural": "♮", "sharp": "♯", "surd": "√", "vartriangle": "△", "Diamond": "◊",
        "circledS": "Ⓢ", "circledR": "®", "copyright": "©", "yen": "¥", "pounds": "£", "maltese": "✠",
        "degree": "°", "hslash": "ℏ", "dotsi": "⋯", "dotsm": "⋯", "dotso": "…", "mathellipsis": "…",
        "iddots": "⋰", "adots": "⋰", "Bbbk": "𝕜", "digamma": "ϝ", "infin": "∞",
        "empty": "∅", "And": "&",
    ]

    /// Greek capitals that look like Latin letters, which KaTeX and MathJax accept as commands.
    static let latinLookingGreek: [String: String] = [
        "Alpha": "Α", "Beta": "Β", "Epsilon": "Ε", "Zeta": "Ζ", "Eta": "Η", "Iota": "Ι", "Kappa": "Κ",
        "Mu": "Μ", "Nu": "Ν", "Omicron": "Ο", "Rho": "Ρ", "Tau": "Τ", "Chi": "Χ",
    ]

    /// Functions of Russian and older texts, as KaTeX knows them.
    static let moreFunctions: Set<String> = [
        "cosec", "cotg", "ctg", "cth", "sh", "ch", "th", "tg", "arctg", "arcctg",
    ]
}

/// Names KaTeX and MathJax accept beside the standard ones (`\R`, `\rArr`, `\varGamma`), and
/// the rarer relations, delimiters, accents and spaces, all merged into `TeXSymbols.commands`.
extension TeXSymbols {
    static let moreRelations: [String: String] = [
        "lesseqqgtr": "⪋", "gtreqqless": "⪌", "llless": "⋘", "gggtr": "⋙", "succcurlyeq": "≽",
        "preccurlyeq": "≼", "origof": "⊶", "imageof": "⊷", "Join": "⋈", "curlyeqprec": "⋞",
        "curlyeqsucc": "⋟", "smallfrown": "⌢", "smallsmile": "⌣", "gnapprox": "⪊", "ngeqslant": "≱",
        "precneqq": "⪵", "nsubseteqq": "⊈", "precnsim": "⋨", "gnsim": "⋧", "nleqq": "≰", "nsucceq": "⋡",
        "gvertneqq": "≩", "nleqslant": "≰", "succnapprox": "⪺", "lnapprox": "⪉", "nsupseteqq": "⊉",
        "succneqq": "⪶", "succnsim": "⋩", "ntrianglelefteq": "⋬", "lnsim": "⋦", "lvertneqq": "≨",
        "ntrianglerighteq": "⋭", "varsubsetneq": "⊊", "varsubsetneqq": "⫋", "npreceq": "⋠",
        "varsupsetneq": "⊋", "nVDash": "⊯", "varsupsetneqq": "⫌", "nshortparallel": "∦", "nVdash": "⊮",
        "ngeqq": "≱", "precnapprox": "⪹", "isin": "∈", "leftrightsquigarrow": "↭", "vcentcolon": ":",
        "dblcolon": "∷", "colonapprox": ":≈", "Colonapprox": "∷≈", "Coloneq": "∷−", "colonsim": ":∼",
        "Colonsim": "∷∼", "simcolon": "∼:", "simcoloncolon": "∼∷", "Eqcolon": "−∷", "Eqqcolon": "=∷",
        "minuscolon": "−:", "minuscoloncolon": "−∷", "ratio": ":",
        "rArr": "⇒", "rarr": "→", "Rarr": "⇒", "Darr": "⇓", "dArr": "⇓", "darr": "↓", "Harr": "⇔",
        "hArr": "⇔", "harr": "↔", "Lrarr": "⇔", "lrArr": "⇔", "lrarr": "↔", "Uarr": "⇑", "uArr": "⇑",
        "uarr": "↑", "Larr": "⇐", "lArr": "⇐", "larr": "←",
    ]

    static let moreOrdinaries: [String: String] = [
        "Reals": "ℝ", "reals": "ℝ", "R": "ℝ", "N": "ℕ", "natnums": "ℕ", "Z": "ℤ", "Complex": "ℂ",
        "cnums": "ℂ", "real": "ℜ", "image": "ℑ", "weierp": "℘", "alef": "ℵ", "alefsym": "ℵ", "exist": "∃",
        "clubs": "♣", "diamonds": "♢", "hearts": "♡", "spades": "♠", "dag": "†", "ddag": "‡",
        "mathsterling": "£", "blacktriangleleft": "◀", "blacktriangleright": "▶", "mathdollar": "$",
    ]

    static let amsOpenings: [String: String] = [
        "lparen": "(", "lang": "⟨", "llbracket": "⟦", "lBrace": "⦃", "ulcorner": "⌜", "llcorner": "⌞",
        "lmoustache": "⎰",
    ]

    static let amsClosings: [String: String] = [
        "rparen": ")", "rang": "⟩", "rrbracket": "⟧", "rBrace": "⦄", "urcorner": "⌝", "lrcorner": "⌟",
        "rmoustache": "⎱",
    ]

    static let moreCommands: [String: TeXCommand] = {
        var table: [String: TeXCommand] = [:]
        for (name, text) in moreRelations { table[name] = .symbol(text, .relation) }
        for (name, text) in moreOrdinaries { table[name] = .ordinary(text, upright: false) }
        for (name, text) in amsOpenings { table[name] = .symbol(text, .opening) }
        for (name, text) in amsClosings { table[name] = .symbol(text, .closing) }
        for name in ["Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"] {
            let upright = greek[name] ?? ""
            table["var" + name] = .ordinary(String(upright.map { MathVariant.italic.apply(to: $0) }), upright: false)
        }
        for (name, text) in ["doublecap": "⋒", "doublecup": "⋓", "plusmn": "±", "sdot": "⋅"] {
            table[name] = .symbol(text, .binary)
        }
        table["intop"] = .largeOperator("∫", limits: false)
        table["oiiint"] = .largeOperator("∰", limits: false)
        table["plim"] = .function("plim", movable: true)
        table["injlim"] = .function("inj\u{2009}lim", movable: true)
        table["projlim"] = .function("proj\u{2009}lim", movable: true)
        for (name, width) in [
            "negmedspace": "-0.2222em", "negthickspace": "-0.2778em", "nobreakspace": "0.3333em",
            "space": "0.3333em", "enskip": "0.5em",
        ] {
            table[name] = .space(width)
        }
        let accents: [String: TeXCommand] = [
            "overleftrightarrow": .accent("↔", stretchy: true, over: true),
            "Overrightarrow": .accent("⇒", stretchy: true, over: true),
            "underleftarrow": .accent("←", stretchy: true, over: false),
            "underrightarrow": .accent("→", stretchy: true, over: false),
            "underleftrightarrow": .accent("↔", stretchy: true, over: false),
            "widecheck": .accent("ˇ", stretchy: false, over: true),
            "utilde": .accent("~", stretchy: true, over: false),
            "undertilde": .accent("~", stretchy: true, over: false),
            "overgroup": .accent("⏠", stretchy: true, over: true),
            "undergroup": .accent("⏡", stretchy: true, over: false),
        ]
        table.merge(accents) { common, _ in common }
        for (name, arrow) in ["xtwoheadleftarrow": "↞", "xleftrightharpoons": "⇋", "xtofrom": "⇄"] {
            table[name] = .extensibleArrow(arrow)
        }
        return table
    }()
}
