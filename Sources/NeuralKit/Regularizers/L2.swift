/// L2 regularization, the article's equation (3.3.2): `L2 = λ Σᵢ wᵢ²`.
///
/// Its gradient `2λ wᵢ` shrinks each weight in proportion to its size ("weight decay"
/// for plain gradient descent). Keras's `L2` is the same formula, without a ½, with default
/// λ = 0.01.
///
/// ```swift
/// L2(0.01).penalty(Tensor([1, -2, 0])).scalar   // 0.01 · 5 = 0.05
/// ```
public struct L2: Regularizer {
    /// λ, the strength of the penalty.
    public let lambda: Float

    /// Creates the penalty `λ Σ w²`.
    /// - Parameter lambda: λ ≥ 0.
    public init(_ lambda: Float = 0.01) {
        precondition(lambda >= 0, "L2 needs λ ≥ 0, got \(lambda)")
        self.lambda = lambda
    }

    /// `λ Σᵢ wᵢ²`, differentiable (gradient `2λ wᵢ`).
    ///
    /// - Parameter weights: The weights to penalize, any shape.
    /// - Returns: A scalar tensor.
    public func penalty(_ weights: Tensor) -> Tensor {
        square(weights).sum() * lambda
    }
}
