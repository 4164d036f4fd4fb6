/// A loss: a scalar measuring how far predictions are from targets, to be minimized.
public protocol Loss {
    /// The loss of a batch, reduced to one scalar tensor.
    /// - Parameters:
    ///   - predicted: The model's outputs for the batch.
    ///   - target: What they should be.
    /// - Returns: A differentiable scalar tensor.
    func callAsFunction(predicted: Tensor, target: Tensor) -> Tensor
}

/// How per-element losses become one number.
public enum Reduction: Sendable, Equatable {
    /// The mean over all elements (Keras's default).
    case mean
    /// The sum over all elements (the article's cross-entropy is written as a sum).
    case sum

    func apply(_ elementwise: Tensor) -> Tensor {
        switch self {
        case .mean: elementwise.mean()
        case .sum: elementwise.sum()
        }
    }
}
