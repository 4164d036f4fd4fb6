import Foundation

/// An exclusive lock on a work folder, so two mlbook processes never write the same cache
/// and site at once: the second waits for the first (`flock`, released when the process ends,
/// even if it is killed).
public final class BuildLock {
    private let descriptor: Int32

    /// Takes the lock on `directory`; calls `waiting` once if another process holds it.
    public init(directory: String, waiting: () -> Void) throws(BookError) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/lock"
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BookError(file: path, "cannot open the lock file") }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            guard flock(descriptor, LOCK_EX) == 0 else { throw BookError(file: path, "cannot take the lock") }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
