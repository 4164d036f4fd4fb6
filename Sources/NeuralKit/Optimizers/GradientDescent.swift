/// Plain gradient descent, the article's equation (3.2.1): `θ_{t+1} = θ_t − α ∇J(θ_t)`.
/// Whether it is full-batch GD or (mini-batch) SGD depends only on the batch `fit` feeds it.
public final class GradientDescent: Optimizer {
    public var learningRate: Float

    public init(learningRate: Float = 0.01) {
        self.learningRate = learningRate
    }

    public func update(_ parameters: [Tensor]) {
        for parameter in parameters {
            guard let gradient = parameter.gradient else { continue }
            var theta = parameter.scalars
            for i in theta.indices { theta[i] -= learningRate * gradient[i] }
            parameter.assign(theta)
        }
    }
}
