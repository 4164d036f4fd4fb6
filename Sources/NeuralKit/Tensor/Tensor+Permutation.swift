extension Tensor {
    /// The axes reordered: result axis `i` is input axis `permutation[i]` (NumPy's
    /// `transpose(x, axes)`), the scalars copied into row-major order. The pullback applies the
    /// inverse permutation to the upstream gradient.
    ///
    /// ```swift
    /// x.transposed([0, 2, 1, 3])   // [batch, time, heads, d] → [batch, heads, time, d]
    /// ```
    /// - Parameter permutation: A permutation of `0..<rank`.
    /// - Returns: The tensor with its axes reordered.
    public func transposed(_ permutation: [Int]) -> Tensor {
        precondition(
            permutation.sorted() == Array(0..<rank),
            "transposed needs a permutation of 0..<\(rank) for shape \(shape), got \(permutation)")
        let sources = permutedOffsets(permutation)
        let input = self
        return Tensor(
            shape: permutation.map { shape[$0] }, scalars: sources.map { scalars[$0] }, inputs: [input]
        ) { upstream in
            var delta = [Float](repeating: 0, count: input.count)
            for (target, source) in sources.enumerated() { delta[source] = upstream[target] }
            input.accumulateGradient(delta)
        }
    }

    /// The last two axes swapped, `[…, m, n] → […, n, m]`: every matrix of a stack transposed.
    /// - Returns: The tensor with its last two axes swapped.
    public func swappingLastAxes() -> Tensor {
        precondition(rank >= 2, "swappingLastAxes needs rank ≥ 2, shape is \(shape)")
        var permutation = Array(0..<rank)
        permutation.swapAt(rank - 1, rank - 2)
        return transposed(permutation)
    }

    /// For each scalar of the permuted tensor, in row-major order, its offset in `self`
    /// (an odometer over the result's index, stepping by the input's strides).
    private func permutedOffsets(_ permutation: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: rank)
        for axis in stride(from: rank - 2, through: 0, by: -1) { strides[axis] = strides[axis + 1] * shape[axis + 1] }
        let newShape = permutation.map { shape[$0] }
        let steps = permutation.map { strides[$0] }
        var offsets = [Int](repeating: 0, count: count)
        var counter = [Int](repeating: 0, count: rank)
        var source = 0
        for target in 0..<count {
            offsets[target] = source
            var axis = rank - 1
            while axis >= 0 {
                counter[axis] += 1
                source += steps[axis]
                if counter[axis] < newShape[axis] { break }
                source -= steps[axis] * newShape[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
        return offsets
    }
}
