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
        let run = try MLBookExecutable.run(["check", "--book", "/nonexistent-book"], environment: [name: value])
        #expect(run.reason == .exit && run.status != 0)
        #expect(run.error.hasPrefix("Error: " + message), "\(run.error)")
    }
}
