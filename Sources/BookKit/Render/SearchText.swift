import Foundation

/// The words a reader sees in a piece of rendered HTML, for the search index: no charts, no
/// TeX annotations, no heading link marks or cell timings, no tags (not even a tag cut in half
/// at a section boundary), every character reference decoded and invisible format characters
/// (such as MathML's U+2061 function application) dropped, whitespace collapsed.
enum SearchText {
    static func plain(_ html: String) -> String {
        var text = formulasAsText(html)
        for pattern in [
            "<svg[\\s\\S]*?</svg>", "<annotation[\\s\\S]*?</annotation>", "<a class=\"anchor\"[^>]*>[^<]*</a>",
            "<p class=\"cell-meta\">[\\s\\S]*?</p>", "<summary>[\\s\\S]*?</summary>", "<!--[\\s\\S]*?-->",
            "<[^>]*>", "<[^>]*$",
        ] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let decoded = decodingCharacterReferences(text)
        let visible = String(
            String.UnicodeScalarView(decoded.unicodeScalars.filter { $0.properties.generalCategory != .format }))
        return visible.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Each `<math>` element as its characters run together (`θt+1`, not `θ t + 1`), since a
    /// formula's tokens are separate elements but one piece of text.
    static func formulasAsText(_ html: String) -> String {
        let pattern = try! NSRegularExpression(pattern: "<math[\\s\\S]*?</math>")
        var result = ""
        var cursor = html.startIndex
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            guard let whole = Range(match.range, in: html) else { continue }
            let formula = String(html[whole])
                .replacingOccurrences(of: "<annotation[\\s\\S]*?</annotation>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            result += html[cursor..<whole.lowerBound] + " " + formula.filter { !$0.isWhitespace } + " "
            cursor = whole.upperBound
        }
        return result + html[cursor...]
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&nbsp;` and numeric references as characters.
    static func decodingCharacterReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return characterReference.replacingMatches(in: text) { _, name in
            guard name.hasPrefix("#") else { return namedCharacters[String(name)] }
            let digits = name.dropFirst()
            let value =
                digits.first.map { $0 == "x" || $0 == "X" } == true
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }

    private static let namedCharacters = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
    ]
    // A constant pattern: compiling it cannot fail.
    private static let characterReference = try! NSRegularExpression(
        pattern: "&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);")
}
