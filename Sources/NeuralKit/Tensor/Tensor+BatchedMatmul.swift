internal import NeuralKitKernels

extension Tensor {
    /// The matrix products of matching pairs in two stacks, `[b, m, k] · [b, k, n] → [b, m, n]`
    /// (NumPy's `matmul` on rank-3 arrays), one product per pair (`gemm`'s chains). With `transposeOther` the
    /// other stack is stored `[b, n, k]` and each of its matrices is used transposed, so
    /// attention's `Q·Kᵀ` needs no copy.
    ///
    /// Pullback, per pair `C = A·B` with upstream `G`: `∂L/∂A = G·Bᵀ`, `∂L/∂B = Aᵀ·G`; for
    /// `C = A·Bᵀ`: `∂L/∂A = G·B`, `∂L/∂B = Gᵀ·A`.
    ///
    /// ```swift
    /// let scores = queries.batchedMatmul(keys, transposeOther: true)   // [b, t, t]
    /// ```
    /// - Parameters:
    ///   - other: `B`, `[b, k, n]` (or `[b, n, k]` with `transposeOther`).
    ///   - transposeOther: Whether to multiply by each `Bᵀ` instead of `B`.
    /// - Returns: `[b, m, n]`, one product per pair.
    public func batchedMatmul(_ other: Tensor, transposeOther: Bool = false) -> Tensor {
        precondition(
            rank == 3 && other.rank == 3, "batchedMatmul needs two rank-3 stacks, got \(shape) · \(other.shape)")
        let (batch, m, k) = (shape[0], shape[1], shape[2])
        let (otherK, n) = transposeOther ? (other.shape[2], other.shape[1]) : (other.shape[1], other.shape[2])
        precondition(
            other.shape[0] == batch && otherK == k,
            "batchedMatmul needs [b, m, k] · [b, k, n] (or [b, n, k] with transposeOther), "
                + "got \(shape) · \(other.shape), transposeOther: \(transposeOther)")
        let (a, b) = (self, other)
        let product = stackedGemm(
            a.scalars, b.scalars, batch: batch, m: m, n: n, k: k, transposeA: false, transposeB: transposeOther)
        return Tensor(shape: [batch, m, n], scalars: product, inputs: [a, b]) { upstream in
            if a.requiresGradient {
                a.accumulateGradient(
                    stackedGemm(
                        upstream, b.scalars, batch: batch, m: m, n: k, k: n, transposeA: false,
                        transposeB: !transposeOther))
            }
            if b.requiresGradient {
                b.accumulateGradient(
                    transposeOther
                        ? stackedGemm(
                            upstream, a.scalars, batch: batch, m: n, n: k, k: m, transposeA: true, transposeB: false)
                        : stackedGemm(
                            a.scalars, upstream, batch: batch, m: k, n: n, k: m, transposeA: true, transposeB: false))
            }
        }
    }
}

/// `op(Aᵢ)·op(Bᵢ)` for `batch` row-major pairs laid end to end, `op(Aᵢ): [m, k]`,
/// `op(Bᵢ): [k, n]` (each stored transposed when asked), written into one `[batch, m, n]`
/// buffer. Large stacks share their pairs among the engine's threads; each pair's bits are
/// the same whichever thread computes it.
func stackedGemm(
    _ a: [Float], _ b: [Float], batch: Int, m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool
) -> [Float] {
    var c = [Float](repeating: 0, count: batch * m * n)
    guard m > 0, n > 0, k > 0 else { return c }
    a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
            c.withUnsafeMutableBufferPointer { pc in
                guard let baseA = pa.baseAddress, let baseB = pb.baseAddress, let baseC = pc.baseAddress else { return }
                let pairs = RowBlocks(rows: batch, parts: SharedWork.threadCount, multiple: 1)
                SharedWork.run(chunks: pairs.count, flops: 2 * batch * m * n * k) { chunk in
                    for i in pairs[chunk] {
                        gemm(
                            baseA + i * m * k, baseB + i * k * n, into: baseC + i * m * n, m: m, n: n, k: k,
                            transposeA: transposeA, transposeB: transposeB)
                    }
                }
            }
        }
    }
    return c
}
