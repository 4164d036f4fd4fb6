/// Escapes text for HTML and XML (SVG, MathML) content and attribute values: `&`, `<`, `>`
/// and `"`. The project's one escaper: charts, Notebook's tables and BookKit's pages use it.
///
/// Scalar by scalar: a combining mark after `"` or `<` joins it into one `Character` that is
/// not equal to `"`, which would leave the quote unescaped and end an attribute value.
///
/// ```swift
/// escapeMarkup("a < b & \"c\"")   // a &lt; b &amp; &quot;c&quot;
/// ```
public func escapeMarkup(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return escaped
}
