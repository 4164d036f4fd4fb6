/// Everything mlbook (BookKit's generator and runner) and a chapter program (the `Notebook`
/// runtime it links) agree on, in one place: the descriptors and environment names the
/// program is started with, the version of the message set it speaks (`ChannelMessage`), the
/// order of a conversation, and the runtime calls the generated program makes. BookKit and
/// Notebook both read these; nothing else spells them.
///
/// A conversation:
/// 1. The program sends `hello(version:)` first; mlbook refuses other versions.
/// 2. Per cell, in document order: `cellStarted`, then (after mlbook's acknowledgement, one
///    byte on `acknowledgementDescriptor`) the cell's figures, tables and claims, then
///    `cellFinished`. Inline values come between cells.
/// 3. `finished` last.
///
/// Cell boundaries come only from the channel: what a cell prints on stdout is text, whatever
/// it says. A program flushes stdout before `cellStarted` and waits for the acknowledgement,
/// and mlbook reads stdout dry before applying each message, so every byte printed lands in
/// the cell that printed it.
public enum ChapterContract {
    /// Changes whenever a message, an environment name or a runtime call changes meaning or
    /// shape: an engine and an mlbook built apart are then told to rebuild together.
    public static let version = 4

    /// The descriptor of the result channel (a pipe the program writes JSON lines to).
    public static let channelDescriptor: Int32 = 3
    /// The descriptor the program reads acknowledgements from.
    public static let acknowledgementDescriptor: Int32 = 4

    /// The environment a chapter program is started with: names and, where fixed, values.
    public enum Environment {
        /// The file descriptor number of the result channel.
        public static let channel = "MLBOOK_CHANNEL_FD"
        /// The file descriptor number the program reads acknowledgements from.
        public static let acknowledgement = "MLBOOK_ACK_FD"
        /// The chapter's parameters, a JSON object of name → value text.
        public static let parameters = "MLBOOK_PARAMS"
        /// The seed of the engine's default generator.
        public static let seed = "MLBOOK_SEED"
        /// Comma-separated indices of `error: true` cells to skip (they already failed).
        public static let skippedCells = "MLBOOK_SKIP_CELLS"
        /// mlbook's process ID: the program stops (with everything it started) when its
        /// parent is no longer that process.
        public static let parentProcess = "MLBOOK_PARENT_PID"
        /// "1" when the engine's progress display should draw although stderr is not a
        /// terminal (`mlbook run` relays the program's stderr to the reader's terminal).
        public static let progress = "MLBOOK_PROGRESS"
        /// A token `<mlbook's pid>-<n>` that the program and every process it starts inherit,
        /// so mlbook can find and stop them all (see BookKit's `ChildRegistry`).
        public static let runToken = "MLBOOK_RUN"
        /// Swift's backtracer: a crash prints one JSON report (the crashed thread only) that
        /// mlbook maps to the Markdown line of the frame in the chapter.
        public static let backtrace = (
            name: "SWIFT_BACKTRACE", value: "enable=yes,interactive=no,color=no,format=json,threads=crashed"
        )
    }

    /// The runtime calls the generated program makes, as Swift source: the `Notebook`
    /// functions of the same names implement them.
    public enum Program {
        /// The modules a chapter program imports.
        public static let imports = ["NeuralKit", "Notebook", "SVGCharts"]
        /// Reads the environment above and says `hello`.
        public static let start = "Notebook.start()"
        /// Says `finished`.
        public static let finish = "Notebook.finish()"
        /// Says `cellStarted` and waits for the acknowledgement.
        public static func beginCell(_ index: Int) -> String { "Notebook.beginCell(\(index))" }
        /// Says `cellFinished`.
        public static func endCell(_ index: Int) -> String { "Notebook.endCell(\(index))" }
        /// Whether an `error: true` cell runs (not when it is in `Environment.skippedCells`).
        public static func shouldRun(_ index: Int) -> String { "Notebook.shouldRun(\(index))" }
        /// Opens a closure whose value is inline value `id` (the caller closes it with `}`).
        public static func inlineValue(_ id: Int) -> String { "Notebook.inline(\(id)) {" }
        /// The value of parameter `name` from `Environment.parameters`, typed by the
        /// declaration it initializes.
        public static func parameter(_ name: String) -> String { "Notebook.parameter(\"\(name)\")" }
    }
}
