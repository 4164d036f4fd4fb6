import Foundation
import Synchronization

/// Where `fit`'s progress display may draw.
public enum ProgressDisplay {
    private static let forced = Atomic(false)

    /// Whether the display draws although stderr is not a terminal (false by default). A
    /// chapter program run by `mlbook run` sets it: mlbook relays its stderr to the reader's
    /// terminal.
    public static var drawsWithoutTerminal: Bool {
        get { forced.load(ordering: .relaxed) }
        set { forced.store(newValue, ordering: .relaxed) }
    }
}

/// `fit`'s one-line progress display — epoch, bar, loss, ETA — redrawn in place on stderr,
/// at most ten times a second. It shows only when asked (`verbose: true`) and stderr is a
/// terminal or `ProgressDisplay.drawsWithoutTerminal` is set. Numbers never depend on it.
struct ProgressBar {
    private let total: Int
    private let enabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64 = 0

    init(epochs: Int, verbose: Bool) {
        total = epochs
        enabled = verbose && epochs > 0 && (isatty(STDERR_FILENO) == 1 || ProgressDisplay.drawsWithoutTerminal)
    }

    /// Redraws after `epoch` (1-based) finished with `loss`.
    mutating func update(epoch: Int, loss: Float) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard epoch == total || now - lastDrawn > 100_000_000 else { return }
        lastDrawn = now
        let elapsed = Double(now - start) / 1e9
        let remaining = elapsed / Double(epoch) * Double(total - epoch)
        let width = 24
        let filled = width * epoch / total
        let bar = String(repeating: "━", count: filled) + String(repeating: "─", count: width - filled)
        let numbers = String(format: "loss %.4g  ETA %.1f s", loss, remaining)
        let line = "\r\u{1B}[2Kepoch \(epoch)/\(total) \(bar) \(numbers)"
        FileHandle.standardError.write(Data((line + (epoch == total ? "\n" : "")).utf8))
    }
}
