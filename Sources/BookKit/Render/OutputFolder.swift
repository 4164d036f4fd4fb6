import Foundation

/// Which folders mlbook may replace with a site: only the ones it made itself.
///
/// A site mlbook writes holds a `.mlbook-site` mark. A folder may be replaced when it has the
/// mark, is empty, or holds mlbook's own `README.md` (word for word) and otherwise only what
/// a site holds — pages, `style.css`, the scripts, `fonts/` (a fresh clone's `output/`, or a
/// site written before the mark existed). It is never the book folder or a folder containing the book, nor
/// the current folder or one containing it, whatever marks they hold: those are refused
/// before anything is written, and nothing is deleted.
struct OutputFolder {
    /// The file that says "mlbook wrote this folder".
    static let markName = ".mlbook-site"
    static let markText = "This folder is a site written by mlbook; the next build replaces it whole.\n"

    /// The folder as the user named it (for messages).
    let path: String
    /// The book folder, when known.
    var bookRoot: String?
    /// The folder mlbook runs in (a parameter so tests need not change it).
    var workingDirectory = FileManager.default.currentDirectoryPath

    /// Throws unless a site may be written here (the folder may or may not exist yet).
    func checkReplaceable() throws(BookError) {
        let output = Self.canonical(path)
        func contains(_ inner: String) -> Bool { inner == output || output == "/" || inner.hasPrefix(output + "/") }
        if contains(Self.canonical(workingDirectory)) {
            throw BookError(
                path: path,
                "refusing to write the site here: the output folder would replace the current folder or a folder "
                    + "containing it; choose a folder of its own, e.g. --output output")
        }
        if let bookRoot, contains(Self.canonical(bookRoot)) {
            throw BookError(
                path: path,
                "refusing to write the site here: the output folder would replace the book folder \(bookRoot) "
                    + "or a folder containing it")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw BookError(file: path, "the output path exists and is not a folder")
        }
        guard isMlbookFolder() else {
            throw BookError(
                path: path,
                "refusing to replace a folder mlbook did not write (it is not empty and has no \(Self.markName) "
                    + "mark); empty it, remove it or choose another --output")
        }
    }

    /// Whether the existing folder is one mlbook may replace: marked or empty; or holding
    /// mlbook's own README and nothing a site of mlbook's lacks (a fresh clone's `output/`, or
    /// a site written before sites were marked).
    private func isMlbookFolder() -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        if entries.isEmpty || entries.contains(Self.markName) { return true }
        guard let readme = FileManager.default.contents(atPath: path + "/README.md"),
            SourceText.normalized(String(decoding: readme, as: UTF8.self)) == SiteWriter.readme
        else { return false }
        return entries.allSatisfy { Self.unmarkedSiteEntries.contains($0) || $0.hasSuffix(".html") }
    }

    /// What an unmarked site of mlbook's may hold besides its pages.
    private static let unmarkedSiteEntries = Set(
        ["README.md", "style.css", "mlbook.js", "search-index.js", "fonts"] + SiteWriter.keptFolders)

    /// The absolute path with symbolic links resolved, for the part of it that exists, so
    /// `..`, `.` and links cannot hide that two paths are the same folder.
    static func canonical(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var existing = absolute
        var rest: [String] = []
        while true {
            if let resolved = resolved(existing) {
                return rest.reduce(resolved) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
            }
            guard existing != "/" else { return absolute }
            rest.insert(URL(fileURLWithPath: existing).lastPathComponent, at: 0)
            existing = URL(fileURLWithPath: existing).deletingLastPathComponent().path
        }
    }

    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
