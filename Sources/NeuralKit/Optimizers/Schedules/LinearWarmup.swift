/// A linear warm-up before another schedule: for the first `warmupSteps` steps the rate
/// climbs in a straight line from `initialLearningRate` to where `schedule` starts, then
/// `schedule` runs with its step counted from the end of the warm-up:
///
///     t < W:   α(t) = α_init + (s(0) − α_init) · t / W
///     t ≥ W:   α(t) = s(t − W)
///
/// (Keras's `CosineDecay(warmup_target:, warmup_steps:)` is this around a cosine.) With the
/// default `initialLearningRate` 0 the very first update has rate 0, as in Keras.
///
/// ```swift
/// LinearWarmup(CosineDecay(initialLearningRate: 0.1, decaySteps: 900), warmupSteps: 100)
/// ```
public struct LinearWarmup<Schedule: LearningRateSchedule>: LearningRateSchedule {
    /// The schedule that follows the warm-up.
    public let schedule: Schedule
    /// `W`, the number of warm-up steps.
    public let warmupSteps: Int
    /// The rate at step 0.
    public let initialLearningRate: Float

    /// Wraps `schedule` in a warm-up of `warmupSteps` steps starting from `initialLearningRate`.
    /// - Parameters:
    ///   - schedule: The schedule after the warm-up.
    ///   - warmupSteps: `W` ≥ 0.
    ///   - initialLearningRate: The rate at step 0.
    public init(_ schedule: Schedule, warmupSteps: Int, initialLearningRate: Float = 0) {
        precondition(warmupSteps >= 0, "LinearWarmup needs warmupSteps ≥ 0, got \(warmupSteps)")
        self.schedule = schedule
        self.warmupSteps = warmupSteps
        self.initialLearningRate = initialLearningRate
    }

    /// The warm-up line for `t < W`, then the wrapped schedule at `t − W`.
    ///
    /// - Parameter step: `t`, the optimizer update, from 0.
    /// - Returns: The learning rate for that update.
    public func learningRate(at step: Int) -> Float {
        precondition(step >= 0, "learning-rate step must be ≥ 0, got \(step)")
        guard step < warmupSteps else { return schedule.learningRate(at: step - warmupSteps) }
        let target = schedule.learningRate(at: 0)
        let progress = Float(Double(step) / Double(warmupSteps))
        return initialLearningRate + (target - initialLearningRate) * progress
    }
}
