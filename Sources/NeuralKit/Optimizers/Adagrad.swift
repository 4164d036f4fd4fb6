/// Adagrad: each parameter's step shrinks with the sum of its squared gradients so far, so
/// rarely-updated weights keep larger steps. In Keras's form:
///
///     G ← G + g²
///     θ ← θ − α g / √(G + ε)
///
/// with `G` starting at `initialAccumulator` (Keras: 0.1) and ε = 10⁻⁷ *inside* the square
/// root, as Keras writes it (the original paper adds ε outside; with `G ≥ 0.1` the two agree
/// to within 10⁻⁶ relative).
public final class Adagrad: Optimizer {
    /// α, the base step size (Keras: 0.001); `fit(…, schedule:)` may change it every step.
    @exclusivity(unchecked)
    public var learningRate: Float
    /// The starting value of every accumulator `G`.
    public let initialAccumulator: Float
    /// ε, added to `G` under the square root.
    public let epsilon: Float
    @exclusivity(unchecked)
    private var accumulators = SlotStore()
    @exclusivity(unchecked)
    private var started = Set<ObjectIdentifier>()

    /// Creates the optimizer with Keras's defaults.
    /// - Parameters:
    ///   - learningRate: α.
    ///   - initialAccumulator: The starting value of `G`, ≥ 0.
    ///   - epsilon: ε, added under the square root.
    public init(learningRate: Float = 0.001, initialAccumulator: Float = 0.1, epsilon: Float = 1e-7) {
        precondition(initialAccumulator >= 0, "Adagrad needs initialAccumulator ≥ 0, got \(initialAccumulator)")
        self.learningRate = learningRate
        self.initialAccumulator = initialAccumulator
        self.epsilon = epsilon
    }

    /// Applies `G ← G + g²; θ ← θ − α g / √(G + ε)` to every parameter that has a gradient.
    ///
    /// - Parameter parameters: The tensors to update in place; those without a gradient are skipped.
    public func update(_ parameters: [Tensor]) {
        for parameter in parameters {
            guard let g = parameter.gradient else { continue }
            var accumulator = accumulators[parameter]
            if started.insert(ObjectIdentifier(parameter)).inserted {
                accumulator = [Float](repeating: initialAccumulator, count: parameter.count)
            }
            var theta = parameter.scalars
            for i in theta.indices {
                accumulator[i] += g[i] * g[i]
                theta[i] -= learningRate * g[i] / Elementary.squareRoot(accumulator[i] + epsilon)
            }
            accumulators[parameter] = accumulator
            parameter.assign(theta)
        }
    }
}
