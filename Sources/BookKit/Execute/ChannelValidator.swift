import NotebookFormat

/// Checks a chapter program's messages against `ChapterContract` before any is applied: a
/// message that names a cell or inline value the chapter does not have, or comes out of order,
/// is a one-line reason to stop the program (the chapter fails), never an index out of range
/// in mlbook.
struct ChannelValidator {
    private let chapter: Chapter
    /// Whether `hello` arrived.
    private(set) var greeted = false
    /// The cell most recently started, and the one running now (nil between cells).
    private(set) var lastStarted: Int?
    private(set) var running: Int?
    /// Whether `finished` arrived: the program reached its end.
    private(set) var finished = false
    private var inlineValuesSeen: Set<Int> = []

    init(chapter: Chapter) {
        self.chapter = chapter
    }

    /// Records `message` if it may come now; otherwise the reason it may not.
    mutating func accept(_ message: ChannelMessage) -> String? {
        if case .hello(let version) = message {
            guard !greeted else { return violation("a second hello") }
            guard version == ChapterContract.version else {
                return "the chapter program speaks result channel version \(version), this mlbook speaks "
                    + "\(ChapterContract.version); rebuild the engine and mlbook together (swift build -c release)"
            }
            greeted = true
            return nil
        }
        guard greeted else { return violation("a message before hello") }
        guard !finished else { return violation("a message after the program's end") }
        switch message {
        case .hello:
            return nil
        case .cellStarted(let cell):
            if let problem = checkCell(cell) { return problem }
            guard chapter.cells[cell].options.eval else { return violation("cell \(cell + 1) is not evaluated") }
            if let running { return violation("cell \(cell + 1) started while cell \(running + 1) runs") }
            if let lastStarted, cell <= lastStarted {
                return violation("cell \(cell + 1) started after cell \(lastStarted + 1)")
            }
            (running, lastStarted) = (cell, cell)
        case .cellFinished(let cell, _):
            guard running == cell else { return violation("cell \(cell + 1) finished but was not running") }
            running = nil
        case .inlineValue(let id, _, _, _):
            guard chapter.inlineExpressions.indices.contains(id) else {
                return violation("inline value \(id + 1) of \(chapter.inlineExpressions.count)")
            }
            guard running == nil else { return violation("an inline value inside cell \((running ?? 0) + 1)") }
            guard inlineValuesSeen.insert(id).inserted else { return violation("inline value \(id + 1) twice") }
        case .figure(let cell, _, _), .html(let cell, _, _), .claim(let cell, _, _, _, _):
            if let problem = checkCell(cell) { return problem }
            let current = running ?? lastStarted ?? 0
            guard cell == current else {
                return violation("output for cell \(cell + 1) while cell \(current + 1) is current")
            }
        case .finished:
            if let running { return violation("the end of the program while cell \(running + 1) runs") }
            finished = true
        }
        return nil
    }

    private func checkCell(_ cell: Int) -> String? {
        chapter.cells.indices.contains(cell)
            ? nil : violation("cell \(cell + 1), but the chapter has \(chapter.cells.count) cell(s)")
    }

    private func violation(_ what: String) -> String {
        "the chapter program broke the result channel's protocol: \(what)"
    }
}
