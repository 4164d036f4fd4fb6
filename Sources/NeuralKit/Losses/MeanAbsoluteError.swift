/// Mean absolute error: `MAE = (1/n) Σᵢ |yᵢ − ŷᵢ|`, less swayed by outliers than MSE.
/// At `ŷᵢ = yᵢ` its gradient is the subgradient 0.
///
/// ```swift
/// let mae = MeanAbsoluteError()
/// mae(predicted: Tensor([1, 2]), target: Tensor([1, 4])).scalar   // (0 + 2) / 2 = 1
/// ```
public struct MeanAbsoluteError: Loss {
    /// How the absolute errors are combined (mean by default, as in the formula).
    public var reduction: Reduction

    /// Creates the loss; `.sum` gives `Σᵢ |yᵢ − ŷᵢ|`.
    /// - Parameter reduction: `.mean` for the formula above, `.sum` for the sum.
    public init(reduction: Reduction = .mean) {
        self.reduction = reduction
    }

    /// `(1/n) Σᵢ |yᵢ − ŷᵢ|` (or the sum, with `.sum`).
    ///
    /// - Parameters:
    ///   - predicted: The predictions `ŷ`, any shape.
    ///   - target: The targets `y`, the same shape.
    /// - Returns: A scalar tensor.
    public func callAsFunction(predicted: Tensor, target: Tensor) -> Tensor {
        precondition(
            predicted.shape == target.shape,
            "MeanAbsoluteError needs equal shapes, got \(predicted.shape) and \(target.shape)")
        return reduction.apply(abs(target - predicted))
    }
}
