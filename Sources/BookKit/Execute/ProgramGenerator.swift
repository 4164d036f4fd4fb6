import Foundation
import NotebookFormat

/// Writes a chapter's cells into one Swift program: the cells in document order around the
/// runtime calls of `ChapterContract.Program` that mark their boundaries, each inline value
/// right after the cell before it, and `#sourceLocation` directives so every diagnostic and trap names the Markdown line.
enum ProgramGenerator {
    /// The program; cells in `excluded` (error cells that do not compile) are left out.
    /// `error: true` cells run inside `if Notebook.shouldRun(k)` (`ChapterContract.Program.shouldRun`), so a rerun can skip one that
    /// trapped and still run the cells after it.
    static func program(for chapter: Chapter, excluding excluded: Set<Int> = []) -> String {
        var lines = ChapterContract.Program.imports.map { "import \($0)" }
        lines += [
            "",
            "// Line-buffered stdout: text printed just before a crash still reaches mlbook.",
            "setvbuf(stdout, nil, _IOLBF, 0)",
            ChapterContract.Program.start,
        ]
        lines += parameterDeclarations(chapter.parameters)
        let inlinesByCell = Dictionary(grouping: chapter.inlineExpressions.enumerated()) { $0.element.cellsBefore }
        lines += inlineEvaluations(inlinesByCell[0] ?? [], chapter: chapter)
        for (index, cell) in chapter.cells.enumerated() {
            if cell.options.eval && !excluded.contains(index) {
                let guarded = cell.options.error
                lines += [
                    guarded ? "if \(ChapterContract.Program.shouldRun(index)) {" : "",
                    ChapterContract.Program.beginCell(index),
                    sourceLocation(chapter.path, cell.firstLine),
                    cell.code.hasSuffix("\n") ? String(cell.code.dropLast()) : cell.code,
                    "#sourceLocation()",
                    ChapterContract.Program.endCell(index),
                    guarded ? "}" : "",
                ]
            }
            lines += inlineEvaluations(inlinesByCell[index + 1] ?? [], chapter: chapter)
        }
        lines.append(ChapterContract.Program.finish)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `let params = …`: a struct whose properties have the front matter's types, filled at
    /// run time, so a new `-p` value needs no recompilation.
    private static func parameterDeclarations(_ parameters: [Parameter]) -> [String] {
        var lines = ["", "struct ChapterParameters {"]
        lines += parameters.map {
            "    let \($0.name): \($0.kind.rawValue) = \(ChapterContract.Program.parameter($0.name))"
        }
        lines += ["}", "let params = ChapterParameters()", ""]
        return lines
    }

    /// Each expression indented to its Markdown column, so compiler columns match the page.
    private static func inlineEvaluations(
        _ expressions: [(offset: Int, element: InlineExpression)], chapter: Chapter
    ) -> [String] {
        expressions.flatMap { id, inline in
            [
                ChapterContract.Program.inlineValue(id),
                sourceLocation(chapter.path, inline.location.line),
                String(repeating: " ", count: max(inline.location.column - 1, 0)) + inline.expression,
                "#sourceLocation()",
                "}",
            ]
        }
    }

    private static func sourceLocation(_ path: String, _ line: Int) -> String {
        let escaped = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "#sourceLocation(file: \"\(escaped)\", line: \(line))"
    }
}
