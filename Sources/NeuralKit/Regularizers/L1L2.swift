/// Both penalties at once (the "elastic net"): `λ₁ Σᵢ |wᵢ| + λ₂ Σᵢ wᵢ²`, as Keras's `L1L2`
/// (whose defaults are both 0).
///
/// ```swift
/// L1L2(l1: 0.01, l2: 0.01).penalty(Tensor([1, -2, 0])).scalar   // 0.03 + 0.05 = 0.08
/// ```
public struct L1L2: Regularizer {
    /// λ₁, the strength of the L1 part.
    public let l1: Float
    /// λ₂, the strength of the L2 part.
    public let l2: Float

    /// Creates the penalty `λ₁ Σ |w| + λ₂ Σ w²`.
    /// - Parameters:
    ///   - l1: λ₁ ≥ 0.
    ///   - l2: λ₂ ≥ 0.
    public init(l1: Float = 0, l2: Float = 0) {
        precondition(l1 >= 0 && l2 >= 0, "L1L2 needs λ ≥ 0, got l1 \(l1), l2 \(l2)")
        self.l1 = l1
        self.l2 = l2
    }

    /// `λ₁ Σᵢ |wᵢ| + λ₂ Σᵢ wᵢ²`, differentiable.
    ///
    /// - Parameter weights: The weights to penalize, any shape.
    /// - Returns: A scalar tensor.
    public func penalty(_ weights: Tensor) -> Tensor {
        L1(l1).penalty(weights) + L2(l2).penalty(weights)
    }
}
