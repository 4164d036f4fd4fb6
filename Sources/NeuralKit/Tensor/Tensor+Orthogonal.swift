extension Tensor {
    /// A random matrix with orthonormal rows or columns (whichever are fewer), times `gain`:
    /// Keras's `Orthogonal` initializer, the default for recurrent kernels (Saxe et al.), which
    /// keeps repeated products `h·U·U·…` from exploding or vanishing at the start.
    ///
    /// As Keras: draw `Z: [max(r, c), min(r, c)]` standard normal, take `Q` of its QR
    /// decomposition with `diag(R) > 0`, and use `Q` (or `Qᵀ` when `r < c`). Here `Q` comes from
    /// modified Gram–Schmidt on the columns of `Z`, which gives exactly that `Q`, so the
    /// distribution is Keras's (the numbers are not: the generators differ).
    /// - Parameters:
    ///   - shape: `[r, c]`.
    ///   - gain: The factor applied to `Q`.
    ///   - generator: The generator to draw from.
    /// - Returns: A leaf tensor of shape `[r, c]`.
    public static func orthogonal(_ shape: [Int], gain: Float = 1, using generator: inout RandomGenerator) -> Tensor {
        precondition(shape.count == 2 && shape.allSatisfy { $0 > 0 }, "orthogonal needs a shape [r, c], got \(shape)")
        let (rows, columns) = (shape[0], shape[1])
        let (tall, narrow) = (Swift.max(rows, columns), Swift.min(rows, columns))
        var q = normal([tall, narrow], using: &generator).scalars
        for column in 0..<narrow {
            for previous in 0..<column {
                var dot: Float = 0
                for r in 0..<tall { dot += q[r * narrow + previous] * q[r * narrow + column] }
                for r in 0..<tall { q[r * narrow + column] -= dot * q[r * narrow + previous] }
            }
            var norm: Float = 0
            for r in 0..<tall { norm += q[r * narrow + column] * q[r * narrow + column] }
            norm = norm.squareRoot()
            precondition(norm > 0, "orthogonal drew a degenerate matrix; draw again")
            for r in 0..<tall { q[r * narrow + column] /= norm }
        }
        let oriented = rows < columns ? transpose(q, rows: tall, columns: narrow) : q
        return Tensor(shape: shape, scalars: oriented.map { $0 * gain })
    }
}
