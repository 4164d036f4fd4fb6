import Foundation

/// One report from a running chapter program to mlbook, sent as one JSON line on the result
/// channel (a pipe the child finds at file descriptor `ChapterContract.channelDescriptor`). What
/// a conversation may say, in which order, is in `ChapterContract`.
public enum ChannelMessage: Codable, Sendable, Equatable {
    /// The first message: the program speaks protocol `version`.
    case hello(version: Int)
    /// Cell `cell` (0-based, document order) starts running; the program waits for an
    /// acknowledgement before running it, so stdout up to here belongs to the cells before.
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
    /// `expect(…, text)` at Markdown line `line`; `margin`, for a comparison
    /// (`expect(value, above: bound, …)`), is how far it held or failed, relative to the bound.
    case claim(cell: Int, line: Int, text: String, passed: Bool, margin: Double?)
    /// The last message: the program reached its end (exiting before it is a failure).
    case finished
}

/// A named series of numbers: what a chart plots (`Chart.plottedSeries`), what the channel
/// carries and what `_freeze/` records, so `check` can compare it with recorded results.
public struct SeriesRecord: Codable, Sendable, Equatable {
    /// The series' name, as a chart's legend shows it.
    public var name: String
    /// The numbers, in order.
    public var values: [Double]

    /// Creates a series.
    ///
    /// - Parameters:
    ///   - name: The series' name.
    ///   - values: Its numbers.
    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
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
