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
