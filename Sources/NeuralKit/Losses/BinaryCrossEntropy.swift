import Foundation

/// Binary cross-entropy, the article's equation (3.1.2):
/// `CE = −Σᵢ [yᵢ log ŷᵢ + (1 − yᵢ) log(1 − ŷᵢ)]`, for targets `yᵢ ∈ [0, 1]` and predicted
/// probabilities `ŷᵢ`.
///
/// - **Reduction.** The article writes a sum; the default `.mean` divides it by the number of
///   elements, as Keras does, so the loss does not grow with the batch. `.sum` gives the
///   article's number exactly (over all elements; for `[n, k]` targets Keras would sum the
///   per-sample means instead).
/// - **Clipping** (`clip: true`, the default, as Keras): `ŷ` is first clamped to
///   `[ε, 1 − ε]` with `ε = 10⁻⁷`, so a saturated prediction gives a large finite loss, not
///   `∞`; clipped elements get no gradient.
/// - **Logits** (`fromLogits: true`): `predicted` holds `z` with `ŷ = σ(z)`, and the loss is
///   the algebraically equal, stable `max(z, 0) − z·y + log(1 + e^{−|z|})`, whose gradient
///   is exactly `σ(z) − y`. Prefer it whenever the model ends in a sigmoid.
///
/// `BinaryCrossEntropy(clip: false)` on `sigmoid(z)` is the naive textbook form: for
/// `z = 40`, `σ(z)` rounds to 1 in `Float`, so `log(1 − ŷ) = −∞` and the loss is `∞` (or NaN
/// when `y = 1`, as `0 · −∞`), while the logits form gives the right answer.
///
/// ```swift
/// let z = Tensor([40, -3]), y = Tensor([0, 1])
/// BinaryCrossEntropy(clip: false)(predicted: sigmoid(z), target: y).scalar   // inf
/// BinaryCrossEntropy(fromLogits: true)(predicted: z, target: y).scalar      // ≈ 21.52
/// ```
public struct BinaryCrossEntropy: Loss {
    /// Whether `predicted` holds logits `z` rather than probabilities `σ(z)`.
    public var fromLogits: Bool
    /// Whether probabilities are clamped to `[epsilon, 1 − epsilon]` (ignored for logits).
    public var clip: Bool
    /// The clipping margin ε (Keras's `backend.epsilon()`, 10⁻⁷).
    public var epsilon: Float
    /// How the per-element losses are combined.
    public var reduction: Reduction

    /// Creates the loss: probabilities, clipped, averaged, unless told otherwise.
    /// - Parameters:
    ///   - fromLogits: Whether `predicted` holds logits `z` rather than probabilities.
    ///   - clip: Whether probabilities are clamped to `[ε, 1 − ε]`.
    ///   - epsilon: `ε`, in `[0, 0.5)`.
    ///   - reduction: How the per-element losses are combined.
    public init(fromLogits: Bool = false, clip: Bool = true, epsilon: Float = 1e-7, reduction: Reduction = .mean) {
        precondition(epsilon >= 0 && epsilon < 0.5, "BinaryCrossEntropy needs 0 ≤ epsilon < 0.5, got \(epsilon)")
        self.fromLogits = fromLogits
        self.clip = clip
        self.epsilon = epsilon
        self.reduction = reduction
    }

    /// The loss of a batch, as configured above.
    ///
    /// - Parameters:
    ///   - predicted: Probabilities `ŷ` (or logits `z` with `fromLogits`), any shape.
    ///   - y: Targets in `[0, 1]`, the same shape.
    /// - Returns: A scalar tensor.
    public func callAsFunction(predicted: Tensor, target y: Tensor) -> Tensor {
        precondition(
            predicted.shape == y.shape,
            "BinaryCrossEntropy needs equal shapes, got \(predicted.shape) and \(y.shape)")
        if fromLogits {
            // max(z, 0) − z·y first: for large z the two big terms cancel exactly, where
            // softplus(z) − z·y would subtract two nearly equal rounded numbers.
            let perElement = Tensor.binary(
                predicted, y, { z, y in max(z, 0) - z * y + Elementary.log1p(Elementary.exp(-Swift.abs(z))) },
                da: { z, y in Elementary.sigmoid(z) - y }, db: { z, _ in -z })
            return reduction.apply(perElement)
        }
        let p = clip ? clamp(predicted, min: epsilon, max: 1 - epsilon) : predicted
        return reduction.apply(-(y * log(p) + (1 - y) * log(1 - p)))
    }
}
