import Foundation
import SVGCharts

/// A section heading of a chapter page, for its table of contents.
struct Heading: Equatable {
    var level: Int
    var id: String
    /// The heading's text (tags removed).
    var text: String
}

/// Post-processing of a chapter's rendered HTML: heading anchors and the outline, and
/// numbered cross-references to labelled figures and tables (`@fig-loss` → “图 2”).
enum PageStructure {
    /// Gives every `<h2>`–`<h4>` a unique id and a link to itself; returns the headings.
    static func anchorHeadings(_ html: String, linkLabel: String = "本节链接") -> (html: String, headings: [Heading]) {
        var headings: [Heading] = []
        var used = Set<String>()
        let pattern = try! NSRegularExpression(pattern: "<h([2-4])>(.*?)</h\\1>", options: [.dotMatchesLineSeparators])
        var result = ""
        var cursor = html.startIndex
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            guard let whole = Range(match.range, in: html), let levelRange = Range(match.range(at: 1), in: html),
                let contentRange = Range(match.range(at: 2), in: html)
            else { continue }
            let level = Int(html[levelRange]) ?? 2
            let content = String(html[contentRange])
            let text = plainText(content)
            var id = slug(text)
            var suffix = 2
            while used.contains(id) {
                id = "\(slug(text))-\(suffix)"
                suffix += 1
            }
            used.insert(id)
            headings.append(Heading(level: level, id: id, text: text))
            result += html[cursor..<whole.lowerBound]
            result +=
                "<h\(level) id=\"\(escapeMarkup(id))\">\(content) <a class=\"anchor\" href=\"#\(escapeMarkup(id))\" aria-label=\"\(escapeMarkup(linkLabel))\">#</a></h\(level)>"
            cursor = whole.upperBound
        }
        return (result + html[cursor...], headings)
    }

    /// Replaces `@label` references to numbered figures and tables with links; unknown labels
    /// become warnings (and stay visible as text).
    static func resolveReferences(
        _ html: String, numbers: [String: String], chapterPath: String, warnings: inout [BookWarning]
    ) -> String {
        var found: [BookWarning] = []
        let resolved = referencePattern.replacingMatches(in: html) { _, label in
            if let number = numbers[String(label)] {
                return "<a class=\"reference\" href=\"#\(label)\">\(number)</a>"
            }
            found.append(
                BookWarning(SourceLocation(file: chapterPath, line: 1), "reference to unknown label '\(label)'"))
            return nil
        }
        warnings += found
        return resolved
    }

    // A constant pattern: compiling it cannot fail.
    private static let referencePattern = try! NSRegularExpression(pattern: "@((?:fig|tbl|eq)-[A-Za-z0-9_-]+)")

    /// “图 C.N” / “表 C.N” for every labelled cell of chapter C (“图 N” when the chapter has no
    /// number), numbered in order per kind: a `fig-` label (or a cell that shows a chart) is a
    /// figure, a `tbl-` label a table.
    static func numberLabels(
        _ cells: [Cell], results: [CellResult], chapter: Int? = nil, text: InterfaceText = .chinese
    ) -> [String: String] {
        let prefix = chapter.map { "\($0)." } ?? ""
        var numbers: [String: String] = [:]
        var (figures, tables) = (0, 0)
        for (cell, result) in zip(cells, results) {
            guard let label = cell.options.label else { continue }
            let showsChart = result.richOutputs.contains { if case .figure = $0 { true } else { false } }
            if label.hasPrefix("tbl-") || (!label.hasPrefix("fig-") && !showsChart) {
                tables += 1
                numbers[label] = "\(text.table) \(prefix)\(tables)"
            } else {
                figures += 1
                numbers[label] = "\(text.figure) \(prefix)\(figures)"
            }
        }
        return numbers
    }

    /// Numbers every display formula with a label — `$$ … $$ {#eq-name}` or `\label{eq-name}`
    /// inside it — “(C.N)” at its right, the label as its id, and shows a `\tag{x}` as “(x)”
    /// instead of a number (a tagged formula takes no number, as in LaTeX). Returns the page and
    /// “式 (C.N)” or “式 (x)” for each label, for `@eq-name`.
    static func numberEquations(_ html: String, chapter: Int?, text: InterfaceText) -> (
        html: String, numbers: [String: String]
    ) {
        var (result, numbers, count) = ("", [String: String](), 0)
        var cursor = html.startIndex
        for match in displayFormulaPattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            guard let whole = Range(match.range, in: html), let math = Range(match.range(at: 1), in: html) else {
                continue
            }
            let numbering = Range(match.range(at: 2), in: html).map {
                MathConverter.equationNumbering(plainText(String(html[$0])))
            }
            let written = (Range(match.range(at: 3), in: html) ?? Range(match.range(at: 4), in: html))
                .map { String(html[$0]) }
            let label = written ?? numbering??.label
            let tag = numbering??.tag
            guard label != nil || tag != nil else { continue }
            let shown: String
            if let tag {
                shown = tag.shown
            } else {
                count += 1
                shown = "(" + (chapter.map { "\($0)." } ?? "") + "\(count))"
            }
            if let label { numbers[label] = "\(text.equation) \(shown)" }
            let id = label.map { " id=\"\(escapeMarkup($0))\"" } ?? ""
            result += html[cursor..<whole.lowerBound]
            result +=
                "<span class=\"display-math scrolls numbered\"\(id)>\(html[math])<span class=\"equation-number\">\(escapeMarkup(shown))</span></span>"
            cursor = whole.upperBound
        }
        return (result + html[cursor...], numbers)
    }

    /// A display formula (its TeX is the `<annotation>`), perhaps followed by `{#eq-name}`: on
    /// its closing line, or — after a formula of several lines, whose lines the Markdown keeps
    /// blank — as a paragraph of its own.
    // A constant pattern: compiling it cannot fail.
    private static let displayFormulaPattern = try! NSRegularExpression(
        pattern: "<span class=\"display-math scrolls\">([\\s\\S]*?<annotation encoding=\"application/x-tex\">"
            + "([^<]*)</annotation>[\\s\\S]*?</math>)</span>"
            + "(?:\\s*\\{#(eq-[A-Za-z0-9_-]+)\\}|\\s*<p>\\{#(eq-[A-Za-z0-9_-]+)\\}</p>)?")

    /// The chapter's number from its file name's leading digits (`03-algorithms.md` → 3).
    static func chapterNumber(_ path: String) -> Int? {
        let name = path.split(separator: "/").last ?? ""
        return Int(name.prefix { $0.isASCII && $0.isNumber })
    }

    /// The text of an HTML fragment (tags removed, entities of the escaper undone).
    static func plainText(_ html: String) -> String {
        let stripped = html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        return stripped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            .trimmingCharacters(in: .whitespaces)
    }

    /// An id from heading text: letters, digits (any script) and dots kept, runs of anything
    /// else become one `-`.
    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "." {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "section" : slug
    }
}
