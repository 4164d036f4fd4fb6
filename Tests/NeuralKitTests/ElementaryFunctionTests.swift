import ElementaryReference
import Foundation
import NeuralKit
import NeuralKitKernels
import Synchronization
import Testing

/// NeuralKit's own elementary functions (`Elementary`, C in `NeuralKitKernels/Elementary`):
/// accuracy against a long double oracle over each function's whole range, the special
/// values of C99 Annex F, and a recorded fixture of exact result bits.
@Suite struct ElementaryFunctionTests {
    /// One sweep: its table row and the C call that runs it.
    struct Sweep {
        let name: String
        let run: () -> er_sweep
    }

    /// Every Float function on 2²⁰ bit patterns spread over all 2³² (odd stride, both signs,
    /// NaNs, infinities and subnormals included); every Double function on 200,000
    /// log-uniform pseudo-random arguments over its range (plus a dense sweep of sin and cos
    /// near the origin). The sweeps run in C, so a debug build takes a few seconds.
    static func sweeps() -> [Sweep] {
        let patterns: UInt32 = 1 << 20
        let floats: [(String, er_function, @convention(c) (Float) -> Float)] = [
            ("expf", ER_EXP, nk_expf), ("logf", ER_LOG, nk_logf), ("log1pf", ER_LOG1P, nk_log1pf),
            ("expm1f", ER_EXPM1, nk_expm1f), ("tanhf", ER_TANH, nk_tanhf), ("sigmoidf", ER_SIGMOID, nk_sigmoidf),
            ("softplusf", ER_SOFTPLUS, nk_softplusf), ("erff", ER_ERF, nk_erff), ("sinf", ER_SIN, nk_sinf),
            ("cosf", ER_COS, nk_cosf),
        ]
        let count: UInt32 = 200_000
        // (name, function, reference, exponent range, both signs)
        let doubles: [(String, er_function, @convention(c) (Double) -> Double, ClosedRange<Int32>, Bool)] = [
            ("exp", ER_EXP, nk_exp, -60...10, true), ("expm1", ER_EXPM1, nk_expm1, -60...10, true),
            ("log", ER_LOG, nk_log, -1074...1023, false), ("log2", ER_LOG2, nk_log2, -1074...1023, false),
            ("log10", ER_LOG10, nk_log10, -1074...1023, false), ("log1p", ER_LOG1P, nk_log1p, -1074...1023, true),
            ("sin", ER_SIN, nk_sin, -30...1023, true), ("sin |x|<512", ER_SIN, nk_sin, -5...8, true),
            ("cos", ER_COS, nk_cos, -30...1023, true), ("cos |x|<512", ER_COS, nk_cos, -5...8, true),
            ("tanh", ER_TANH, nk_tanh, -40...6, true), ("erf", ER_ERF, nk_erf, -40...3, true),
            ("tan", ER_TAN, nk_tan, -30...1023, true), ("tan |x|<512", ER_TAN, nk_tan, -5...8, true),
            ("atan", ER_ATAN, nk_atan, -40...80, true), ("atan |x|<4", ER_ATAN, nk_atan, -3...1, true),
        ]
        var sweeps = floats.map { name, function, f in
            Sweep(name: name) { er_sweep_float(function, f, patterns) }
        }
        sweeps.append(Sweep(name: "powf") { er_sweep_pow_float(nk_powf, patterns, 1) })
        for (seed, (name, function, f, range, signs)) in doubles.enumerated() {
            sweeps.append(
                Sweep(name: name) {
                    er_sweep_double(
                        function, f, count, range.lowerBound, range.upperBound, signs ? 1 : 0, UInt64(seed + 2))
                })
        }
        sweeps.append(Sweep(name: "pow") { er_sweep_pow_double(nk_pow, count, 99) })
        return sweeps
    }

    @Test func everyFunctionIsWithinTwoULPOverItsWholeRange() {
        let sweeps = Self.sweeps()
        let results = Mutex([er_sweep?](repeating: nil, count: sweeps.count))
        nonisolated(unsafe) let cases = sweeps
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            let outcome = cases[index].run()
            results.withLock { $0[index] = outcome }
        }
        let outcomes = results.withLock { $0.compactMap { $0 } }
        var table = "function        samples   max ULP  argument of the max\n"
        for (sweep, outcome) in zip(sweeps, outcomes) {
            let name = sweep.name.padding(toLength: 12, withPad: " ", startingAt: 0)
            var argument = String(format: "%a", outcome.argument)
            if sweep.name.hasPrefix("pow") { argument += String(format: ", %a", outcome.argument2) }
            table += "\(name) \(String(format: "%10ld %9.3f", outcome.samples, outcome.max_ulp))  \(argument)\n"
            #expect(outcome.max_ulp <= 2, "\(sweep.name): \(outcome.max_ulp) ULP at \(argument)")
        }
        print(table, terminator: "")
    }

    /// Arguments near overflow and underflow thresholds, and reductions known to be hard
    /// (doubles closest to multiples of π/2), each within 1 ULP of the oracle.
    @Test func argumentsNearThresholdsAreWithinOneULP() {
        let doubles: [(er_function, (Double) -> Double, [Double])] = [
            (ER_EXP, nk_exp, [709.782712893384, 709.7827128933839, -708.3964185322641, -745.1332191019411, -745.13]),
            (ER_EXPM1, nk_expm1, [709.782712893384, -37.4, -0x1p-21, 0x1p-19, 0.0054, -0.0054]),
            (ER_LOG, nk_log, [0x1p-1074, 0x1p-1022, 0x1.fffffffffffffp1023, 1 - 0x1p-53, 1 + 0x1p-52, 0.999]),
            (ER_LOG1P, nk_log1p, [-1 + 0x1p-53, 0x1p-53, -0x1p-30, 0x1.fffffffffffffp1023]),
            (
                ER_SIN, nk_sin,
                [Double.pi, Double.pi / 2, 0x1.6ac5b262ca1ffp849, 6_381_956_970_095_103 * 0x1p797, 1e22, 0x1p1023]
            ),
            (ER_COS, nk_cos, [Double.pi / 2, 0x1.6ac5b262ca1ffp849, 6_381_956_970_095_103 * 0x1p797, 1e22]),
            (ER_TANH, nk_tanh, [0x1p-28, 22, 21.9, 0.55]),
            (ER_ERF, nk_erf, [0.75, 0.7499999999999999, 5.9, 6.25, 0x1p-1030]),
            (ER_TAN, nk_tan, [Double.pi / 2, Double.pi / 4, 0x1.6ac5b262ca1ffp849, 1e22]),
            (ER_ATAN, nk_atan, [0.4375, 0.6875, 1.1875, 2.4375, 0x1p66, 1e300]),
        ]
        for (function, f, arguments) in doubles {
            for x in arguments {
                let error = er_ulp_error_double(function, x, 0, f(x))
                #expect(error <= 1, "\(function) at \(x): \(error) ULP")
            }
        }
        let floats: [(er_function, (Float) -> Float, [Float])] = [
            (ER_EXP, nk_expf, [88.72283, 88.72284, -87.33654, -103.97208, -103.97209]),
            (ER_SIGMOID, nk_sigmoidf, [-103.97, -87.3, 16.6, 17.4]),
            (ER_SOFTPLUS, nk_softplusf, [-103.9, 15.9, 16.1, 0x1p-30]),
            (ER_SIN, nk_sinf, [0x1.921fb6p0, 0x1.921fb6p1, 0x1.2d97c8p3, 1e38]),
            (ER_COS, nk_cosf, [0x1.921fb6p0, 0x1.921fb6p1, 0x1.2d97c8p3, 1e38]),
        ]
        for (function, f, arguments) in floats {
            for x in arguments {
                let error = er_ulp_error_float(function, x, 0, f(x))
                #expect(error <= 1, "\(function) at \(x): \(error) ULP")
            }
        }
    }

    /// The tensor functions apply `Elementary`'s functions element by element, bit for bit (no
    /// libm call is left on the engine's path).
    @Test func tensorFunctionsApplyTheEnginesElementaryFunctions() {
        let xs: [Float] = [-30, -3.5, -1, -0.1, 0, 0.3, 1, 2.5, 15, 90]
        let positive = xs.map { Swift.abs($0) + 0.01 }
        #expect(exp(Tensor(xs)).scalars.map(\.bitPattern) == xs.map { Elementary.exp($0).bitPattern })
        #expect(log(Tensor(positive)).scalars.map(\.bitPattern) == positive.map { Elementary.log($0).bitPattern })
        #expect(tanh(Tensor(xs)).scalars.map(\.bitPattern) == xs.map { Elementary.tanh($0).bitPattern })
        #expect(sigmoid(Tensor(xs)).scalars.map(\.bitPattern) == xs.map { Elementary.sigmoid($0).bitPattern })
        #expect(softplus(Tensor(xs)).scalars.map(\.bitPattern) == xs.map { Elementary.softplus($0).bitPattern })
        #expect(
            pow(Tensor(positive), 1.7).scalars.map(\.bitPattern) == positive.map { Elementary.pow($0, 1.7).bitPattern })
    }

    /// Every line of `Fixtures/elementary_bits.txt` (recorded by `elementary_bits.py`) gives
    /// the same result bits, and every function the same checksum over its sweep's arguments:
    /// the check that the functions compute the same on every machine.
    @Test func resultsMatchTheRecordedBits() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/elementary_bits.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count > 400)
        for line in lines {
            let fields = line.split(separator: " ").map(String.init)
            if fields[0] == "checksum" {
                let count = UInt32(fields[2]) ?? 0
                #expect(Self.checksum(fields[1], count) == UInt64(fields[3], radix: 16), "\(line)")
                continue
            }
            let values = fields.dropFirst().compactMap { UInt64($0, radix: 16) }
            guard let result = Self.recordedFunctions[fields[0]], values.count == fields.count - 1 else {
                Issue.record("unreadable fixture line: \(line)")
                continue
            }
            let bits = result(Array(values.dropLast()))
            #expect(bits == values.last, "\(line): got \(String(bits, radix: 16))")
        }
    }

    /// The checksum `elementary_bits.py` records for `name` (nil for an unknown name).
    static func checksum(_ name: String, _ count: UInt32) -> UInt64? {
        let floats: [String: @convention(c) (Float) -> Float] = [
            "expf": nk_expf, "logf": nk_logf, "log1pf": nk_log1pf, "expm1f": nk_expm1f, "tanhf": nk_tanhf,
            "sigmoidf": nk_sigmoidf, "softplusf": nk_softplusf, "erff": nk_erff, "sinf": nk_sinf, "cosf": nk_cosf,
        ]
        // The double sweeps' exponent ranges, as in `sweeps()` and the script.
        let doubles: [String: (@convention(c) (Double) -> Double, Int32, Int32)] = [
            "exp": (nk_exp, -60, 10), "expm1": (nk_expm1, -60, 10), "log": (nk_log, -1074, 1023),
            "log2": (nk_log2, -1074, 1023), "log10": (nk_log10, -1074, 1023), "log1p": (nk_log1p, -1074, 1023),
            "sin": (nk_sin, -30, 1023), "cos": (nk_cos, -30, 1023), "tan": (nk_tan, -30, 1023),
            "tanh": (nk_tanh, -40, 6), "erf": (nk_erf, -40, 3), "atan": (nk_atan, -40, 80),
        ]
        if let f = floats[name] { return er_checksum_float(f, count) }
        if let (f, low, high) = doubles[name] { return er_checksum_double(f, count, low, high, 7) }
        if name == "powf" { return er_checksum_pow_float(nk_powf, count, 1) }
        if name == "pow" { return er_checksum_pow_double(nk_pow, count, 7) }
        return nil
    }

    /// The fixture's functions by name, from argument bits to result bits.
    static let recordedFunctions: [String: @Sendable ([UInt64]) -> UInt64] = {
        func float(_ f: @escaping @Sendable (Float) -> Float) -> @Sendable ([UInt64]) -> UInt64 {
            { UInt64(f(Float(bitPattern: UInt32($0[0]))).bitPattern) }
        }
        func double(_ f: @escaping @Sendable (Double) -> Double) -> @Sendable ([UInt64]) -> UInt64 {
            { f(Double(bitPattern: $0[0])).bitPattern }
        }
        return [
            "expf": float(Elementary.exp), "logf": float(Elementary.log), "log1pf": float(Elementary.log1p),
            "expm1f": float(Elementary.expm1), "tanhf": float(Elementary.tanh), "sigmoidf": float(Elementary.sigmoid),
            "softplusf": float(Elementary.softplus), "erff": float(Elementary.erf), "sinf": float(Elementary.sin),
            "cosf": float(Elementary.cos),
            "powf": {
                UInt64(Elementary.pow(Float(bitPattern: UInt32($0[0])), Float(bitPattern: UInt32($0[1]))).bitPattern)
            },
            "exp": double(Elementary.exp), "log": double(Elementary.log), "log2": double(Elementary.log2),
            "log10": double(Elementary.log10), "log1p": double(Elementary.log1p), "expm1": double(Elementary.expm1),
            "tanh": double(Elementary.tanh), "erf": double(Elementary.erf), "sin": double(Elementary.sin),
            "cos": double(Elementary.cos), "tan": double(Elementary.tan), "atan": double(Elementary.atan),
            "pow": { Elementary.pow(Double(bitPattern: $0[0]), Double(bitPattern: $0[1])).bitPattern },
        ]
    }()
}
