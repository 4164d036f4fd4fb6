import Foundation

/// Escapes text for HTML content and attribute values.
///
/// Scalar by scalar: a combining mark after `"` or `<` joins it into one `Character` that is
/// not equal to `"`, which would leave the quote unescaped and end an attribute value.
func escapeHTML(_ text: String) -> String {
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

/// Seconds for people: `0.42 s`, `12 s`, `2 min 5 s`.
func formatDuration(_ seconds: Double) -> String {
    if seconds < 10 { return String(format: "%.2f s", seconds) }
    if seconds < 60 { return String(format: "%.0f s", seconds) }
    return String(format: "%d min %.0f s", Int(seconds) / 60, seconds.truncatingRemainder(dividingBy: 60))
}
