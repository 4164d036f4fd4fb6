import Foundation

/// What `mlbook serve` watches: the modification time of every file in the book folder,
/// except what a build itself writes there — the site (when `--output` is inside the book),
/// its staging folders beside it, the work folder, and `_freeze/` — which would otherwise make
/// every build start the next one, forever.
public struct BookSnapshot: Equatable, Sendable {
    private var times: [String: Date] = [:]

    /// Takes the snapshot of `book`, leaving out `ignoring` (folders, absolute or relative to
    /// the current folder) and their `.NAME.partial-*`/`.NAME.old-*` siblings.
    public init(book: String, ignoring: [String], alsoWatching extraFiles: [String] = []) {
        for file in extraFiles {
            times[file] = Self.modificationTime(file)
        }
        let bookPath = Self.resolved(book)
        let ignored = ignoring.map(Self.resolved).compactMap { path -> (relative: String, name: String)? in
            guard path.hasPrefix(bookPath + "/") else { return nil }
            let relative = String(path.dropFirst(bookPath.count + 1))
            return (relative, (relative as NSString).lastPathComponent)
        }
        guard let enumerator = FileManager.default.enumerator(atPath: book) else { return }
        while let file = enumerator.nextObject() as? String {
            if file == "_freeze" || file.hasPrefix("_freeze/") || Self.isIgnored(file, ignored) {
                enumerator.skipDescendants()
                continue
            }
            times[file] = Self.modificationTime(book + "/" + file)
        }
    }

    /// Whether `file` (relative to the book) is an ignored folder, inside one, or one of its
    /// staging siblings.
    private static func isIgnored(_ file: String, _ ignored: [(relative: String, name: String)]) -> Bool {
        let parent = (file as NSString).deletingLastPathComponent
        let name = (file as NSString).lastPathComponent
        return ignored.contains { folder in
            if file == folder.relative || file.hasPrefix(folder.relative + "/") { return true }
            let folderParent = (folder.relative as NSString).deletingLastPathComponent
            return parent == folderParent
                && (name.hasPrefix(".\(folder.name).partial-") || name.hasPrefix(".\(folder.name).old-"))
        }
    }

    /// The absolute path with `..` and symbolic links resolved (as far as the path exists).
    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private static func modificationTime(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
    }
}
