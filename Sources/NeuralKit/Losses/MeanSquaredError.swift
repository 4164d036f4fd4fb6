/// Mean squared error, the article's equation (3.1.1):
/// `MSE = (1/n) Σᵢ (yᵢ − ŷᵢ)²`.
///
/// ```swift
/// let mse = MeanSquaredError()
/// mse(predicted: Tensor([1, 2]), target: Tensor([1, 4])).scalar   // (0 + 4) / 2 = 2
/// ```
public struct MeanSquaredError: Loss {
    /// How the squared errors are combined (mean by default, as in the formula).
    public var reduction: Reduction

    public init(reduction: Reduction = .mean) {
        self.reduction = reduction
    }

    public func callAsFunction(predicted: Tensor, target: Tensor) -> Tensor {
        precondition(
            predicted.shape == target.shape,
            "MeanSquaredError needs equal shapes, got \(predicted.shape) and \(target.shape)")
        return reduction.apply(square(target - predicted))
    }
}
