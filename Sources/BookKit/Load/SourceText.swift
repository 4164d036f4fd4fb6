import Foundation

/// Text files as mlbook reads them: UTF-8, with a leading byte-order mark dropped and
/// Windows line endings (CRLF) and old Mac ones (CR) made `\n`. Line numbers stay those of
/// the file. (Swift treats `\r\n` as one character, so without this a CRLF file's fences,
/// front matter and options would never match `\n`-based rules.)
enum SourceText {
    /// Reads `path`, or nil when it cannot be read as UTF-8.
    static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        return normalized(text)
    }

    /// `text` without a leading BOM and with every line ending `\n`.
    static func normalized(_ text: String) -> String {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
