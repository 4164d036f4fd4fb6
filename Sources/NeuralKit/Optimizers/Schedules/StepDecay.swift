import Foundation

/// Step decay: the rate drops by `factor` every `stepSize` steps,
/// `α(t) = α₀ · factor^⌊t / stepSize⌋` (the staircase of Keras's `ExponentialDecay`).
///
/// ```swift
/// StepDecay(initialLearningRate: 0.1, factor: 0.5, stepSize: 10)   // 0.1 ×10, 0.05 ×10, 0.025 …
/// ```
public struct StepDecay: LearningRateSchedule {
    /// α₀, the rate at step 0.
    public let initialLearningRate: Float
    /// The multiplier applied at each drop, in (0, 1].
    public let factor: Float
    /// The number of steps between drops.
    public let stepSize: Int

    /// Creates the schedule.
    /// - Parameters:
    ///   - initialLearningRate: α₀.
    ///   - factor: The multiplier at each drop, in (0, 1].
    ///   - stepSize: The steps between drops, > 0.
    public init(initialLearningRate: Float, factor: Float = 0.5, stepSize: Int) {
        precondition(factor > 0 && factor <= 1, "StepDecay needs 0 < factor ≤ 1, got \(factor)")
        precondition(stepSize > 0, "StepDecay needs stepSize > 0, got \(stepSize)")
        self.initialLearningRate = initialLearningRate
        self.factor = factor
        self.stepSize = stepSize
    }

    /// `α₀ · factor^⌊t / stepSize⌋`, computed in `Double`.
    ///
    /// - Parameter step: `t`, the optimizer update, from 0.
    /// - Returns: The learning rate for that update.
    public func learningRate(at step: Int) -> Float {
        precondition(step >= 0, "learning-rate step must be ≥ 0, got \(step)")
        return Float(Double(initialLearningRate) * Elementary.pow(Double(factor), Double(step / stepSize)))
    }
}
