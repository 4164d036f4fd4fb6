import Foundation

/// The process groups of running chapter programs and compilers, so an interrupted mlbook
/// (Ctrl-C, SIGTERM) can stop them instead of leaving them running without a parent.
public enum ChildRegistry {
    nonisolated(unsafe) private static var groups = Set<pid_t>()
    private static let lock = NSLock()

    static func add(_ group: pid_t) {
        lock.withLock { _ = groups.insert(group) }
    }

    static func remove(_ group: pid_t) {
        lock.withLock { _ = groups.remove(group) }
    }

    /// Kills every registered process group.
    public static func killAll() {
        lock.withLock {
            for group in groups { kill(-group, SIGKILL) }
        }
    }
}
