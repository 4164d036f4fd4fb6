import Foundation
import NotebookFormat
import Testing

@testable import BookKit

@Suite struct FreezeComparisonTests {
    static func record(
        output: String = "loss = 0.5\n", series: [Double] = [1, 0.5, 0.25], inline: Double = 0.25,
        measured: Bool = false
    )
        -> FreezeRecord
    {
        var record = FreezeRecord(chapter: ChapterLoaderTests.emptyChapter, result: ChapterLoaderTests.emptyResult)
        record.cells = [
            FreezeRecord.CellRecord(
                line: 3, status: .succeeded, output: output,
                series: [SeriesRecord(name: "loss", values: series)], tables: [],
                claims: [FreezeRecord.ClaimRecord(text: "decreases", passed: true)])
        ]
        record.inlineValues = [
            FreezeRecord.InlineRecord(
                line: 7, expression: "x", text: String(inline), number: inline, measured: measured)
        ]
        return record
    }

    let comparison = FreezeComparison(tolerance: 1e-6, path: "c.md")

    @Test func identicalRunsDoNotDrift() {
        #expect(comparison.drifts(expected: Self.record(), actual: Self.record()).isEmpty)
    }

    @Test func aTamperedSeriesValueIsCaughtWithItsIndex() {
        let drifts = comparison.drifts(expected: Self.record(), actual: Self.record(series: [1, 0.5, 0.2501]))
        #expect(drifts.map(\.what) == ["series loss[2]"])
        #expect(drifts.first?.location == SourceLocation(file: "c.md", line: 3))
        #expect(abs((drifts.first?.relativeError ?? 0) - 0.0001 / 0.2501) < 1e-12)
    }

    @Test func changesInsideTheToleranceAndMeasuredValuesPass() {
        let close = Self.record(
            output: "loss = 0.5000000001\n", series: [1, 0.5, 0.25 * (1 + 1e-7)], inline: 0.25 * (1 + 1e-7))
        #expect(comparison.drifts(expected: Self.record(), actual: close).isEmpty)
        let measured = Self.record(inline: 0.3, measured: true)
        #expect(comparison.drifts(expected: Self.record(inline: 0.1, measured: true), actual: measured).isEmpty)
    }

    @Test func printedNumbersAreComparedAsNumbersAndTextExactly() {
        let number = comparison.drifts(expected: Self.record(), actual: Self.record(output: "loss = 0.6\n"))
        #expect(number.map(\.what) == ["output"])
        #expect(number.first?.relativeError != nil)
        let text = comparison.drifts(expected: Self.record(), actual: Self.record(output: "cost = 0.5\n"))
        #expect(text.first?.relativeError == nil)
    }

    @Test func nonFiniteNumbersSurviveTheRecordAndTheChannel() throws {
        let diverged = Self.record(series: [1, 1e30, .infinity, .nan], inline: -.infinity)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("freeze-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try diverged.write(to: path)
        let loaded = try #require(try FreezeRecord.load(from: path))
        #expect(comparison.drifts(expected: diverged, actual: loaded).isEmpty)
        #expect(loaded.inlineValues.first?.number == -.infinity)

        let message = ChannelMessage.figure(
            cell: 0, svg: "", series: [SeriesRecord(name: "lr", values: [.infinity, .nan])])
        let decoded = try ResultJSON.decoder().decode(ChannelMessage.self, from: ResultJSON.encoder().encode(message))
        guard case .figure(_, _, let series) = decoded else { Issue.record("not a figure: \(decoded)"); return }
        #expect(series.first?.values.first == .infinity && series.first?.values.last?.isNaN == true)
    }

    @Test func aChangedInlineValueIsCaught() {
        let drifts = comparison.drifts(expected: Self.record(), actual: Self.record(inline: 0.26))
        #expect(drifts.map(\.what) == ["inline x"])
        #expect(drifts.first?.location.line == 7)
    }

    @Test(arguments: [
        ("w = -0.0359, b = 0.5238", "w = #, b = #", [-0.0359, 0.5238]),
        ("W1 x2 1e-7 3.5E+2 [1, 2]", "W1 x2 # # [#, #]", [1e-7, 350, 1, 2]),
        ("损失：0.077", "损失：#", [0.077]),
        ("v1.2.3", "v1.2.3", []),
        ("1.2.3", "#.3", [1.2]),
    ])
    func numbersAreFoundInText(text: String, skeleton: String, numbers: [Double]) {
        let split = NumberScanner.split(text)
        #expect(split.skeleton == skeleton)
        #expect(split.numbers == numbers)
    }
}
