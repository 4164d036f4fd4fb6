/// Matrix products so small that calling OpenBLAS costs more than the arithmetic — the
/// article's example multiplies `[32, 1]·[1, 1]` 8000 times — computed in Swift with the
/// bits OpenBLAS gives.
///
/// For these shapes OpenBLAS's SGEMM (the Haswell/Zen kernels of this machine) computes each
/// element as one fused multiply-add chain over `k` in order, then adds it to the zeroed `C`
/// (β = 0), so `−0` becomes `+0`:
///
///     acc = 0;  for p in 0..<k { acc = fma(a[i, p], b[p, j], acc) };  C[i, j] = acc + 0
///
/// That holds for outputs of up to 4 columns (wider ones go through its 8-column tiles in
/// another order) and `k` up to 256 (longer sums are split into blocks); a test compares the
/// two bit for bit on random matrices of every layout in this range. Other kernels (older
/// CPUs without FMA, AVX-512, ARM) sum differently, so there every product goes to BLAS.
enum SmallProduct {
    /// Whether `[m, k]·[k, n]` is computed here.
    static func covers(m: Int, n: Int, k: Int) -> Bool {
        n <= 4 && k <= 256 && m * n * k <= 2048 && blasUsesHaswellKernels
    }

    /// `C = op(A)·op(B)`, row-major, as `gemm` documents.
    static func multiply(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool
    ) {
        // Strides of op(A)[i, p] and op(B)[p, j] in memory.
        let (rowA, depthA) = transposeA ? (1, m) : (k, 1)
        let (depthB, columnB) = transposeB ? (1, k) : (n, 1)
        for i in 0..<m {
            for j in 0..<n {
                var sum: Float = 0
                var (x, y) = (a + i * rowA, b + j * columnB)
                for _ in 0..<k {
                    sum = sum.addingProduct(x.pointee, y.pointee)
                    x += depthA
                    y += depthB
                }
                c[i * n + j] = sum + 0
            }
        }
    }
}
