import Foundation

/// Adam, exactly as the article's equation (3.2.3) writes it:
///
///     m_t = β₁ m_{t−1} + (1 − β₁) g_t
///     v_t = β₂ v_{t−1} + (1 − β₂) g_t²
///     m̂_t = m_t / (1 − β₁ᵗ)
///     v̂_t = v_t / (1 − β₂ᵗ)
///     θ_{t+1} = θ_t − α · m̂_t / (√v̂_t + ε)
///
/// with Keras's defaults β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁷. (Keras itself folds the bias
/// corrections into α and adds ε to √v_t; the two differ only in where ε acts.)
public final class Adam: Optimizer {
    public var learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    /// The number of steps taken, `t`.
    public private(set) var step = 0
    private var firstMoments = SlotStore()
    private var secondMoments = SlotStore()

    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public func update(_ parameters: [Tensor]) {
        step += 1
        let correction1 = 1 - powf(beta1, Float(step))
        let correction2 = 1 - powf(beta2, Float(step))
        let (beta1, beta2, epsilon, learningRate) = (beta1, beta2, epsilon, learningRate)
        for parameter in parameters where parameter.gradient != nil {
            let first = firstMoments.buffer(for: parameter)
            let second = secondMoments.buffer(for: parameter)
            parameter.updateInPlace { theta, g in
                first.values.withUnsafeMutableBufferPointer { m in
                    second.values.withUnsafeMutableBufferPointer { v in
                        for i in 0..<theta.count {
                            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                            let mHat = m[i] / correction1
                            let vHat = v[i] / correction2
                            theta[i] -= learningRate * mHat / (vHat.squareRoot() + epsilon)
                        }
                    }
                }
            }
        }
    }
}
