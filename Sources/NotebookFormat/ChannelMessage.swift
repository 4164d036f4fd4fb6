import Foundation

/// One report from a running chapter program to mlbook, sent as one JSON line on the result
/// channel (a pipe the child finds at file descriptor `ChannelEnvironment.descriptor`).
///
/// Text a cell prints is not sent here: it goes to stdout, which mlbook splits into cells at
/// the `CellMarker` lines the program writes at each cell boundary.
public enum ChannelMessage: Codable, Sendable, Equatable {
    /// Cell `cell` (0-based, document order) starts running.
    case cellStarted(cell: Int)
    /// Cell `cell` ran to its end.
    case cellFinished(cell: Int, seconds: Double)
    /// The inline value `id` (document order) evaluated to `text`; `number` when numeric;
    /// `measured` when it is a measurement (a time) that differs between runs.
    case inlineValue(id: Int, text: String, number: Double?, measured: Bool)
    /// A chart drawn by `show`: its SVG and the plotted series (recorded for `check`).
    case figure(cell: Int, svg: String, series: [SeriesRecord])
    /// An HTML fragment (a table) drawn by `show`, with the numbers it shows.
    case html(cell: Int, html: String, numbers: [Double])
    /// `expect(condition, text)` at Markdown line `line`.
    case claim(cell: Int, line: Int, text: String, passed: Bool)
}

/// A plotted series, kept as numbers so `check` can compare it with recorded results.
public struct SeriesRecord: Codable, Sendable, Equatable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

/// How mlbook and a chapter program find each other: environment variable names.
public enum ChannelEnvironment {
    /// The file descriptor number of the result channel.
    public static let descriptor = "MLBOOK_CHANNEL_FD"
    /// The chapter's parameters, a JSON object of name → value text.
    public static let parameters = "MLBOOK_PARAMS"
    /// The seed of the engine's default generator.
    public static let seed = "MLBOOK_SEED"
    /// Comma-separated indices of `error: true` cells to skip (they already failed).
    public static let skippedCells = "MLBOOK_SKIP_CELLS"
}

/// The line a chapter program prints to stdout at each cell boundary, so text output can be
/// split by cell without guessing: `<U+001E>mlbook-cell <index><U+001E>`.
public enum CellMarker {
    static let fence = "\u{1E}"

    /// The marker line (without newline) announcing that cell `index` now owns stdout.
    public static func line(cell index: Int) -> String {
        "\(fence)mlbook-cell \(index)\(fence)"
    }

    /// The cell index if `line` is a marker line.
    public static func cell(in line: Substring) -> Int? {
        guard line.hasPrefix("\(fence)mlbook-cell "), line.hasSuffix(fence) else { return nil }
        return Int(line.dropFirst(fence.count + 12).dropLast(fence.count))
    }
}

/// The JSON coding of results (channel messages, the build cache, `_freeze/`). JSON has no
/// NaN or ∞, and a plain `JSONEncoder` refuses them, which would silently drop a chart of a
/// diverging run or an inline value of `∞`; they travel as the strings `"NaN"`, `"Infinity"`
/// and `"-Infinity"` instead.
public enum ResultJSON {
    /// An encoder that writes non-finite numbers as strings.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// A decoder that reads what `encoder()` writes.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }
}
