internal import NeuralKitKernels

extension Tensor {
    /// The matrix product of two rank-2 tensors, `[m, k] · [k, n] → [m, n]`, by the engine's
    /// own kernels (`gemm`). Pullback: `∂L/∂A = G·Bᵀ`, `∂L/∂B = Aᵀ·G` for upstream gradient `G`.
    ///
    /// `C_ij = Σ_p A_ip B_pj`, each element one chain of fused multiply-adds over `p` in
    /// ascending order from +0, so the bits are the same at every kernel level and thread count.
    ///
    /// - Parameter other: `B`, `[k, n]`.
    /// - Returns: `A·B`, `[m, n]`.
    public func matmul(_ other: Tensor) -> Tensor {
        precondition(
            rank == 2 && other.rank == 2 && shape[1] == other.shape[0],
            "matmul needs [m, k] · [k, n], got \(shape) · \(other.shape)")
        let (m, k, n) = (shape[0], shape[1], other.shape[1])
        let (a, b) = (self, other)
        let product = gemm(a.scalars, b.scalars, m: m, n: n, k: k, transposeA: false, transposeB: false)
        return Tensor(shape: [m, n], scalars: product, inputs: [a, b]) { upstream in
            if a.requiresGradient {
                a.accumulateGradient(gemm(upstream, b.scalars, m: m, n: k, k: n, transposeA: false, transposeB: true))
            }
            if b.requiresGradient {
                b.accumulateGradient(gemm(a.scalars, upstream, m: k, n: n, k: m, transposeA: true, transposeB: false))
            }
        }
    }
}

/// `op(A)·op(B)` for row-major `op(A): [m, k]`, `op(B): [k, n]`, where `op` transposes
/// when asked (so `A` is stored `[k, m]` when `transposeA`).
func gemm(
    _ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool
) -> [Float] {
    guard m > 0, n > 0, k > 0 else { return [Float](repeating: 0, count: m * n) }
    // The kernels write every element of C without reading it, so C is not zeroed first.
    return [Float](unsafeUninitializedCapacity: m * n) { pc, initialized in
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                gemm(
                    pa.baseAddress!, pb.baseAddress!, into: pc.baseAddress!, m: m, n: n, k: k,
                    transposeA: transposeA, transposeB: transposeB, shared: true)
            }
        }
        initialized = m * n
    }
}

/// `C = op(A)·op(B)` into `c`, `[m, n]` row-major (`c` is only written), for callers that
/// keep their buffers from step to step; `m`, `n`, `k` must be positive. `strideA` (the row
/// stride of the stored `A`, packed by default) addresses a block of columns of a wider
/// matrix.
///
/// Every element of C is one chain of fused multiply-adds over `k` in ascending order
/// (`nk_sgemm` in NeuralKitKernels), whatever the CPU, the kernel level and the blocks:
///
///     C[i, j] = fma(A[i, k−1], B[k−1, j], … fma(A[i, 1], B[1, j], fma(A[i, 0], B[0, j], +0)) …)
///
/// so with `shared`, a large product is cut into blocks of rows computed on the engine's
/// threads (`SharedWork`), and the cut changes no bit. Callers that already run on those
/// threads pass `shared: false`.
func gemm(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
    m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, strideA: Int? = nil, shared: Bool = false
) {
    let lda = strideA ?? (transposeA ? m : k)
    let ldb = transposeB ? k : n
    let flops = 2 * m * n * k
    let level = KernelLevel.current.kernelISA
    guard shared, SharedWork.shares(flops: flops) else {
        nk_sgemm(level, transposeA ? 1 : 0, transposeB ? 1 : 0, m, n, k, a, lda, b, ldb, c, n, 0)
        return
    }
    let blocks = RowBlocks(rows: m, parts: SharedWork.threadCount, multiple: nk_sgemm_tile_rows(level))
    SharedWork.run(chunks: blocks.count, flops: flops) { chunk in
        let rows = blocks[chunk]
        // Row i of op(A) starts at a + i·lda, or at a + i when A is stored transposed.
        let start = a + rows.lowerBound * (transposeA ? 1 : lda)
        nk_sgemm(
            level, transposeA ? 1 : 0, transposeB ? 1 : 0, rows.count, n, k, start, lda, b, ldb,
            c + rows.lowerBound * n, n, 0)
    }
}

/// A split of `rows` rows into at most `parts` blocks of nearly equal size, each but the last
/// a multiple of `multiple` rows (a kernel's tile height) when that leaves every block rows.
struct RowBlocks {
    let rows: Int
    let blockSize: Int

    init(rows: Int, parts: Int, multiple: Int) {
        self.rows = rows
        let even = (rows + max(parts, 1) - 1) / max(parts, 1)
        let rounded = (even + multiple - 1) / multiple * multiple
        blockSize = max(1, rounded < rows ? rounded : even)
    }

    /// The number of blocks.
    var count: Int { rows == 0 ? 0 : (rows + blockSize - 1) / blockSize }

    /// Block `index`'s rows.
    subscript(index: Int) -> Range<Int> {
        index * blockSize..<min(rows, (index + 1) * blockSize)
    }
}
