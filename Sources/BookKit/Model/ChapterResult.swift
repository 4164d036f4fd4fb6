import NotebookFormat

/// What running a chapter produced.
public struct ChapterResult: Sendable, Codable, Equatable {
    /// One result per cell, in document order.
    public var cells: [CellResult]
    /// Inline values by index in document order.
    public var inlineValues: [InlineValue?]
    /// Errors located in the chapter (compile errors, crashes, failed claims, timeouts).
    public var errors: [BookError]
    /// Wall time of compiling the chapter program.
    public var compileSeconds: Double
    /// Wall time of running it.
    public var runSeconds: Double
    /// Whether this result was reused from the cache (nothing compiled or ran).
    public var cached = false
    /// The cache key of the binary that produced it (the program without its left-out
    /// `error: true` cells), so reusing the result keeps that binary too.
    public var binaryKey: String?

    /// Whether the chapter compiled, ran every cell as intended and all claims held.
    public var succeeded: Bool { errors.isEmpty }
}

/// The outcome of one cell.
public struct CellResult: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// Ran to its end.
        case succeeded
        /// Failed to compile, trapped or timed out.
        case failed
        /// Marked `error: true`, and failed as it must.
        case failedAsExpected
        /// Never reached: an earlier cell failed.
        case notRun
        /// `eval: false`.
        case skipped
    }

    public var status: Status = .notRun
    /// Text the cell printed.
    public var output = ""
    /// Charts and tables it showed, in order.
    public var richOutputs: [RichOutput] = []
    /// Claims it checked with `expect`.
    public var claims: [Claim] = []
    /// The error shown in the cell's box, when it failed.
    public var error: String?
    public var seconds: Double = 0

    public init(status: Status = .notRun) {
        self.status = status
    }
}

/// A chart or table a cell showed.
public enum RichOutput: Sendable, Codable, Equatable {
    case figure(svg: String, series: [SeriesRecord])
    case html(String, numbers: [Double])
}

/// An `expect(…, text)` outcome.
public struct Claim: Sendable, Codable, Equatable {
    public var line: Int
    public var text: String
    public var passed: Bool
    /// For a comparison, how far it held (positive) or failed (negative), relative to its bound.
    public var margin: Double?

    public init(line: Int, text: String, passed: Bool, margin: Double? = nil) {
        (self.line, self.text, self.passed, self.margin) = (line, text, passed, margin)
    }
}

/// The value of one inline expression.
public struct InlineValue: Sendable, Codable, Equatable {
    public var text: String
    public var number: Double?
    /// A measurement (a time) that differs between runs: shown, not compared by `check`.
    public var measured = false
}
