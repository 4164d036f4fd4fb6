extension Tensor {
    /// `value` wherever `mask` is nonzero, the tensor's own scalars elsewhere (TensorFlow's
    /// `tf.where(mask, value, x)`). `mask` has the shape of the trailing dimensions and repeats
    /// over the leading ones, so one `[t, t]` mask covers attention logits `[b, h, t, t]`.
    ///
    /// The pullback passes the upstream gradient where the mask is 0 and stops it where the
    /// value was replaced. Filling attention logits with a large negative number before the
    /// softmax gives masked positions a weight of exactly 0: `e^{−10⁹ − m}` underflows to 0.
    ///
    /// ```swift
    /// logits.filling(where: Tensor.causalMask(4), with: -1e9).softmax(axis: -1)
    /// ```
    /// - Parameters:
    ///   - mask: 1 where to replace, 0 where to keep; broadcast against this tensor.
    ///   - value: The replacement.
    /// - Returns: A tensor of this tensor's shape.
    public func filling(where mask: Tensor, with value: Float) -> Tensor {
        precondition(
            mask.rank <= rank && Array(shape.suffix(mask.rank)) == mask.shape,
            "filling needs a mask shaped like the trailing dimensions of \(shape), got \(mask.shape)")
        let period = Swift.max(mask.count, 1)
        let keep = mask.scalars.map { $0 == 0 }
        var result = scalars
        for i in result.indices where !keep[i % period] { result[i] = value }
        let input = self
        return Tensor(shape: shape, scalars: result, inputs: [input]) { upstream in
            var delta = upstream
            for i in delta.indices where !keep[i % period] { delta[i] = 0 }
            input.accumulateGradient(delta)
        }
    }

    /// The causal (look-ahead) mask `[size, size]`: 1 where column `j > i`, the future positions
    /// that query `i` must not see; 0 on and below the diagonal.
    ///
    /// ```swift
    /// Tensor.causalMask(3).rows   // [[0, 1, 1], [0, 0, 1], [0, 0, 0]]
    /// ```
    /// - Parameter size: The sequence length.
    /// - Returns: A `[size, size]` mask.
    public static func causalMask(_ size: Int) -> Tensor {
        precondition(size >= 0, "causalMask needs a size ≥ 0, got \(size)")
        var scalars = [Float](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0..<size where j > i { scalars[i * size + j] = 1 }
        }
        return Tensor(shape: [size, size], scalars: scalars)
    }
}
