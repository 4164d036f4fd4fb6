import Foundation

/// Swaps each `` `{swift} expr` `` code span for a placeholder word before libcmark parses
/// the page, and the placeholders for the computed values after, so values land wherever
/// the span was — paragraphs, headings, list items and table cells alike.
enum InlineValuePlaceholders {
    /// The placeholder of inline value `index` (letters and digits only: cmark keeps it).
    static func placeholder(_ index: Int) -> String { "MLBOOKVALUE\(index)Z" }

    /// `markdown` with every expression's code span (located by the loader) replaced.
    static func insert(_ expressions: [InlineExpression], into markdown: String) -> String {
        var lines = markdown.components(separatedBy: "\n")
        // From the last to the first, so earlier columns on the same line stay valid.
        for (index, expression) in expressions.enumerated().reversed() {
            let row = expression.location.line - 1
            guard lines.indices.contains(row) else { continue }
            var bytes = Array(lines[row].utf8)
            let start = expression.location.column - 1
            guard start <= bytes.count,
                let open = bytes[..<start].lastIndex(of: UInt8(ascii: "`")),
                let close = bytes[start...].firstIndex(of: UInt8(ascii: "`"))
            else { continue }
            bytes.replaceSubrange(open...close, with: Array(placeholder(index).utf8))
            lines[row] = String(decoding: bytes, as: UTF8.self)
        }
        return lines.joined(separator: "\n")
    }

    /// `html` with each placeholder replaced by `render(index)`.
    static func replace(in html: String, render: (Int) -> String) -> String {
        var result = ""
        var rest = html[...]
        while let range = rest.range(of: "MLBOOKVALUE") {
            result += rest[..<range.lowerBound]
            let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            let end = rest.index(range.upperBound, offsetBy: digits.count)
            if let index = Int(digits), end < rest.endIndex, rest[end] == "Z" {
                result += render(index)
                rest = rest[rest.index(after: end)...]
            } else {
                result += rest[range]
                rest = rest[range.upperBound...]
            }
        }
        return result + rest
    }
}
