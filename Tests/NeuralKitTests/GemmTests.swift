import NeuralKitKernels
import Testing

@testable import NeuralKit

/// The engine's own product (`nk_sgemm`): every kernel level computes each element as the one
/// chain of fused multiply-adds over `k` in ascending order — checked bit for bit against that
/// chain written out in Swift (`addingProduct` is IEEE's fused multiply-add) — so the levels,
/// the tiles, the blocks and the threads cannot change a bit.
@Suite struct GemmTests {
    /// A product's operands and layout.
    struct Case: CustomTestStringConvertible, Sendable {
        let m: Int, n: Int, k: Int
        let transposeA: Bool, transposeB: Bool
        var testDescription: String { "\(m)×\(k)·\(k)×\(n)\(transposeA ? " Aᵀ" : "")\(transposeB ? " Bᵀ" : "")" }
    }

    /// Shapes from 1×1×1 to blocked depths (k > 256) and wide outputs (n > 512), every edge of
    /// every level's tile, the engine's own (W1, W2, attention), in all four layouts.
    static let cases: [Case] = [
        (1, 1, 1), (32, 1, 1), (1, 1, 32), (3, 5, 7), (17, 33, 65), (128, 256, 64), (128, 10, 256),
        (256, 10, 128), (128, 64, 10), (9, 31, 513), (7, 600, 20), (1000, 17, 3), (40, 40, 300),
    ].flatMap { shape in
        [(false, false), (true, false), (false, true), (true, true)].map {
            Case(m: shape.0, n: shape.1, k: shape.2, transposeA: $0.0, transposeB: $0.1)
        }
    }

    /// Operands with row strides wider than the matrices (blocks of larger ones), and a C
    /// already holding numbers, which `accumulate` continues from.
    struct Operands {
        let a: [Float], lda: Int, b: [Float], ldb: Int, c: [Float], ldc: Int

        init(_ shape: Case, seed: UInt64) {
            var generator = RandomGenerator(seed: seed)
            let (rowsA, columnsA) = shape.transposeA ? (shape.k, shape.m) : (shape.m, shape.k)
            let (rowsB, columnsB) = shape.transposeB ? (shape.n, shape.k) : (shape.k, shape.n)
            (lda, ldb, ldc) = (columnsA + 3, columnsB + 1, shape.n + 2)
            a = Tensor.normal([rowsA * lda], using: &generator).scalars
            b = Tensor.normal([rowsB * ldb], using: &generator).scalars
            c = Tensor.normal([shape.m * ldc], using: &generator).scalars
        }

        /// The chain, written out: `acc = fma(A[i, p], B[p, j], acc)` for p ascending.
        func reference(_ shape: Case, accumulate: Bool) -> [Float] {
            var result = c
            for i in 0..<shape.m {
                for j in 0..<shape.n {
                    var sum: Float = accumulate ? c[i * ldc + j] : 0
                    for p in 0..<shape.k {
                        let x = shape.transposeA ? a[p * lda + i] : a[i * lda + p]
                        let y = shape.transposeB ? b[j * ldb + p] : b[p * ldb + j]
                        sum = sum.addingProduct(x, y)
                    }
                    result[i * ldc + j] = sum
                }
            }
            return result
        }

        /// `nk_sgemm` at `level` on rows `rows` of C only (all of them by default).
        func product(_ shape: Case, level: KernelLevel, accumulate: Bool, rows: [Range<Int>]? = nil) -> [Float] {
            var result = c
            for block in rows ?? [0..<shape.m] {
                a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        result.withUnsafeMutableBufferPointer { c in
                            let start = a.baseAddress! + block.lowerBound * (shape.transposeA ? 1 : lda)
                            nk_sgemm(
                                level.kernelISA, shape.transposeA ? 1 : 0, shape.transposeB ? 1 : 0, block.count,
                                shape.n, shape.k, start, lda, b.baseAddress!, ldb,
                                c.baseAddress! + block.lowerBound * ldc, ldc, accumulate ? 1 : 0)
                        }
                    }
                }
            }
            return result
        }
    }

    /// A float array's bit patterns, so −0 differs from +0 and NaNs compare.
    func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }

    @Test(arguments: cases)
    func everyLevelComputesTheChainBitForBit(_ shape: Case) {
        let operands = Operands(shape, seed: UInt64(shape.m * 1_000_003 + shape.n * 1009 + shape.k))
        for accumulate in [false, true] {
            let expected = bits(operands.reference(shape, accumulate: accumulate))
            for level in KernelLevel.available {
                let computed = operands.product(shape, level: level, accumulate: accumulate)
                #expect(bits(computed) == expected, "\(level) accumulate: \(accumulate)")
                // Small products take the scalar path whatever the level; the rest prove the
                // level's own tiles ran.
                let path = nk_sgemm_last_path()
                if shape.m * shape.n * shape.k > 2048 {
                    #expect(path / Int32(NK_GEMM_LEVEL_UNIT) == Int32(level.kernelISA.rawValue), "\(level)")
                    #expect(path % Int32(NK_GEMM_LEVEL_UNIT) != Int32(NK_GEMM_DIRECT))
                } else {
                    #expect(path == Int32(NK_GEMM_DIRECT))
                }
            }
        }
    }

    /// A CPU without the FMA instruction runs the baseline level's portable variant, where
    /// `fmaf` comes from the C library: the same bits (on this CPU, forced for the test).
    @Test(arguments: [cases[0], cases[21], cases[25], cases[38], cases[44]])
    func thePortableBaselineComputesTheSameChain(_ shape: Case) {
        let operands = Operands(shape, seed: 5)
        nk_sgemm_baseline_portable(1)
        defer { nk_sgemm_baseline_portable(0) }
        let computed = operands.product(shape, level: .baseline, accumulate: true)
        #expect(bits(computed) == bits(operands.reference(shape, accumulate: true)))
    }

    /// Threads compute blocks of C's rows: any cut, at a tile's multiple or not, gives the
    /// bits of the whole product.
    @Test(arguments: [
        Case(m: 128, n: 256, k: 64, transposeA: false, transposeB: false),
        Case(m: 64, n: 256, k: 128, transposeA: true, transposeB: false),
        Case(m: 128, n: 64, k: 256, transposeA: false, transposeB: true),
        Case(m: 37, n: 19, k: 300, transposeA: true, transposeB: true),
    ])
    func anyCutOfTheRowsGivesTheWholeProductsBits(_ shape: Case) {
        let operands = Operands(shape, seed: 11)
        let whole = bits(operands.product(shape, level: .best, accumulate: false))
        for cut in [1, 5, shape.m / 2, shape.m - 1] {
            for level in KernelLevel.available {
                let blocks = operands.product(shape, level: level, accumulate: false, rows: [0..<cut, cut..<shape.m])
                #expect(bits(blocks) == whole, "cut at \(cut), \(level)")
            }
        }
        for parts in 1...5 {
            let split = RowBlocks(rows: shape.m, parts: parts, multiple: 8)
            let rows = (0..<split.count).map { split[$0] }
            #expect(rows.flatMap { Array($0) } == Array(0..<shape.m), "parts \(parts)")
            #expect(bits(operands.product(shape, level: .best, accumulate: false, rows: rows)) == whole)
        }
    }

    @Test func emptyDepthZeroesOrKeepsC() {
        var c: [Float] = [1, 2, 3, 4]
        let none: [Float] = [0]
        nk_sgemm(KernelLevel.best.kernelISA, 0, 0, 2, 2, 0, none, 1, none, 2, &c, 2, 1)
        #expect(c == [1, 2, 3, 4])
        nk_sgemm(KernelLevel.best.kernelISA, 0, 0, 2, 2, 0, none, 1, none, 2, &c, 2, 0)
        #expect(c == [0, 0, 0, 0])
    }

    @Test func levelsAreNamedAsTheEnvironmentSpellsThem() throws {
        #expect(KernelLevel.available.first == .baseline)
        #expect(KernelLevel.available.contains(KernelLevel.current))
        guard case .failure(let unknown) = KernelLevel.level(named: "sse9") else {
            Issue.record("an unknown level was accepted")
            return
        }
        #expect(unknown.text.contains("this CPU runs baseline"))
        #expect(throws: Never.self) { try KernelLevel.level(named: "baseline").get() }
        #expect(throws: SettingError.self) { try EngineThreads.parse("0").get() }
        #expect(try EngineThreads.parse("4").get() == 4)
    }
}
