/// A learning rate that changes with the optimizer step (Keras's
/// `LearningRateSchedule`): `fit(…, schedule:)` sets `optimizer.learningRate` to
/// `learningRate(at: step)` before update `step`, counting updates from 0 in each `fit` call.
///
/// ```swift
/// let schedule = LinearWarmup(CosineDecay(initialLearningRate: 0.1, decaySteps: 900), warmupSteps: 100)
/// model.fit(x, y, epochs: 100, schedule: schedule)
/// ```
public protocol LearningRateSchedule {
    /// The learning rate for optimizer step `step` (0 for the first update).
    /// - Parameter step: The update's number, from 0.
    /// - Returns: The learning rate for that update.
    func learningRate(at step: Int) -> Float
}

extension LearningRateSchedule {
    /// The rates for steps `0..<count`, for plotting a schedule.
    /// - Parameter count: How many steps.
    /// - Returns: `learningRate(at: 0)`, …, `learningRate(at: count − 1)`.
    public func learningRates(steps count: Int) -> [Float] {
        (0..<count).map { learningRate(at: $0) }
    }
}
