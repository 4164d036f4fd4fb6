import Foundation
internal import CBLAS

extension Tensor {
    /// The matrix product of two rank-2 tensors, `[m, k] · [k, n] → [m, n]`, by OpenBLAS's
    /// `sgemm`. Pullback: `∂L/∂A = G·Bᵀ`, `∂L/∂B = Aᵀ·G` for upstream gradient `G`.
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
    _ = singleThreadedBLAS
    guard m > 0, n > 0, k > 0 else { return [Float](repeating: 0, count: m * n) }
    // β = 0: sgemm writes every element of C without reading it, so C is not zeroed first.
    return [Float](unsafeUninitializedCapacity: m * n) { pc, initialized in
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                gemm(
                    pa.baseAddress!, pb.baseAddress!, into: pc.baseAddress!, m: m, n: n, k: k,
                    transposeA: transposeA, transposeB: transposeB)
            }
        }
        initialized = m * n
    }
}

/// `C = op(A)·op(B)` into `c`, `[m, n]` row-major (β = 0: `c` is only written), for callers
/// that keep their buffers from step to step; `m`, `n`, `k` must be positive. `strideA` (the
/// row stride of the stored `A`, packed by default) addresses a block of columns of a wider
/// matrix. Products too small to pay for a BLAS call are computed here, with the same bits
/// (`SmallProduct`).
func gemm(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
    m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, strideA: Int? = nil
) {
    let packedStrideA = transposeA ? m : k
    if (strideA ?? packedStrideA) == packedStrideA && SmallProduct.covers(m: m, n: n, k: k) {
        SmallProduct.multiply(a, b, into: c, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB)
    } else {
        blasGemm(
            a, b, into: c, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB, strideA: strideA)
    }
}

/// `gemm` by OpenBLAS's `cblas_sgemm`, whatever the size.
func blasGemm(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
    m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, strideA: Int? = nil
) {
    _ = singleThreadedBLAS
    cblas_sgemm(
        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
        Int32(m), Int32(n), Int32(k), 1, a, Int32(strideA ?? (transposeA ? m : k)), b, Int32(transposeB ? k : n), 0,
        c, Int32(n))
}

/// Whether OpenBLAS runs its Haswell/Zen SGEMM kernels (this machine's), whose order of
/// summation `SmallProduct` and `DenseStackStep.rowCut` rely on; with other kernels every
/// product goes to BLAS whole.
let blasUsesHaswellKernels: Bool = {
    let name = String(cString: openblas_get_corename()).lowercased()
    return name == "haswell" || name == "zen"
}()

/// The number of threads OpenBLAS splits a product over.
var blasThreadCount: Int { Int(openblas_get_num_threads()) }

/// OpenBLAS runs one thread unless `OPENBLAS_NUM_THREADS` says otherwise: the engine's
/// matrices are small (a training batch), where a second thread measured no faster, and on
/// a shared machine its spinning threads made W2 several times slower. `DataParallelTrainer`
/// sets its own count while it trains.
private let singleThreadedBLAS: Void = {
    if ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil {
        openblas_set_num_threads(1)
    }
}()
