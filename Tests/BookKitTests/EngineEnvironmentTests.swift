import Foundation
import Testing

/// A bad engine switch in the environment stops mlbook before any chapter runs, with the
/// engine's own message, instead of failing every chapter program.
@Suite struct EngineEnvironmentTests {
    @Test(arguments: [
        ("NEURALKIT_ISA", "avx9", "NEURALKIT_ISA=avx9 is not a kernel level"),
        ("NEURALKIT_THREADS", "0", "NEURALKIT_THREADS=0 is not a thread count from 1 to 256"),
        ("NEURALKIT_THREADS", "many", "NEURALKIT_THREADS=many is not a thread count"),
    ])
    func aBadSwitchIsRefusedUpFront(_ name: String, _ value: String, _ message: String) throws {
        let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let process = Process()
        process.executableURL = folder.appendingPathComponent("mlbook")
        process.arguments = ["check", "--book", "/nonexistent-book"]
        process.environment = ProcessInfo.processInfo.environment.merging([name: value]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus != 0)
        #expect(text.hasPrefix("Error: " + message), "\(text)")
    }
}
