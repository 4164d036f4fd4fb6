/// A penalty on a layer's weights, added to the loss so that training prefers simpler
/// models (the article's section 3.3). `Dense(…, kernelRegularizer:)` applies one to its
/// kernel; `fit` adds every layer's penalty to the loss it differentiates and reports.
public protocol Regularizer {
    /// The penalty for `weights`: a differentiable scalar tensor.
    /// - Parameter weights: The weights to penalize.
    /// - Returns: A differentiable scalar tensor.
    func penalty(_ weights: Tensor) -> Tensor
}
