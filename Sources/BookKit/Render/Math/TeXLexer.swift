/// One lexical unit of TeX, located by its UTF-8 offset so errors can point into the formula.
struct TeXToken: Equatable {
    /// What a token is; TeX only knows control sequences, characters and the space between them.
    enum Kind: Equatable {
        /// `\name` (letters) or `\` followed by one other character, such as `\,` or `\\`.
        case command(String)
        /// Any other single character, `{` `}` `^` `_` `&` included.
        case character(Character)
        /// A run of white space (or a `%` comment): ignored in math, kept as one space in `\text`.
        case space
    }

    var kind: Kind
    /// UTF-8 offset of the token's first byte in the formula.
    var offset: Int
}

/// Splits a formula into tokens up front, so the parser can look ahead and report offsets.
enum TeXLexer {
    static func tokens(_ tex: String) -> [TeXToken] {
        var tokens: [TeXToken] = []
        var index = tex.startIndex
        while index < tex.endIndex {
            let offset = tex.utf8.distance(from: tex.utf8.startIndex, to: index)
            let character = tex[index]
            if character == "\\" {
                let (name, end) = commandName(in: tex, after: index)
                tokens.append(TeXToken(kind: .command(name), offset: offset))
                index = end
            } else if character.isWhitespace || character == "%" {
                index = endOfSpace(in: tex, from: index)
                if tokens.last?.kind != .space { tokens.append(TeXToken(kind: .space, offset: offset)) }
            } else {
                tokens.append(TeXToken(kind: .character(character), offset: offset))
                index = tex.index(after: index)
            }
        }
        return tokens
    }

    /// The name after a backslash: a run of ASCII letters, else the single next character.
    /// A lone trailing backslash is the empty name, which no table knows.
    private static func commandName(in tex: String, after backslash: String.Index) -> (String, String.Index) {
        var end = tex.index(after: backslash)
        guard end < tex.endIndex else { return ("", end) }
        guard tex[end].isASCII, tex[end].isLetter else {
            return (String(tex[end]), tex.index(after: end))
        }
        while end < tex.endIndex, tex[end].isASCII, tex[end].isLetter {
            end = tex.index(after: end)
        }
        return (String(tex[tex.index(after: backslash)..<end]), end)
    }

    /// Skips white space and comments: TeX ignores both between math tokens.
    private static func endOfSpace(in tex: String, from start: String.Index) -> String.Index {
        var index = start
        while index < tex.endIndex {
            if tex[index] == "%" {
                while index < tex.endIndex, !tex[index].isNewline { index = tex.index(after: index) }
            } else if tex[index].isWhitespace {
                index = tex.index(after: index)
            } else {
                break
            }
        }
        return index
    }
}
