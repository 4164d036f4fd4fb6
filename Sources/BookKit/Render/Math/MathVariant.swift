/// A math alphabet (`\mathbf`, `\mathbb`, …), printed with the characters of Unicode's
/// Mathematical Alphanumeric Symbols: MathML Core dropped `mathvariant` except `normal`, so the
/// style has to be in the characters themselves.
enum MathVariant: Equatable {
    case normal, bold, italic, boldItalic, script, doubleStruck, fraktur, sansSerif, monospace

    /// The character in this alphabet, or the character itself where TeX leaves it alone or
    /// Unicode has no such letter.
    func apply(to character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
            return character
        }
        let value = scalar.value
        let mapped: UInt32?
        switch value {
        case 0x41...0x5A: mapped = latin(value - 0x41)
        case 0x61...0x7A: mapped = latin(value - 0x61 + 26)
        case 0x30...0x39: mapped = digitBase.map { $0 + value - 0x30 }
        default: mapped = Self.greekIndex[value].flatMap(greek)
        }
        return mapped.flatMap(Unicode.Scalar.init).map(Character.init) ?? character
    }

    /// `index` counts A…Z then a…z.
    private func latin(_ index: UInt32) -> UInt32? {
        let letter = Character(Unicode.Scalar(UInt8(truncatingIfNeeded: index < 26 ? 0x41 + index : 0x61 + index - 26)))
        if let hole = Self.holes[self]?[letter] { return hole }
        let base: UInt32? =
            switch self {
            case .normal: nil
            case .bold: 0x1D400
            case .italic: 0x1D434
            case .boldItalic: 0x1D468
            case .script: 0x1D49C
            case .fraktur: 0x1D504
            case .doubleStruck: 0x1D538
            case .sansSerif: 0x1D5A0
            case .monospace: 0x1D670
            }
        return base.map { $0 + index }
    }

    private var digitBase: UInt32? {
        switch self {
        case .bold, .boldItalic: 0x1D7CE
        case .doubleStruck: 0x1D7D8
        case .sansSerif: 0x1D7E2
        case .monospace: 0x1D7F6
        default: nil
        }
    }

    /// Greek as TeX styles it: `\mathbf` makes only capitals bold, `\boldsymbol` keeps capitals
    /// upright and small letters italic.
    private func greek(_ index: UInt32) -> UInt32? {
        let isCapital = index <= 25
        switch self {
        case .bold: return isCapital ? 0x1D6A8 + index : nil
        case .italic: return 0x1D6E2 + index
        case .boldItalic: return isCapital ? 0x1D6A8 + index : 0x1D71C + index
        default: return nil
        }
    }

    /// Positions in Unicode's Greek math alphabets (58 characters each): capitals with ϴ in the
    /// gap at U+03A2, nabla, small letters, then partial and the variant forms.
    private static let greekIndex: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [0x3F4: 17, 0x2207: 25, 0x2202: 51]
        for value in UInt32(0x391)...0x3A9 where value != 0x3A2 { table[value] = value - 0x391 }
        for value in UInt32(0x3B1)...0x3C9 { table[value] = value - 0x3B1 + 26 }
        for (offset, value) in [0x3F5, 0x3D1, 0x3F0, 0x3D5, 0x3F1, 0x3D6].enumerated() {
            table[UInt32(value)] = UInt32(52 + offset)
        }
        return table
    }()

    /// Letters Unicode encoded earlier, in Letterlike Symbols, leaving holes in the alphabets.
    private static let holes: [MathVariant: [Character: UInt32]] = [
        .italic: ["h": 0x210E],
        .script: [
            "B": 0x212C, "E": 0x2130, "F": 0x2131, "H": 0x210B, "I": 0x2110, "L": 0x2112, "M": 0x2133,
            "R": 0x211B, "e": 0x212F, "g": 0x210A, "o": 0x2134,
        ],
        .fraktur: ["C": 0x212D, "H": 0x210C, "I": 0x2111, "R": 0x211C, "Z": 0x2128],
        .doubleStruck: ["C": 0x2102, "H": 0x210D, "N": 0x2115, "P": 0x2119, "Q": 0x211A, "R": 0x211D, "Z": 0x2124],
    ]
}
