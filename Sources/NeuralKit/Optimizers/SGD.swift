/// Stochastic gradient descent with optional momentum, in Keras's formulation:
///
///     μ = 0:       θ ← θ − α g                    (the article's equations 3.2.1 and 3.2.2)
///     momentum:    v ← μ v − α g;   θ ← θ + v
///     Nesterov:    v ← μ v − α g;   θ ← θ + μ v − α g
///
/// with the velocity `v` starting at 0. "Stochastic" refers to the batch `fit` feeds it
/// (one sample with `batchSize: 1`, as the article's SGD); the update itself is the same.
///
/// ```swift
/// model.compile(optimizer: SGD(learningRate: 0.01, momentum: 0.9, nesterov: true), loss: MeanSquaredError())
/// ```
public final class SGD: Optimizer {
    /// α, the step size.
    @exclusivity(unchecked)
    public var learningRate: Float
    /// The momentum μ ∈ [0, 1): how much of the previous velocity each step keeps.
    public let momentum: Float
    /// Whether to take the Nesterov (look-ahead) step.
    public let nesterov: Bool
    @exclusivity(unchecked)
    private var velocities = SlotStore()

    /// Creates the optimizer with Keras's defaults (α = 0.01, no momentum).
    /// - Parameters:
    ///   - learningRate: α.
    ///   - momentum: μ ∈ [0, 1); 0 for plain SGD.
    ///   - nesterov: Whether to take the Nesterov step (needs μ > 0).
    public init(learningRate: Float = 0.01, momentum: Float = 0, nesterov: Bool = false) {
        precondition(momentum >= 0 && momentum < 1, "SGD needs 0 ≤ momentum < 1, got \(momentum)")
        precondition(!nesterov || momentum > 0, "SGD(nesterov: true) needs a momentum > 0, got \(momentum)")
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
    }

    /// Applies the update above (plain, momentum or Nesterov) to every parameter that has a gradient.
    ///
    /// - Parameter parameters: The tensors to update in place; those without a gradient are skipped.
    public func update(_ parameters: [Tensor]) {
        let (momentum, nesterov, learningRate) = (momentum, nesterov, learningRate)
        for parameter in parameters where parameter.gradient != nil {
            guard momentum != 0 else {
                parameter.updateInPlace { theta, g in
                    for i in 0..<theta.count { theta[i] -= learningRate * g[i] }
                }
                continue
            }
            let velocity = velocities.buffer(for: parameter)
            parameter.updateInPlace { theta, g in
                velocity.values.withUnsafeMutableBufferPointer { v in
                    for i in 0..<theta.count {
                        v[i] = momentum * v[i] - learningRate * g[i]
                        theta[i] += nesterov ? momentum * v[i] - learningRate * g[i] : v[i]
                    }
                }
            }
        }
    }
}
