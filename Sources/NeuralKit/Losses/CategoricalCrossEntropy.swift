/// Categorical cross-entropy for one-hot (or soft) targets over the last axis:
/// per sample `CE = −Σ_c y_c log p_c`, then reduced over the samples (`.mean` by default).
///
/// - With probabilities (`fromLogits: false`, Keras's default) each row is first rescaled to
///   sum to 1, `p ← p / Σ_c p_c`, then clamped to `[ε, 1 − ε]`, `ε = 10⁻⁷`, as Keras does.
/// - With logits (`fromLogits: true`) `log p = logSoftmax(z)`, stable for any `z`.
///
/// ```swift
/// let cce = CategoricalCrossEntropy(fromLogits: true)
/// cce(predicted: Tensor([[2, 0, 0]]), target: Tensor([[1, 0, 0]])).scalar   // −log(e²/(e²+2)) ≈ 0.2395
/// ```
public struct CategoricalCrossEntropy: Loss {
    /// Whether `predicted` holds logits rather than probabilities.
    public var fromLogits: Bool
    /// The clipping margin ε for probabilities.
    public var epsilon: Float
    /// How the per-sample losses are combined.
    public var reduction: Reduction

    /// Creates the loss: probabilities and mean over samples unless told otherwise.
    /// - Parameters:
    ///   - fromLogits: Whether `predicted` holds logits rather than probabilities.
    ///   - epsilon: `ε`, in `[0, 0.5)`.
    ///   - reduction: How the per-sample losses are combined.
    public init(fromLogits: Bool = false, epsilon: Float = 1e-7, reduction: Reduction = .mean) {
        precondition(
            epsilon >= 0 && epsilon < 0.5, "CategoricalCrossEntropy needs 0 ≤ epsilon < 0.5, got \(epsilon)")
        self.fromLogits = fromLogits
        self.epsilon = epsilon
        self.reduction = reduction
    }

    /// `−Σ_c y_c log p_c` per sample, reduced over the samples.
    ///
    /// - Parameters:
    ///   - predicted: Probabilities (or logits with `fromLogits`), `[…, classes]`.
    ///   - target: One-hot or soft targets, the same shape.
    /// - Returns: A scalar tensor.
    public func callAsFunction(predicted: Tensor, target: Tensor) -> Tensor {
        precondition(
            predicted.shape == target.shape && predicted.rank >= 1,
            "CategoricalCrossEntropy needs equal shapes [..., classes], got \(predicted.shape) and \(target.shape)")
        let logProbabilities = classLogProbabilities(predicted, fromLogits: fromLogits, epsilon: epsilon)
        return reduction.apply(-(target * logProbabilities).sum(axis: -1))
    }
}

/// `log p` over the last (class) axis: `logSoftmax(z)` for logits, otherwise
/// `log clamp(p / Σ_c p_c, ε, 1 − ε)` (Keras's treatment of probabilities).
func classLogProbabilities(_ predicted: Tensor, fromLogits: Bool, epsilon: Float) -> Tensor {
    if fromLogits { return predicted.logSoftmax(axis: -1) }
    let normalized = predicted / predicted.sum(axis: -1, keepingDimension: true)
    return log(clamp(normalized, min: epsilon, max: 1 - epsilon))
}
