import Foundation

/// Reads compiler output and crash reports back into Markdown-located errors.
enum Diagnostics {
    /// `path:line:col: error: message` lines from `swiftc -diagnostic-style llvm`, keeping
    /// those in `chapterPath` (the `#sourceLocation` file); the first other error otherwise.
    static func compileErrors(_ output: String, chapterPath: String) -> [BookError] {
        var located: [BookError] = []
        var elsewhere: [String] = []
        for line in output.split(separator: "\n") {
            guard let marker = line.range(of: ": error: ") else { continue }
            let message = String(line[marker.upperBound...])
            let place = line[..<marker.lowerBound].split(separator: ":")
            if place.count >= 3, let row = Int(place[place.count - 2]), let column = Int(place[place.count - 1]) {
                let file = place.dropLast(2).joined(separator: ":")
                if file == chapterPath {
                    located.append(BookError(file: file, line: row, column: column, message))
                    continue
                }
            }
            elsewhere.append(String(line))
        }
        if located.isEmpty, let first = elsewhere.first ?? output.split(separator: "\n").first.map(String.init) {
            return [BookError(file: chapterPath, "the chapter program does not compile: \(first)")]
        }
        return located
    }

    /// The message of a trap (`Fatal error: …`, `Precondition failed: …`) from stderr.
    static func trapMessage(_ standardError: String) -> String? {
        for line in standardError.split(separator: "\n") {
            for marker in ["Fatal error: ", "Precondition failed: ", "Assertion failed: "] {
                if let range = line.range(of: marker) {
                    let detail = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
                    return detail.isEmpty ? String(marker.dropLast(2)) : detail
                }
            }
        }
        return nil
    }

    /// The first frame of the Swift backtracer's JSON crash report that lies in the chapter:
    /// where in the Markdown the program trapped.
    static func crashLocation(_ standardError: String, chapterPath: String) -> SourceLocation? {
        guard let start = standardError.range(of: "{ \"timestamp\"") ?? standardError.range(of: "{\"timestamp\""),
            let data = String(standardError[start.lowerBound...]).data(using: .utf8),
            let report = try? JSONDecoder().decode(CrashReport.self, from: trimToJSON(data))
        else { return nil }
        // Debug info may record the path relative to the compiler's working directory.
        let chapter = absolutePath(chapterPath)
        let frames = report.threads.first { $0.crashed == true }?.frames ?? []
        return frames.compactMap(\.sourceLocation).first { absolutePath($0.file) == chapter }
            .map { SourceLocation(file: chapterPath, line: $0.line, column: $0.column) }
    }

    private static func absolutePath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The JSON object at the start of `data` (the backtracer may print more after it).
    private static func trimToJSON(_ data: Data) -> Data {
        var depth = 0
        var inString = false
        var escaped = false
        for (index, byte) in data.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return data.prefix(index + 1) }
            default: break
            }
        }
        return data
    }

    private struct CrashReport: Decodable {
        struct Thread: Decodable {
            var crashed: Bool?
            var frames: [Frame]
        }
        struct Frame: Decodable {
            var sourceLocation: Location?
        }
        struct Location: Decodable {
            var file: String
            var line: Int
            var column: Int
        }
        var threads: [Thread]
    }
}
