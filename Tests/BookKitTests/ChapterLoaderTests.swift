import Testing

@testable import BookKit

@Suite struct ChapterLoaderTests {
    static let emptyChapter = try! ChapterLoader.parse("# Empty\n", path: "c.md")
    static let emptyResult = ChapterResult(cells: [], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0)

    static let chapter = """
        ---
        title: 示例
        params: { epochs: 10, learningRate: 0.5, name: "adam", verbose: true }
        ---

        # Heading

        ```swift
        //| echo: false
        //| timeout: 5
        let a = 1
        ```

        Value `{swift} a + 1` and `{swift} a * 2`.

        ```python
        print(1)
        ```

        ```swift
        //| eval: false
        let b = 2
        ```

        中文 `{swift} b`
        """

    @Test func cellsAreSwiftFencesWithTheirFirstLineAndOptions() throws {
        let chapter = try ChapterLoader.parse(Self.chapter, path: "c.md")
        #expect(chapter.cells.count == 2)
        #expect(chapter.cells[0].firstLine == 9)
        #expect(chapter.cells[0].options.echo == false)
        #expect(chapter.cells[0].options.timeout == 5)
        #expect(chapter.cells[1].options.eval == false)
        #expect(chapter.cells[1].code == "//| eval: false\nlet b = 2\n")
    }

    @Test func inlineValuesKnowTheirLineColumnAndPrecedingCells() throws {
        let chapter = try ChapterLoader.parse(Self.chapter, path: "c.md")
        let inlines = chapter.inlineExpressions
        #expect(inlines.map(\.expression) == ["a + 1", "a * 2", "b"])
        #expect(inlines.map(\.location.line) == [14, 14, 25])
        #expect(inlines[0].location.column == 16)
        #expect(inlines[1].location.column == 36)
        // "中文 `{swift} " is 6 + 1 + 1 + 8 UTF-8 bytes before the expression.
        #expect(inlines[2].location.column == 17)
        #expect(inlines.map(\.cellsBefore) == [1, 1, 2])
    }

    @Test func frontMatterTypesParametersAndTitle() throws {
        let chapter = try ChapterLoader.parse(Self.chapter, path: "c.md")
        #expect(chapter.title == "示例")
        let kinds = chapter.parameters.map { "\($0.name):\($0.kind.rawValue)=\($0.value)" }
        #expect(kinds == ["epochs:Int=10", "learningRate:Float=0.5", "name:String=adam", "verbose:Bool=true"])
    }

    @Test func overridesReplaceValuesAndAreTypeChecked() throws {
        let chapter = try ChapterLoader.parse(Self.chapter, path: "c.md", overrides: ["learningRate": "0.1"])
        #expect(chapter.parameters[1].value == "0.1")
        #expect(
            throws: BookError(
                file: "c.md", line: 3, column: 23, "'fast' is not a valid Float for parameter 'learningRate'")
        ) {
            try ChapterLoader.parse(Self.chapter, path: "c.md", overrides: ["learningRate": "fast"])
        }
    }

    @Test(arguments: [
        (
            "```swift\n//| echos: false\nlet a = 1\n```\n",
            "c.md:2:1: error: unknown cell option 'echos' (expected echo, eval, output, error, label, caption or timeout)"
        ),
        ("```swift\n//| echo: maybe\n```\n", "c.md:2:1: error: cell option 'echo' must be true or false"),
        ("text\n\n```swift\nlet a = 1\n", "c.md:3:1: error: code fence '```' is never closed"),
        (
            "---\ntitle: x\ncolour: red\n---\n",
            "c.md:3:1: error: unknown key 'colour' (expected one of: title, params, seed, tolerance)"
        ),
        ("---\ntitle: x\n", "c.md:1:1: error: front matter starting here has no closing '---' line"),
        ("---\nparams: { 2fast: 1 }\n---\n", "c.md:2:11: error: parameter name '2fast' is not a Swift identifier"),
    ])
    func badChaptersGiveOneLocatedLine(source: String, message: String) {
        #expect(throws: (any Error).self) { try ChapterLoader.parse(source, path: "c.md") }
        do {
            _ = try ChapterLoader.parse(source, path: "c.md")
        } catch {
            #expect(error.description == message)
        }
    }
}
