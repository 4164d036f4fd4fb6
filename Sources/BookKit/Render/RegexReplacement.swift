import Foundation

extension NSRegularExpression {
    /// `text` with every match replaced by what `replacement` returns for the whole match and
    /// its first group, or left as it is where `replacement` returns nil.
    func replacingMatches(in text: String, _ replacement: (_ whole: Substring, _ group: Substring) -> String?)
        -> String
    {
        var result = ""
        var cursor = text.startIndex
        for match in matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text), let group = Range(match.range(at: 1), in: text) else {
                continue
            }
            result += text[cursor..<whole.lowerBound]
            result += replacement(text[whole], text[group]) ?? String(text[whole])
            cursor = whole.upperBound
        }
        return result + text[cursor...]
    }
}
