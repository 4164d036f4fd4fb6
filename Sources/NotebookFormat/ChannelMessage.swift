import Foundation

/// One report from a running chapter program to mlbook, sent as one JSON line on the result
/// channel (a pipe the child finds at file descriptor `ChannelEnvironment.descriptor`). What
/// a conversation may say, in which order, is `ChannelProtocol`.
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

/// The conversation between mlbook and a chapter program.
///
/// 1. The program sends `hello(version:)` first; mlbook refuses other versions.
/// 2. Per cell, in document order: `cellStarted`, then (after mlbook's acknowledgement, one
///    byte on descriptor `ChannelEnvironment.acknowledgement`) the cell's figures, tables and
///    claims, then `cellFinished`. Inline values come between cells.
/// 3. `finished` last.
///
/// Cell boundaries come only from this channel: what a cell prints on stdout is text, whatever
/// it says. A program flushes stdout before `cellStarted` and waits for the acknowledgement,
/// and mlbook reads stdout dry before applying each message, so every byte printed lands in
/// the cell that printed it.
public enum ChannelProtocol {
    /// Changes whenever a message changes meaning or shape.
    public static let version = 3
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
    /// The file descriptor number the program reads acknowledgements from.
    public static let acknowledgement = "MLBOOK_ACK_FD"
    /// mlbook's process ID: the program stops (with everything it started) when its parent
    /// is no longer that process.
    public static let parentProcess = "MLBOOK_PARENT_PID"
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
