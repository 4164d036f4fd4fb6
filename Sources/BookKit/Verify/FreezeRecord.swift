import Foundation
import NotebookFormat

/// A chapter's recorded results in `_freeze/NN-name.json`: every number a reader sees, in a
/// readable form that is reviewed in diffs and compared by `mlbook check`.
public struct FreezeRecord: Codable, Equatable, Sendable {
    /// One cell's recorded outputs.
    public struct CellRecord: Codable, Equatable, Sendable {
        public var line: Int
        public var status: CellResult.Status
        public var output: String
        public var series: [SeriesRecord]
        public var tables: [[Double]]
        public var claims: [ClaimRecord]
    }

    /// An `expect` outcome.
    public struct ClaimRecord: Codable, Equatable, Sendable {
        public var text: String
        public var passed: Bool
    }

    /// An inline value.
    public struct InlineRecord: Codable, Equatable, Sendable {
        public var line: Int
        public var expression: String
        public var text: String
        public var number: Double?
        /// Measurements are recorded but never compared.
        public var measured: Bool
    }

    public var cells: [CellRecord]
    public var inlineValues: [InlineRecord]

    /// The record of `result`, a run of `chapter`.
    public init(chapter: Chapter, result: ChapterResult) {
        cells = zip(chapter.cells, result.cells).map { cell, outcome in
            CellRecord(
                line: cell.firstLine, status: outcome.status, output: outcome.output,
                series: outcome.richOutputs.flatMap { output -> [SeriesRecord] in
                    guard case .figure(_, let series) = output else { return [] }
                    return series
                },
                tables: outcome.richOutputs.compactMap { output in
                    guard case .html(_, let numbers) = output else { return nil }
                    return numbers
                },
                claims: outcome.claims.map { ClaimRecord(text: $0.text, passed: $0.passed) })
        }
        // Measurements differ on every run: recording them would only make noisy diffs.
        inlineValues = zip(chapter.inlineExpressions, result.inlineValues).map { inline, value in
            let measured = value?.measured ?? false
            return InlineRecord(
                line: inline.location.line, expression: inline.expression,
                text: measured ? "(measured)" : value?.text ?? "", number: measured ? nil : value?.number,
                measured: measured)
        }
    }

    /// The path of a chapter's record: `<book>/_freeze/<slug>.json`.
    public static func path(for chapter: Chapter, bookRoot: String) -> String {
        BookLoader.join(bookRoot, "_freeze/\(chapter.slug).json")
    }

    /// Reads a record; nil when the chapter has none yet.
    public static func load(from path: String) throws(BookError) -> FreezeRecord? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try ResultJSON.decoder().decode(FreezeRecord.self, from: data)
        } catch {
            throw BookError(file: path, "the recorded results cannot be read (\(error)); rerun `mlbook check --update`")
        }
    }

    /// Writes the record as sorted, indented JSON (stable diffs), atomically.
    public func write(to path: String) throws(BookError) {
        let encoder = ResultJSON.encoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var data = try encoder.encode(self)
            data.append(0x0A)
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw BookError(file: path, "cannot record results: \(error.localizedDescription)")
        }
    }
}
