import Foundation
import NotebookFormat

/// The chapter programs and compilers mlbook runs, so that everything they started can be
/// stopped: when one ends, and when mlbook is interrupted (SIGINT, SIGTERM, SIGHUP).
///
/// A process group is not enough: a program may start processes in groups of their own
/// (Foundation's `Process` does), which outlive its group. So every run carries a token in
/// its environment (`ChapterContract.Environment.runToken` = `<mlbook's pid>-<n>`), which descendants inherit, and the
/// processes holding it are found in `/proc/*/environ` and killed.
public enum ChildRegistry {
    nonisolated(unsafe) private static var groups = Set<pid_t>()
    nonisolated(unsafe) private static var runs = 0
    private static let lock = NSLock()

    /// A token for a new run.
    static func newToken() -> String {
        lock.withLock {
            runs += 1
            return "\(getpid())-\(runs)"
        }
    }

    nonisolated(unsafe) private static var stopping = false

    /// Runs `spawn` (which returns the new process group) and registers the group, unless
    /// mlbook is stopping: then nothing new starts, so nothing outlives mlbook's exit.
    static func register(_ spawn: () throws(BookError) -> pid_t) throws(BookError) {
        lock.lock()
        defer { lock.unlock() }
        guard !stopping else { throw BookError(path: "mlbook", "interrupted") }
        groups.insert(try spawn())
    }

    static func remove(_ group: pid_t) {
        lock.withLock { _ = groups.remove(group) }
    }

    /// Kills every registered process group and every process of this mlbook's runs.
    public static func killAll() {
        lock.withLock {
            stopping = true
            for group in groups { kill(-group, SIGKILL) }
        }
        killProcesses { $0.hasPrefix("\(ChapterContract.Environment.runToken)=\(getpid())-") }
    }

    /// Kills the processes left by the run with `token`, however they were grouped.
    static func killLeftovers(of token: String) {
        killProcesses { $0 == "\(ChapterContract.Environment.runToken)=\(token)" }
    }

    /// Kills each process (not this one) with an environment entry matching `entry`, twice
    /// over, for processes that were forking during the first pass.
    /// (Linux only: macOS has no `/proc`, so there only the process groups are stopped.)
    private static func killProcesses(where entry: (Substring) -> Bool) {
        for _ in 0..<2 {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            for name in names {
                guard let pid = pid_t(name), pid != getpid(),
                    let environment = FileManager.default.contents(atPath: "/proc/\(name)/environ")
                else { continue }
                let entries = environment.split(separator: 0).lazy.map { Substring(decoding: $0, as: UTF8.self) }
                if entries.contains(where: entry) { kill(pid, SIGKILL) }
            }
        }
    }
}
