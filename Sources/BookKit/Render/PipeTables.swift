import Foundation

/// GitHub-style pipe tables, which libcmark (plain CommonMark) does not know: before parsing,
/// each table becomes one raw HTML line (its cells rendered as inline Markdown by libcmark)
/// followed by blank lines, so the lines after it keep their numbers.
///
/// ```
/// | 原文 | NeuralKit |
/// |---|:---:|
/// | `Dense(1)` | `Dense(1, inputSize: 1)` |
/// ```
enum PipeTables {
    static func render(_ markdown: String) -> String {
        var lines = markdown.components(separatedBy: "\n")
        var index = 0
        var fence: String?
        while index + 1 < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                index += 1
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix { $0 == trimmed.first })
                index += 1
                continue
            }
            guard isRow(lines[index]), let alignments = delimiterRow(lines[index + 1]),
                cells(lines[index]).count == alignments.count
            else {
                index += 1
                continue
            }
            var end = index + 2
            while end < lines.count, isRow(lines[end]) { end += 1 }
            lines[index] = html(
                header: cells(lines[index]), rows: lines[(index + 2)..<end].map(cells), alignments: alignments)
            for blank in (index + 1)..<end { lines[blank] = "" }
            index = end
        }
        return lines.joined(separator: "\n")
    }

    private static func isRow(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("|") && trimmed.count > 1
    }

    /// The column alignments of a `|---|:---:|---:|` line, or nil if it is not one.
    private static func delimiterRow(_ line: String) -> [String?]? {
        guard isRow(line) else { return nil }
        let parts = cells(line)
        var alignments: [String?] = []
        for part in parts {
            let core = part.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
            guard !core.isEmpty, core.allSatisfy({ $0 == "-" }) else { return nil }
            switch (part.hasPrefix(":"), part.hasSuffix(":")) {
            case (true, true): alignments.append("center")
            case (false, true): alignments.append("right")
            case (true, false): alignments.append("left")
            default: alignments.append(nil)
            }
        }
        return alignments
    }

    /// The cells of a row: split at `|` outside code spans, `\|` kept as a literal bar.
    private static func cells(_ line: String) -> [String] {
        var trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("|") { trimmed.removeFirst() }
        if trimmed.hasSuffix("|") && !trimmed.hasSuffix("\\|") { trimmed.removeLast() }
        var cells: [String] = []
        var current = ""
        var inCode = false
        var previous: Character = " "
        for character in trimmed {
            if character == "`" { inCode.toggle() }
            if character == "|" && !inCode && previous != "\\" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }

    private static func html(header: [String], rows: [[String]], alignments: [String?]) -> String {
        func cell(_ tag: String, _ text: String, _ column: Int) -> String {
            let align =
                alignments.indices.contains(column)
                ? alignments[column].map { " style=\"text-align: \($0)\"" } ?? "" : ""
            return "<\(tag)\(align)>\(inline(text))</\(tag)>"
        }
        let head = header.enumerated().map { cell("th", $1, $0) }.joined()
        let body = rows.map { row in
            "<tr>" + (0..<header.count).map { cell("td", row.indices.contains($0) ? row[$0] : "", $0) }.joined()
                + "</tr>"
        }.joined()
        return "<table class=\"prose\"><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>"
    }

    /// A cell's Markdown rendered by libcmark, without the paragraph around it.
    private static func inline(_ markdown: String) -> String {
        let html = MarkdownDocument(markdown.replacingOccurrences(of: "\\|", with: "|")).html()
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard html.hasPrefix("<p>"), html.hasSuffix("</p>") else { return html }
        return String(html.dropFirst(3).dropLast(4))
    }
}
