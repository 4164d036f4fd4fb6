/// Plain gradient descent, the article's equation (3.2.1): `θ_{t+1} = θ_t − α ∇J(θ_t)`.
/// Whether it is full-batch GD or (mini-batch) SGD depends only on the batch `fit` feeds it.
public final class GradientDescent: Optimizer {
    /// α, the step size.
    @exclusivity(unchecked)
    public var learningRate: Float

    /// Creates the optimizer.
    ///
    /// - Parameter learningRate: α, the step size (Keras's SGD default, 0.01).
    public init(learningRate: Float = 0.01) {
        self.learningRate = learningRate
    }

    /// Applies `θ ← θ − α g` to every parameter that has a gradient.
    ///
    /// - Parameter parameters: The tensors to update in place; those without a gradient are skipped.
    public func update(_ parameters: [Tensor]) {
        let learningRate = learningRate
        for parameter in parameters {
            parameter.updateInPlace { theta, g in
                for i in 0..<theta.count { theta[i] -= learningRate * g[i] }
            }
        }
    }
}
