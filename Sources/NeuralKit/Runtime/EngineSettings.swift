import Foundation
package import NeuralKitKernels

/// The instruction-set level of the engine's own kernels. Every level computes the same bits
/// (each product element is one chain of fused multiply-adds in a fixed order); a higher one
/// computes them faster. The engine uses the CPU's best level unless `NEURALKIT_ISA` names
/// another, which tests and CI use to check that the levels agree.
///
/// Why every level gives the same bits: <doc:SameBitsOnEveryMachine>.
public enum KernelLevel: String, CaseIterable, Sendable {
    /// Portable scalar C: runs on every CPU.
    case baseline
    /// x86-64 AVX2 with FMA.
    case avx2
    /// x86-64 AVX-512F.
    case avx512
    /// arm64 Advanced SIMD.
    case neon

    /// The levels this CPU can run, lowest first.
    public static var available: [KernelLevel] { allCases.filter { nk_isa_is_available($0.kernelISA) != 0 } }

    /// The fastest level this CPU runs.
    public static var best: KernelLevel { available.last ?? .baseline }

    /// The level the engine runs: `NEURALKIT_ISA` when set (a level this CPU lacks, or an
    /// unknown name, stops the program with a message naming the CPU's levels), else `best`.
    public static let current: KernelLevel = {
        guard let name = ProcessInfo.processInfo.environment["NEURALKIT_ISA"], !name.isEmpty else { return best }
        switch level(named: name) {
        case .success(let level): return level
        case .failure(let message): fatalError(message.text)
        }
    }()

    /// The level `name` asks for, or why this CPU cannot run it.
    /// - Parameter name: A level's name, such as `"avx2"`.
    /// - Returns: The level, or a ``SettingError`` naming the known levels and this CPU's.
    public static func level(named name: String) -> Result<KernelLevel, SettingError> {
        let levels = available.map(\.rawValue).joined(separator: ", ")
        guard let level = KernelLevel(rawValue: name) else {
            return .failure(
                SettingError(
                    "NEURALKIT_ISA=\(name) is not a kernel level (known: \(allCases.map(\.rawValue).joined(separator: ", "));"
                        + " this CPU runs \(levels))"))
        }
        guard available.contains(level) else {
            return .failure(SettingError("NEURALKIT_ISA=\(name): this CPU lacks \(name); it runs \(levels)"))
        }
        return .success(level)
    }

    /// The level as the C kernels name it.
    package var kernelISA: nk_isa {
        switch self {
        case .baseline: NK_ISA_BASELINE
        case .avx2: NK_ISA_AVX2
        case .avx512: NK_ISA_AVX512
        case .neon: NK_ISA_NEON
        }
    }
}

/// How many threads the engine splits large pieces of work over (`SharedWork`): `NEURALKIT_THREADS`
/// when set, else the machine's active cores. Work is split only across independent outputs,
/// so the count never changes a bit.
public enum EngineThreads {
    /// The engine's thread count, at least 1.
    public static let count: Int = {
        guard let text = ProcessInfo.processInfo.environment["NEURALKIT_THREADS"], !text.isEmpty else {
            return max(1, ProcessInfo.processInfo.activeProcessorCount)
        }
        switch parse(text) {
        case .success(let count): return count
        case .failure(let message): fatalError(message.text)
        }
    }()

    /// Runs `body` with the engine's work on the calling thread alone (nested calls allowed):
    /// for measuring one core's speed. The results are the same bits either way.
    ///
    /// ```swift
    /// let seconds = EngineThreads.alone { time { _ = a.matmul(b) } }
    /// ```
    /// - Parameter body: The work to run on the calling thread alone.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    public static func alone<Result>(_ body: () throws -> Result) rethrows -> Result {
        aloneDepth.value += 1
        defer { aloneDepth.value -= 1 }
        return try body()
    }

    /// Whether the calling thread is inside `alone`.
    static var isAlone: Bool { aloneDepth.value > 0 }
    private static let aloneDepth = ThreadLocalInteger()

    /// The thread count `text` asks for (a whole number from 1 to 256), or why it is not one.
    /// - Parameter text: The variable's value.
    /// - Returns: The count, or a ``SettingError`` saying what is allowed.
    public static func parse(_ text: String) -> Result<Int, SettingError> {
        guard let count = Int(text), (1...256).contains(count) else {
            return .failure(SettingError("NEURALKIT_THREADS=\(text) is not a thread count from 1 to 256"))
        }
        return .success(count)
    }
}

/// Why an engine setting in the environment cannot be used.
public struct SettingError: Error, Sendable {
    /// One line naming the variable, its value and what is allowed.
    public let text: String
    init(_ text: String) { self.text = text }
}
