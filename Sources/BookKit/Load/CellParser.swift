import Foundation

/// Turns a fenced Swift block into a `Cell`, reading its `//| key: value` options.
enum CellParser {
    static let optionPrefix = "//|"

    static func cell(from node: OpaquePointer, lines: [String], path: String) throws(BookError) -> Cell {
        let fenceLine = MarkdownNode.startLine(node)
        try checkClosed(node, fenceLine: fenceLine, lines: lines, path: path)
        let code = MarkdownNode.literal(node)
        var options = CellOptions()
        for (offset, line) in code.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(optionPrefix) else { break }
            let location = SourceLocation(file: path, line: fenceLine + 1 + offset, column: 1)
            try apply(String(trimmed.dropFirst(optionPrefix.count)), to: &options, at: location)
        }
        return Cell(code: code, firstLine: fenceLine + 1, options: options)
    }

    /// An unclosed fence runs to the end of the document; cmark accepts that, mlbook does not.
    private static func checkClosed(_ node: OpaquePointer, fenceLine: Int, lines: [String], path: String)
        throws(BookError)
    {
        let opening = lines[safe: fenceLine - 1]?.trimmingCharacters(in: .whitespaces) ?? "```"
        let fence = String(opening.prefix { $0 == "`" || $0 == "~" })
        let closing = lines[safe: MarkdownNode.endLine(node) - 1]?.trimmingCharacters(in: .whitespaces) ?? ""
        let isClosed =
            MarkdownNode.endLine(node) > fenceLine && closing.hasPrefix(fence)
            && closing.allSatisfy { $0 == fence.first }
        if !isClosed {
            throw BookError(file: path, line: fenceLine, "code fence '\(fence)' is never closed")
        }
    }

    private static func apply(_ text: String, to options: inout CellOptions, at location: SourceLocation)
        throws(BookError)
    {
        guard let colon = text.firstIndex(of: ":") else {
            throw BookError(location, "cell option must read '//| key: value', got '//|\(text)'")
        }
        let key = text[..<colon].trimmingCharacters(in: .whitespaces)
        let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        func flag() throws(BookError) -> Bool {
            guard let flag = Bool(value) else {
                throw BookError(location, "cell option '\(key)' must be true or false")
            }
            return flag
        }
        switch key {
        case "echo": options.echo = try flag()
        case "eval": options.eval = try flag()
        case "output": options.output = try flag()
        case "error": options.error = try flag()
        case "label": options.label = value
        case "caption": options.caption = value
        case "timeout":
            guard let seconds = Double(value), seconds > 0 else {
                throw BookError(location, "cell option 'timeout' must be a positive number of seconds")
            }
            options.timeout = seconds
        default:
            throw BookError(
                location,
                "unknown cell option '\(key)' (expected echo, eval, output, error, label, caption or timeout)")
        }
    }
}
