/// L1 regularization, the article's equation (3.3.1): `L1 = λ Σᵢ |wᵢ|`.
///
/// Its gradient `λ · sign(wᵢ)` pulls every weight toward 0 by the same amount, so small
/// weights reach exactly 0: L1 makes models sparse. At `wᵢ = 0` the subgradient 0 is used.
/// Keras's `L1` is the same formula, with default λ = 0.01.
///
/// ```swift
/// L1(0.01).penalty(Tensor([1, -2, 0])).scalar   // 0.01 · 3 = 0.03
/// ```
public struct L1: Regularizer {
    /// λ, the strength of the penalty.
    public let lambda: Float

    /// Creates the penalty `λ Σ |w|`.
    /// - Parameter lambda: λ ≥ 0.
    public init(_ lambda: Float = 0.01) {
        precondition(lambda >= 0, "L1 needs λ ≥ 0, got \(lambda)")
        self.lambda = lambda
    }

    /// `λ Σᵢ |wᵢ|`, differentiable (subgradient 0 at `wᵢ = 0`).
    ///
    /// - Parameter weights: The weights to penalize, any shape.
    /// - Returns: A scalar tensor.
    public func penalty(_ weights: Tensor) -> Tensor {
        abs(weights).sum() * lambda
    }
}
