/// Arguments read as text rather than math: `\text{…}` (which may hold `$…$`), names such as
/// `\operatorname{…}` and `\label{…}`, colours and dimensions.
extension TeXParser {
    /// `\text{…}`: text with its spaces, and any `$…$` inside it set as math in text style.
    mutating func parseText(of command: String, at offset: Int, style: String?) throws(MathError) -> MathNode {
        let open = try openText(of: command, at: offset)
        guard open.kind == .character("{") else {
            guard case .character(let character) = open.kind else {
                throw MathError("\\\(command) takes text in braces", offset: open.offset)
            }
            return .text(String(character), style: style)
        }
        var parts: [MathNode] = []
        var text = ""
        var depth = 0
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            if token.kind == .character("$") {
                if !text.isEmpty { parts.append(.text(Self.edgesUnbroken(text), style: style)) }
                text = ""
                parts.append(try parseMathInText(openedAt: token.offset))
            } else if try appendText(token, to: &text, depth: &depth, keepsSpaces: true, in: command) {
                if !text.isEmpty || parts.isEmpty { parts.append(.text(Self.edgesUnbroken(text), style: style)) }
                return Self.single(parts)
            }
        }
        throw MathError("'{' is never closed", offset: open.offset)
    }

    /// The text of `\operatorname{…}`, `\label{…}` and other names; spaces count only in text
    /// (in TeX's math mode they are ignored), and the first and last become no-break spaces,
    /// which MathML's layout does not drop at the edges of `<mtext>`.
    mutating func parseTextContent(of command: String, at offset: Int, keepsSpaces: Bool) throws(MathError) -> String {
        let open = try openText(of: command, at: offset)
        guard open.kind == .character("{") else {
            if case .character(let character) = open.kind { return String(character) }
            throw MathError("\\\(command) takes text in braces", offset: open.offset)
        }
        var text = ""
        var depth = 0
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            if token.kind == .character("$") {
                throw MathError("math inside \\\(command) is not supported", offset: token.offset)
            }
            if try appendText(token, to: &text, depth: &depth, keepsSpaces: keepsSpaces, in: command) {
                return Self.edgesUnbroken(text)
            }
        }
        throw MathError("'{' is never closed", offset: open.offset)
    }

    /// The token after a text command: its `{`, or the single character it takes instead.
    private mutating func openText(of command: String, at offset: Int) throws(MathError) -> TeXToken {
        guard let open = next(), !endsRow(open) else {
            throw MathError("missing argument for \\\(command)", offset: offset)
        }
        return open
    }

    /// Adds one token of text; returns true at the `}` that closes the argument. The space after
    /// a command named by letters ends the name and is not printed, as in TeX (`\ss e` is “ße”).
    private mutating func appendText(
        _ token: TeXToken, to text: inout String, depth: inout Int, keepsSpaces: Bool, in command: String
    ) throws(MathError) -> Bool {
        switch token.kind {
        case .space: if keepsSpaces { text.append(" ") }
        case .character("{"): depth += 1
        case .character("}") where depth == 0: return true
        case .character("}"): depth -= 1
        case .character("~"): text.append("\u{A0}")
        case .character(let character): text.append(character)
        case .command(let name):
            text += try Self.textCommand(name, at: token.offset, in: command)
            if name.first?.isLetter == true, position < tokens.count, tokens[position].kind == .space { position += 1 }
        }
        return false
    }

    /// `$…$` inside `\text`: a row of math in text style up to the closing `$`.
    private mutating func parseMathInText(openedAt offset: Int) throws(MathError) -> MathNode {
        let saved = (dollarEnds, bracketEnds, displayStyle)
        (dollarEnds, bracketEnds, displayStyle) = (true, false, false)
        defer { (dollarEnds, bracketEnds, displayStyle) = saved }
        let row = try parseRow()
        guard next()?.kind == .character("$") else {
            throw MathError("'$' inside text is never closed", offset: offset)
        }
        return Self.single(row)
    }

    static func edgesUnbroken(_ text: String) -> String {
        var text = text
        if text.hasPrefix(" ") { text = "\u{A0}" + text.dropFirst() }
        if text.hasSuffix(" ") { text = text.dropLast() + "\u{A0}" }
        return text
    }

    /// The few commands text understands: escaped specials, spaces and `textSymbols`.
    private static func textCommand(_ name: String, at offset: Int, in command: String) throws(MathError) -> String {
        if let text = textSymbols[name] { return text }
        switch name {
        case "{", "}", "%", "$", "&", "#", "_": return name
        case " ": return " "
        case ",", "thinspace": return "\u{2009}"
        case "quad": return "\u{2003}"
        case "qquad": return "\u{2003}\u{2003}"
        case "textbackslash": return "\\"
        default: throw MathError("unsupported TeX command \\\(name) in \\\(command)", offset: offset)
        }
    }

    /// LaTeX's text-mode symbols and accented letters by name.
    private static let textSymbols: [String: String] = [
        "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å",
        "i": "ı", "j": "ȷ", "l": "ł", "L": "Ł", "textellipsis": "…", "ldots": "…", "dots": "…",
        "textdagger": "†", "textdaggerdbl": "‡", "dag": "†", "ddag": "‡", "textdollar": "$",
        "textsterling": "£", "pounds": "£", "textdegree": "°", "textregistered": "®", "copyright": "©",
        "textcopyright": "©", "textbar": "|", "textasciitilde": "~", "textunderscore": "_",
        "textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
        "textbraceleft": "{", "textbraceright": "}", "S": "§", "P": "¶", "textless": "<", "textgreater": ">",
    ]

    // MARK: Colours and dimensions

    /// `{red}`, `{#1f77b4}`, `[HTML]{1F77B4}`, `[rgb]{0.1,0.5,0.7}` or `[RGB]{31,119,180}` as
    /// a CSS colour. Names go through as CSS names (xcolor's base names are CSS names too).
    mutating func parseColor(of command: String, at offset: Int) throws(MathError) -> String {
        var model = ""
        if peek()?.kind == .character("[") {
            position += 1
            while let token = next(), token.kind != .character("]") {
                guard case .character(let character) = token.kind else {
                    throw MathError("missing ']' after the colour model of \\\(command)", offset: offset)
                }
                model.append(character)
            }
        }
        let value = try parseTextContent(of: command, at: offset, keepsSpaces: false)
        guard let color = Self.cssColor(model: model, value) else {
            throw MathError("unsupported colour \(model.isEmpty ? "" : "[\(model)]"){\(value)}", offset: offset)
        }
        return color
    }

    private static func cssColor(model: String, _ value: String) -> String? {
        let isHex = { (text: Substring) in [3, 6].contains(text.count) && text.allSatisfy(\.isHexDigit) }
        switch model {
        case "" where value.hasPrefix("#"): return isHex(value.dropFirst()) ? value : nil
        case "": return !value.isEmpty && value.allSatisfy({ $0.isASCII && $0.isLetter }) ? value.lowercased() : nil
        case "HTML": return isHex(value[...]) && value.count == 6 ? "#" + value : nil
        case "rgb", "RGB":
            let parts = value.split(separator: ",").compactMap { Double($0) }
            let scale = model == "rgb" ? 255.0 : 1.0
            guard parts.count == 3, parts.allSatisfy({ $0 >= 0 && $0 * scale <= 255 }) else { return nil }
            return "#" + parts.map { hexByte(Int(($0 * scale).rounded())) }.joined()
        case "gray":
            guard let level = Double(value), (0...1).contains(level) else { return nil }
            return "#" + String(repeating: hexByte(Int((level * 255).rounded())), count: 3)
        default: return nil
        }
    }

    private static func hexByte(_ value: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[value / 16], digits[value % 16]])
    }

    /// A TeX dimension (`{1em}`, `3mu`, `-2pt`) in CSS units: `mu` is 1/18 em, and `pt` is
    /// taken at the 10 pt size TeX's em is measured against.
    mutating func parseDimension(of command: String, at offset: Int) throws(MathError) -> String {
        _ = take("*")
        var text = ""
        if peek()?.kind == .character("{") {
            text = try parseTextContent(of: command, at: offset, keepsSpaces: false)
        } else {
            while let token = peek(), case .character(let character) = token.kind,
                character.isNumber || "+-.".contains(character) || character.isLetter
            {
                if character.isLetter, text.filter(\.isLetter).count == 2 { break }
                text.append(character)
                position += 1
            }
        }
        return try Self.cssLength(text, command: command, at: offset)
    }

    /// A TeX length as CSS (`3mu` → `0.1667em`).
    static func cssLength(_ text: String, command: String, at offset: Int) throws(MathError) -> String {
        let number = text.prefix { $0.isNumber || "+-.".contains($0) }
        let unit = text.dropFirst(number.count)
        let factors: [Substring: (Double, String)] = [
            "em": (1, "em"), "ex": (1, "ex"), "mu": (1.0 / 18, "em"), "pt": (0.1, "em"), "bp": (0.1004, "em"),
            "px": (1, "px"), "mm": (1, "mm"), "cm": (1, "cm"), "in": (1, "in"),
        ]
        guard let value = Double(number), let (factor, cssUnit) = factors[unit] else {
            throw MathError("\\\(command) needs a length such as 1em or 3mu, not '\(text)'", offset: offset)
        }
        let scaled = (value * factor * 10_000).rounded() / 10_000
        let printed = scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
        return printed + cssUnit
    }
}
