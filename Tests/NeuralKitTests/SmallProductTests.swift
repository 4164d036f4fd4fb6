import Testing

@testable import NeuralKit

/// `SmallProduct` must give OpenBLAS's bits for every shape it covers.
@Suite struct SmallProductTests {
    @Test(
        .enabled(if: blasUsesHaswellKernels, "SmallProduct is used with OpenBLAS's Haswell/Zen kernels only"),
        arguments: [(false, false), (true, false), (false, true), (true, true)])
    func matchesOpenBLASBitForBit(_ transposes: (Bool, Bool)) {
        let (transposeA, transposeB) = transposes
        var generator = RandomGenerator(seed: 11)
        var shapes = 0
        for m in [1, 2, 3, 5, 12, 13, 32, 100, 512] {
            for n in 1...4 {
                for k in [1, 2, 3, 7, 8, 32, 33, 64, 256] where SmallProduct.covers(m: m, n: n, k: k) {
                    shapes += 1
                    for _ in 0..<3 {
                        // Normal values, and exact zeros of both signs, which the final `+ 0` is about.
                        var a = Tensor.normal([m * k], using: &generator).scalars
                        var b = Tensor.normal([k * n], using: &generator).scalars
                        a[0] = -0.0
                        b[b.count - 1] = 0
                        let ours = product(a, b, m, n, k, transposeA, transposeB, SmallProduct.multiply)
                        let theirs = product(a, b, m, n, k, transposeA, transposeB) {
                            blasGemm($0, $1, into: $2, m: $3, n: $4, k: $5, transposeA: $6, transposeB: $7)
                        }
                        #expect(
                            ours.map { $0.bitPattern } == theirs.map { $0.bitPattern },
                            "m \(m) n \(n) k \(k) transposes \(transposes)")
                    }
                }
            }
        }
        #expect(shapes > 100)
    }

    @Test func theArticlesProductsAreCovered() {
        #expect(SmallProduct.covers(m: 32, n: 1, k: 1) == blasUsesHaswellKernels)  // forward of Dense(1) on [32, 1]
        #expect(SmallProduct.covers(m: 1, n: 1, k: 32) == blasUsesHaswellKernels)  // its kernel gradient
        #expect(!SmallProduct.covers(m: 128, n: 256, k: 64))
    }

    func product(
        _ a: [Float], _ b: [Float], _ m: Int, _ n: Int, _ k: Int, _ transposeA: Bool, _ transposeB: Bool,
        _ multiply: (
            UnsafePointer<Float>, UnsafePointer<Float>, _ into: UnsafeMutablePointer<Float>, _ m: Int, _ n: Int,
            _ k: Int, _ transposeA: Bool, _ transposeB: Bool
        ) -> Void
    ) -> [Float] {
        var c = [Float](repeating: .nan, count: m * n)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    multiply(a.baseAddress!, b.baseAddress!, c.baseAddress!, m, n, k, transposeA, transposeB)
                }
            }
        }
        return c
    }
}
