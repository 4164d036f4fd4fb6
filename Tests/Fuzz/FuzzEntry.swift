import Foundation
import NotebookFormat

/// libFuzzer's entry points for mlbook's input parsers. This file is compiled together with
/// BookKit's loading, model and channel-checking sources (one module, so their internal API is
/// reachable) by `run.sh`; `MLBOOK_FUZZ_TARGET` picks what the bytes are:
///
/// - `loader`: a chapter file (front matter, fences, cell options, inline values), given to
///   `ChapterLoader.parse`, which must return a chapter or throw a `BookError`, never crash;
/// - `channel`: what a chapter program writes on its result channel, cut into lines by
///   `LineBuffer`, each decoded and checked by `ChannelValidator` against a fixed chapter.
enum FuzzTarget: String {
    case loader, channel

    nonisolated(unsafe) static var selected = FuzzTarget.loader
}

/// A chapter of three cells (the last not evaluated) and two inline values, for the channel.
private let channelChapter: Chapter? = try? ChapterLoader.parse(
    """
    ```swift
    let a = 1
    ```

    Value `{swift} a` and `{swift} a + 1`.

    ```swift
    print(a)
    ```

    ```swift
    //| eval: false
    x
    ```
    """, path: "fuzz.md")

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
    let name = ProcessInfo.processInfo.environment["MLBOOK_FUZZ_TARGET"] ?? "loader"
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("MLBOOK_FUZZ_TARGET must be loader or channel, not \(name)")
    }
    FuzzTarget.selected = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let bytes = Data(bytes: start, count: count)
    switch FuzzTarget.selected {
    case .loader: fuzzLoader(bytes)
    case .channel: fuzzChannel(bytes)
    }
    return 0
}

private func fuzzLoader(_ bytes: Data) {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let chapter = try? ChapterLoader.parse(text, path: "chapters/01-fuzz.md") else { return }
    // What later stages rely on: every cell and inline value is located inside the file.
    let lineCount = chapter.markdown.split(separator: "\n", omittingEmptySubsequences: false).count
    for cell in chapter.cells {
        precondition(
            cell.firstLine >= 1 && cell.firstLine <= lineCount + 1, "cell line \(cell.firstLine) of \(lineCount)")
    }
    _ = ProgramGenerator.program(for: chapter)
    // `-p name=value` for every parameter: accepted or refused with an error, never a crash.
    let overrides = Dictionary(chapter.parameters.map { ($0.name, "1") }, uniquingKeysWith: { $1 })
    _ = try? ChapterLoader.parse(text, path: "chapters/01-fuzz.md", overrides: overrides)
}

private func fuzzChannel(_ bytes: Data) {
    guard let chapter = channelChapter else { fatalError("the channel fuzzer's chapter does not load") }
    var validator = ChannelValidator(chapter: chapter)
    var lines = LineBuffer(lineLimit: 4096)
    let decoder = ResultJSON.decoder()
    // Two chunks, so lines that straddle a read are exercised too.
    let middle = bytes.startIndex + bytes.count / 2
    for chunk in [bytes[..<middle], bytes[middle...]] {
        for case .line(let line) in lines.append(Data(chunk)) {
            guard let message = try? decoder.decode(ChannelMessage.self, from: line) else { continue }
            _ = validator.accept(message)
        }
    }
}
