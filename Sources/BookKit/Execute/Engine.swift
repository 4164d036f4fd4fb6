import Foundation

/// Where the built engine is: the folder holding `libNotebook.so` (`.dylib` on macOS; it contains NeuralKit)
/// and `Modules/`, which chapter programs compile and link against, and the compiler to use.
public struct Engine: Sendable {
    /// The build products folder (e.g. `.build/release`).
    public var productsDirectory: String
    /// The Swift compiler.
    public var compiler: String
    /// A hash of the built engine library: rebuilding the engine invalidates every cached
    /// program and result.
    public let fingerprint: String

    public init(productsDirectory: String, compiler: String = "swiftc") {
        self.productsDirectory = productsDirectory
        self.compiler = compiler
        var hash = ContentHash()
        hash.combine(compiler)
        if let library = FileManager.default.contents(atPath: productsDirectory + "/" + Self.notebookLibrary) {
            hash.combine(bytes: library)
        }
        fingerprint = hash.hex
    }

    /// The engine built next to the running executable (mlbook lives in the same folder).
    public static func besideExecutable() throws(BookError) -> Engine {
        let folder = Platform.executable.deletingLastPathComponent().path
        let engine = Engine(
            productsDirectory: folder, compiler: ProcessInfo.processInfo.environment["SWIFTC"] ?? "swiftc")
        try engine.validate()
        return engine
    }

    /// Throws unless the engine's libraries and modules are present.
    public func validate() throws(BookError) {
        for file in [
            Self.notebookLibrary, "Modules/NeuralKit.swiftmodule", "Modules/Notebook.swiftmodule",
            Self.kernelsModuleMap,
        ] {
            guard FileManager.default.fileExists(atPath: productsDirectory + "/" + file) else {
                throw BookError(
                    file: productsDirectory,
                    "the engine is not built here (\(file) is missing); run `swift build -c release`")
            }
        }
    }

    /// `swiftc` arguments that compile `source` into `binary` against this engine. Chapter
    /// programs use Swift 5 mode (notebook-style globals) and `-g`, so the backtracer maps a
    /// trap to its Markdown line. NeuralKit imports its C kernels (`NeuralKitKernels`), so the
    /// compiler is shown that module's map, which SwiftPM wrote beside the products.
    func compileArguments(source: String, binary: String) -> [String] {
        [
            "-swift-version", "5", "-Onone", "-g", "-module-name", "ChapterProgram",
            "-diagnostic-style", "llvm", "-I", productsDirectory + "/Modules",
            "-Xcc", "-fmodule-map-file=" + productsDirectory + "/" + Self.kernelsModuleMap,
            "-L", productsDirectory, "-lNotebook",
            "-Xlinker", "-rpath", "-Xlinker", productsDirectory, source, "-o", binary,
        ]
    }

    /// Where SwiftPM writes the module map of the engine's C kernels, in the products folder.
    static let kernelsModuleMap = "NeuralKitKernels.build/module.modulemap"
    /// The library chapter programs link: Notebook, with NeuralKit inside.
    public static let notebookLibrary = Platform.dynamicLibrary("Notebook")
}
