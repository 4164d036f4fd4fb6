/// AdamW: Adam with *decoupled* weight decay (Loshchilov & Hutter). Each step first shrinks
/// the weights, then takes the article's Adam step (see `Adam`) on the gradient of the loss:
///
///     θ ← θ − α λ θ
///     θ ← θ − α · m̂_t / (√v̂_t + ε)
///
/// As in Keras, the decay is scaled by the learning rate and comes first; since the Adam
/// step depends only on `g`, this equals the paper's single update
/// `θ ← θ − α (m̂/(√v̂ + ε) + λ θ)`. Unlike an L2 penalty, the decay does not pass through
/// `m̂/√v̂`, so every weight decays at the same rate whatever its gradient history.
/// Every parameter with a gradient decays, biases included (Keras's default too).
public final class AdamW: Optimizer {
    /// α, the step size, which also scales the decay.
    @exclusivity(unchecked)
    public var learningRate: Float
    /// λ, the fraction of each weight removed per unit of learning rate (Keras: 0.004).
    public let weightDecay: Float
    private let adam: Adam

    /// Creates the optimizer with Keras's defaults.
    /// - Parameters:
    ///   - learningRate: α.
    ///   - weightDecay: λ ≥ 0.
    ///   - beta1: β₁, Adam's first-moment decay.
    ///   - beta2: β₂, Adam's second-moment decay.
    ///   - epsilon: ε, Adam's denominator term.
    public init(
        learningRate: Float = 0.001, weightDecay: Float = 0.004, beta1: Float = 0.9, beta2: Float = 0.999,
        epsilon: Float = 1e-7
    ) {
        precondition(weightDecay >= 0, "AdamW needs weightDecay ≥ 0, got \(weightDecay)")
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.adam = Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
    }

    /// The number of steps taken, `t`.
    public var step: Int { adam.step }

    /// Shrinks every parameter with a gradient by `1 − αλ`, then takes the Adam step on it.
    ///
    /// - Parameter parameters: The tensors to update in place; those without a gradient are skipped.
    public func update(_ parameters: [Tensor]) {
        let shrink = 1 - learningRate * weightDecay
        for parameter in parameters where parameter.gradient != nil {
            parameter.assign(parameter.scalars.map { $0 * shrink })
        }
        adam.learningRate = learningRate
        adam.update(parameters)
    }
}
