import Foundation

/// An exclusive lock, so two mlbook processes never write the same cache or site at once:
/// the second waits for the first (`flock`, released when the process ends, even if it is
/// killed).
public final class BuildLock {
    private let descriptor: Int32

    /// Takes the lock on a work folder (a `lock` file inside it); calls `waiting` once if
    /// another process holds it.
    public convenience init(directory: String, waiting: () -> Void) throws(BookError) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try self.init(path: directory + "/lock", flags: O_CREAT | O_RDWR, waiting: waiting)
    }

    /// Takes the lock that every writer of the site folder `output` holds, whatever its work
    /// folder: a lock on the folder that contains `output`. The site folder itself is
    /// replaced by a rename, so a lock on it would be a lock on the old site; a lock file
    /// beside it would litter the user's folder. (Two sites in one folder share the lock:
    /// their builds wait for each other, which is safe.)
    public convenience init(outputFolder output: String, waiting: () -> Void) throws(BookError) {
        let parent = URL(fileURLWithPath: output).standardizedFileURL.deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try self.init(path: parent, flags: O_RDONLY | O_DIRECTORY, waiting: waiting)
    }

    private init(path: String, flags: Int32, waiting: () -> Void) throws(BookError) {
        descriptor = open(path, flags | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BookError(file: path, "cannot open the lock") }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else { throw BookError(file: path, "cannot take the lock") }
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
