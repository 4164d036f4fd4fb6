import Foundation

/// Exponential decay, as Keras's `ExponentialDecay`:
/// `α(t) = α₀ · rate^{t / decaySteps}`, with `t / decaySteps` rounded down when `staircase`.
///
/// ```swift
/// ExponentialDecay(initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.96)
/// ```
public struct ExponentialDecay: LearningRateSchedule {
    /// α₀, the rate at step 0.
    public let initialLearningRate: Float
    /// The number of steps over which the rate is multiplied by `decayRate` once.
    public let decaySteps: Int
    /// The multiplier per `decaySteps` steps.
    public let decayRate: Float
    /// Whether the rate drops in whole steps (then it equals `StepDecay`).
    public let staircase: Bool

    /// Creates the schedule.
    /// - Parameters:
    ///   - initialLearningRate: α₀.
    ///   - decaySteps: The steps per factor of `decayRate`, > 0.
    ///   - decayRate: The multiplier, > 0.
    ///   - staircase: Whether the exponent is rounded down.
    public init(initialLearningRate: Float, decaySteps: Int, decayRate: Float, staircase: Bool = false) {
        precondition(decaySteps > 0, "ExponentialDecay needs decaySteps > 0, got \(decaySteps)")
        precondition(decayRate > 0, "ExponentialDecay needs decayRate > 0, got \(decayRate)")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.decayRate = decayRate
        self.staircase = staircase
    }

    /// `α₀ · rate^{t / decaySteps}` (the exponent rounded down when `staircase`), computed in `Double`.
    ///
    /// - Parameter step: `t`, the optimizer update, from 0.
    /// - Returns: The learning rate for that update.
    public func learningRate(at step: Int) -> Float {
        precondition(step >= 0, "learning-rate step must be ≥ 0, got \(step)")
        var exponent = Double(step) / Double(decaySteps)
        if staircase { exponent.round(.down) }
        return Float(Double(initialLearningRate) * Elementary.pow(Double(decayRate), exponent))
    }
}
