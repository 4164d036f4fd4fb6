/// Categorical cross-entropy with class indices as targets: per sample
/// `CE = −log p_{yᵢ}`, the one-hot form without building the one-hot matrix.
///
/// `target` holds the class of each sample as a whole number in a `Float` tensor, shape
/// `[n]` or `[n, 1]`, for `predicted` of shape `[n, classes]`. As in Keras, `fromLogits`
/// defaults to `false` (rows are probabilities, rescaled to sum to 1 and clamped to
/// `[ε, 1 − ε]`); pass `fromLogits: true` when the last layer has no softmax, which is
/// also the numerically safer choice.
///
/// ```swift
/// let loss = SparseCategoricalCrossEntropy(fromLogits: true)
/// loss(predicted: Tensor([[2, 0, 0], [0, 0, 3]]), target: Tensor([0, 2])).scalar
/// ```
public struct SparseCategoricalCrossEntropy: Loss {
    /// Whether `predicted` holds logits rather than probabilities.
    public var fromLogits: Bool
    /// The clipping margin ε for probabilities.
    public var epsilon: Float
    /// How the per-sample losses are combined.
    public var reduction: Reduction

    /// Creates the loss: probabilities (Keras's default) and mean over samples.
    /// - Parameters:
    ///   - fromLogits: Whether `predicted` holds logits rather than probabilities.
    ///   - epsilon: `ε`, in `[0, 0.5)`.
    ///   - reduction: How the per-sample losses are combined.
    public init(fromLogits: Bool = false, epsilon: Float = 1e-7, reduction: Reduction = .mean) {
        precondition(
            epsilon >= 0 && epsilon < 0.5,
            "SparseCategoricalCrossEntropy needs 0 ≤ epsilon < 0.5, got \(epsilon)")
        self.fromLogits = fromLogits
        self.epsilon = epsilon
        self.reduction = reduction
    }

    /// `−log p_{yᵢ}` per sample, reduced over the samples.
    ///
    /// - Parameters:
    ///   - predicted: Probabilities (or logits with `fromLogits`), `[n, classes]`.
    ///   - target: Class indices as whole numbers, `[n]` or `[n, 1]`.
    /// - Returns: A scalar tensor.
    public func callAsFunction(predicted: Tensor, target: Tensor) -> Tensor {
        precondition(
            predicted.rank == 2 && target.count == predicted.shape[0] && target.rank <= 2,
            "SparseCategoricalCrossEntropy needs [n, classes] and [n] or [n, 1], "
                + "got \(predicted.shape) and \(target.shape)"
        )
        let classes = target.scalars.enumerated().map { sample, label in
            precondition(
                label == label.rounded() && label >= 0 && label < Float(predicted.shape[1]),
                "label \(label) of sample \(sample) is not a class in 0..<\(predicted.shape[1])")
            return Int(label)
        }
        let logProbabilities = classLogProbabilities(predicted, fromLogits: fromLogits, epsilon: epsilon)
        return reduction.apply(-logProbabilities.gathering(indices: classes, alongAxis: 1))
    }
}
