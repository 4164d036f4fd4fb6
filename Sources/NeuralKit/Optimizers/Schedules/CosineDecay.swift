import Foundation

/// Cosine decay (Loshchilov & Hutter's SGDR without restarts), as Keras's `CosineDecay`:
///
///     α(t) = α₀ · ((1 − a) · ½ (1 + cos(π · min(t, T) / T)) + a)
///
/// falling smoothly from α₀ to the floor `a · α₀` at step `T = decaySteps`, then staying there.
///
/// ```swift
/// CosineDecay(initialLearningRate: 0.1, decaySteps: 1000, alpha: 0.01)
/// ```
public struct CosineDecay: LearningRateSchedule {
    /// α₀, the rate at step 0.
    public let initialLearningRate: Float
    /// `T`, the step at which the floor is reached.
    public let decaySteps: Int
    /// `a`, the floor as a fraction of α₀ (0 decays to zero).
    public let alpha: Float

    /// Creates the schedule.
    /// - Parameters:
    ///   - initialLearningRate: α₀.
    ///   - decaySteps: `T` > 0.
    ///   - alpha: `a` ∈ [0, 1].
    public init(initialLearningRate: Float, decaySteps: Int, alpha: Float = 0) {
        precondition(decaySteps > 0, "CosineDecay needs decaySteps > 0, got \(decaySteps)")
        precondition(alpha >= 0 && alpha <= 1, "CosineDecay needs 0 ≤ alpha ≤ 1, got \(alpha)")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.alpha = alpha
    }

    /// `α₀ · ((1 − a) · ½ (1 + cos(π · min(t, T) / T)) + a)`, computed in `Double`.
    ///
    /// - Parameter step: `t`, the optimizer update, from 0.
    /// - Returns: The learning rate for that update.
    public func learningRate(at step: Int) -> Float {
        precondition(step >= 0, "learning-rate step must be ≥ 0, got \(step)")
        let progress = Double(min(step, decaySteps)) / Double(decaySteps)
        let cosine = 0.5 * (1 + Elementary.cos(Double.pi * progress))
        let a = Double(alpha)
        return Float(Double(initialLearningRate) * ((1 - a) * cosine + a))
    }
}
