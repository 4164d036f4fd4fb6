import Foundation
import CCMark

/// Reads one chapter file: front matter, cells and inline values.
enum ChapterLoader {
    static func load(path: String, defaults: ExecutionDefaults, overrides: [String: String]) throws(BookError)
        -> Chapter
    {
        guard let text = SourceText.read(path) else {
            throw BookError(file: path, "cannot read the chapter")
        }
        return try parse(text, path: path, defaults: defaults, overrides: overrides)
    }

    /// Parses chapter text; `path` is used for messages and the page name.
    static func parse(
        _ text: String, path: String, defaults: ExecutionDefaults = ExecutionDefaults(),
        overrides: [String: String] = [:]
    ) throws(BookError) -> Chapter {
        let frontMatter = try FrontMatter(splitting: SourceText.normalized(text), path: path)
        var parameters = frontMatter.parameters
        for index in parameters.indices {
            guard let value = overrides[parameters[index].name] else { continue }
            guard parameters[index].kind.accepts(value) else {
                throw BookError(
                    parameters[index].location,
                    "'\(value)' is not a valid \(parameters[index].kind.rawValue) for parameter '\(parameters[index].name)'"
                )
            }
            parameters[index].value = value
        }
        let document = MarkdownDocument(frontMatter.body)
        let lines = frontMatter.body.components(separatedBy: "\n")
        var cells: [Cell] = []
        var inlineExpressions: [InlineExpression] = []
        var inlineCountPerBlock: [Int: Int] = [:]
        var firstHeading: String?
        for node in document.nodes() {
            if MarkdownNode.isSwiftCell(node) {
                cells.append(try CellParser.cell(from: node, lines: lines, path: path))
            } else if let expression = MarkdownNode.inlineExpression(node) {
                let blockLine = MarkdownNode.startLine(MarkdownNode.enclosingBlock(node))
                let ordinal = inlineCountPerBlock[blockLine, default: 0]
                inlineCountPerBlock[blockLine] = ordinal + 1
                let location = locateInline(ordinal: ordinal, from: blockLine, lines: lines, path: path)
                inlineExpressions.append(
                    InlineExpression(expression: expression, location: location, cellsBefore: cells.count))
            } else if firstHeading == nil, MarkdownNode.type(node) == CMARK_NODE_HEADING {
                firstHeading = lines[safe: MarkdownNode.startLine(node) - 1]?
                    .trimmingCharacters(in: CharacterSet(charactersIn: "# "))
            }
        }
        let slug = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return Chapter(
            path: path, slug: slug, title: frontMatter.title ?? firstHeading ?? slug, markdown: frontMatter.body,
            parameters: parameters, seed: frontMatter.seed ?? defaults.seed, tolerance: frontMatter.tolerance,
            cells: cells,
            inlineExpressions: inlineExpressions)
    }

    /// The location of the `ordinal`-th `` `{swift} `` at or after line `blockLine`: the line
    /// and the UTF-8 column of the expression's first character (as the compiler counts).
    private static func locateInline(ordinal: Int, from blockLine: Int, lines: [String], path: String) -> SourceLocation
    {
        var remaining = ordinal
        for lineIndex in max(blockLine - 1, 0)..<lines.count {
            var searchStart = lines[lineIndex].startIndex
            while let range = lines[lineIndex].range(of: "`{swift} ", range: searchStart..<lines[lineIndex].endIndex) {
                if remaining == 0 {
                    var expressionStart = range.upperBound
                    let line = lines[lineIndex]
                    while expressionStart < line.endIndex, line[expressionStart] == " " {
                        expressionStart = line.index(after: expressionStart)
                    }
                    let column = line.utf8.distance(from: line.startIndex, to: expressionStart) + 1
                    return SourceLocation(file: path, line: lineIndex + 1, column: column)
                }
                remaining -= 1
                searchStart = range.upperBound
            }
        }
        return SourceLocation(file: path, line: blockLine)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
