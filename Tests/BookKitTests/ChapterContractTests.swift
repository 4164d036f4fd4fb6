import Foundation
import NotebookFormat
import Testing

@testable import BookKit

/// The generator and the runtime meet only through `ChapterContract`: the generated program
/// calls nothing of `Notebook` the contract does not name, and a program built from it, with
/// every kind of call in it, talks to the runner to the end.
@Suite struct ChapterContractTests {
    static let chapterText = """
        ---
        title: Contract
        params: { factor: 3 }
        ---

        # Contract

        ```swift
        let base = 2 * params.factor
        print("base", base)
        ```

        Inline: `{swift} base + 1`.

        ```swift
        //| error: true
        let values: [Int] = []
        print(values[base])
        ```

        ```swift
        print("after", base)
        ```
        """

    static func book() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mlbook-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "title: Contract\nchapters: [contract.md]\nexecute: { timeout: 60, seed: 0 }\n"
            .write(to: root.appendingPathComponent("book.yml"), atomically: true, encoding: .utf8)
        try chapterText.write(to: root.appendingPathComponent("contract.md"), atomically: true, encoding: .utf8)
        return root.path
    }

    @Test func theGeneratedProgramCallsOnlyTheContractsEntryPoints() throws {
        let chapter = try #require(BookLoader.load(root: Self.book()).chapters.first)
        let program = ProgramGenerator.program(for: chapter)
        let calls = program.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.contains("Notebook.") }
        let contract = ChapterContract.Program.self
        let expected = [
            contract.start, "let factor: Int = \(contract.parameter("factor"))",
            contract.beginCell(0), contract.endCell(0), contract.inlineValue(0),
            "if \(contract.shouldRun(1)) {", contract.beginCell(1), contract.endCell(1),
            contract.beginCell(2), contract.endCell(2), contract.finish,
        ]
        #expect(calls == expected)
        #expect(ChapterContract.Program.imports.allSatisfy { program.contains("import \($0)\n") })
    }

    @Test func aProgramWithEveryKindOfCallTalksToTheRunnerToTheEnd() throws {
        let builder = try EndToEndTests.builder(root: Self.book())
        let result = try #require(builder.executeAll().first)
        #expect(result.cells[0].output == "base 6\n", "the parameter arrived")
        #expect(result.inlineValues.map { $0?.text } == ["7"])
        #expect(result.cells[1].status != .succeeded, "the error cell trapped")
        #expect(result.cells[2].output == "after 6\n", "the cells after it ran")
        #expect(result.errors.isEmpty, "an error: true cell that fails is not an error of the chapter")
    }
}
