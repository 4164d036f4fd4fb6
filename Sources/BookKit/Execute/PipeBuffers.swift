import Foundation

/// Cuts bytes arriving in chunks into lines, in time linear in the bytes: each byte is searched
/// for a newline once, and the unfinished line is moved only when the consumed part before it
/// is larger (so a 16 MB line read 64 KB at a time costs 16 MB of searching, not 2 GB).
/// A line longer than `lineLimit` is not kept: it is reported once as `.tooLong`, and its bytes
/// up to the next newline are dropped as they come.
struct LineBuffer {
    enum Piece: Equatable {
        case line(Data)
        case tooLong
    }

    let lineLimit: Int
    private var bytes: [UInt8] = []
    /// The first byte of the unfinished line.
    private var lineStart = 0
    /// Bytes from `lineStart` up to here hold no newline.
    private var searched = 0
    /// Dropping an overlong line until its newline.
    private var skipping = false

    init(lineLimit: Int) {
        self.lineLimit = lineLimit
    }

    /// Bytes held for the unfinished line (never more than `lineLimit` plus one chunk).
    var bufferedCount: Int { bytes.count - lineStart }
    /// Bytes copied, searched or moved so far: the work done, which tests bound by a multiple
    /// of the bytes received (linear time, checked without a clock).
    private(set) var bytesHandled = 0

    /// Adds `data`; returns the lines it completed, in order, without their newlines.
    mutating func append(_ data: Data) -> [Piece] {
        bytes.append(contentsOf: data)
        bytesHandled += data.count
        var pieces: [Piece] = []
        while let newline = nextNewline() {
            if skipping {
                skipping = false
            } else {
                pieces.append(.line(Data(bytes[lineStart..<newline])))
                bytesHandled += newline - lineStart
            }
            lineStart = newline + 1
            searched = lineStart
        }
        searched = bytes.count
        if bytes.count - lineStart > lineLimit {
            if !skipping { pieces.append(.tooLong) }
            skipping = true
            lineStart = bytes.count
            searched = lineStart
        }
        if lineStart > 0, lineStart >= bytes.count - lineStart {
            bytesHandled += bytes.count - lineStart
            bytes.removeFirst(lineStart)
            searched -= lineStart
            lineStart = 0
        }
        return pieces
    }

    private mutating func nextNewline() -> Int? {
        guard searched < bytes.count else { return nil }
        let found = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                let found = memchr(base + searched, 0x0A, buffer.count - searched)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        bytesHandled += (found.map { $0 + 1 } ?? bytes.count) - searched
        return found
    }
}

/// Keeps the last `limit` bytes of a stream (stderr, whose end holds the crash report) in
/// memory of at most twice `limit`, in linear time.
struct TailBuffer {
    let limit: Int
    private var bytes: [UInt8] = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Bytes held right now (at most `2 × limit`).
    var heldCount: Int { bytes.count }

    mutating func append(_ data: Data) {
        if data.count >= limit {
            bytes = Array(data.suffix(limit))
            return
        }
        bytes.append(contentsOf: data)
        if bytes.count > 2 * limit {
            bytes = Array(bytes[(bytes.count - limit)...])
        }
    }

    /// The last `limit` bytes.
    var tail: Data { Data(bytes.suffix(limit)) }
}
