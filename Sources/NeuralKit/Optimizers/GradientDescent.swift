/// Plain gradient descent, the article's equation (3.2.1): `θ_{t+1} = θ_t − α ∇J(θ_t)`.
/// Whether it is full-batch GD or (mini-batch) SGD depends only on the batch `fit` feeds it.
public final class GradientDescent: Optimizer {
    @exclusivity(unchecked)
    public var learningRate: Float

    public init(learningRate: Float = 0.01) {
        self.learningRate = learningRate
    }

    public func update(_ parameters: [Tensor]) {
        let learningRate = learningRate
        for parameter in parameters {
            parameter.updateInPlace { theta, g in
                for i in 0..<theta.count { theta[i] -= learningRate * g[i] }
            }
        }
    }
}
