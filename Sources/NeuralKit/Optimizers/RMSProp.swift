/// RMSProp: Adagrad with a forgetting average of squared gradients instead of their sum, so
/// the step does not shrink forever. In Keras's form (no momentum, not centred):
///
///     s ← ρ s + (1 − ρ) g²
///     θ ← θ − α g / √(s + ε)
///
/// with `s` starting at 0 and Keras's defaults α = 0.001, ρ = 0.9, ε = 10⁻⁷ (inside the root).
public final class RMSProp: Optimizer {
    /// α, the step size.
    @exclusivity(unchecked)
    public var learningRate: Float
    /// ρ, the decay of the running average of `g²`.
    public let rho: Float
    /// ε, added to `s` under the square root.
    public let epsilon: Float
    @exclusivity(unchecked)
    private var averages = SlotStore()

    /// Creates the optimizer with Keras's defaults.
    /// - Parameters:
    ///   - learningRate: α.
    ///   - rho: ρ ∈ [0, 1).
    ///   - epsilon: ε, added under the square root.
    public init(learningRate: Float = 0.001, rho: Float = 0.9, epsilon: Float = 1e-7) {
        precondition(rho >= 0 && rho < 1, "RMSProp needs 0 ≤ rho < 1, got \(rho)")
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
    }

    /// Applies `s ← ρ s + (1 − ρ) g²; θ ← θ − α g / √(s + ε)` to every parameter that has a gradient.
    ///
    /// - Parameter parameters: The tensors to update in place; those without a gradient are skipped.
    public func update(_ parameters: [Tensor]) {
        for parameter in parameters {
            guard let g = parameter.gradient else { continue }
            var s = averages[parameter]
            var theta = parameter.scalars
            for i in theta.indices {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i]
                theta[i] -= learningRate * g[i] / Elementary.squareRoot(s[i] + epsilon)
            }
            averages[parameter] = s
            parameter.assign(theta)
        }
    }
}
