/// Lowers the learning rate when the loss stops improving, as Keras's `ReduceLROnPlateau`
/// callback. Unlike a `LearningRateSchedule` it depends on the losses, so it is fed one loss
/// per epoch (`fit(…, reduceOnPlateau:)` does this with the epoch's training loss):
///
/// - an epoch *improves* when `loss < best − minDelta`; then `best ← loss` and the wait
///   restarts;
/// - otherwise, outside a cool-down, the wait grows; when it reaches `patience` and the rate
///   is above `minLearningRate`, the rate becomes `max(α · factor, minLearningRate)`, the
///   wait restarts and a cool-down of `cooldown` epochs begins; each cool-down epoch
///   counts it down and zeroes the wait, and (as in Keras, which counts down before testing)
///   only the epochs while it is still above 0 skip the waiting, so `cooldown: c` delays the
///   next reduction by `c − 1` epochs.
///
/// ```swift
/// let plateau = ReduceLROnPlateau(factor: 0.5, patience: 5)
/// model.fit(x, y, epochs: 200, reduceOnPlateau: plateau)
/// ```
public final class ReduceLROnPlateau {
    /// The multiplier applied at each reduction, in (0, 1).
    public let factor: Float
    /// How many epochs without improvement to wait before reducing.
    public let patience: Int
    /// How much lower than the best a loss must be to count as an improvement.
    public let minDelta: Float
    /// How many epochs after a reduction pass before waiting starts again.
    public let cooldown: Int
    /// The rate is never reduced below this.
    public let minLearningRate: Float
    /// The lowest loss seen so far (∞ before the first epoch).
    public private(set) var best = Float.infinity
    /// Epochs since the last improvement (or reduction).
    public private(set) var wait = 0
    private var cooldownRemaining = 0

    /// Creates the callback with Keras's defaults.
    /// - Parameters:
    ///   - factor: The multiplier at each reduction, in (0, 1).
    ///   - patience: Epochs without improvement before reducing, ≥ 0.
    ///   - minDelta: The smallest drop that counts as an improvement.
    ///   - cooldown: Epochs after a reduction before waiting again, ≥ 0.
    ///   - minLearningRate: The floor of the rate.
    public init(
        factor: Float = 0.1, patience: Int = 10, minDelta: Float = 1e-4, cooldown: Int = 0,
        minLearningRate: Float = 0
    ) {
        precondition(factor > 0 && factor < 1, "ReduceLROnPlateau needs 0 < factor < 1, got \(factor)")
        precondition(patience >= 0 && cooldown >= 0, "patience and cooldown must be ≥ 0, got \(patience), \(cooldown)")
        self.factor = factor
        self.patience = patience
        self.minDelta = minDelta
        self.cooldown = cooldown
        self.minLearningRate = minLearningRate
    }

    /// Records one epoch's `loss` and returns the learning rate for the next epoch, given
    /// the rate `learningRate` in use now.
    /// - Parameters:
    ///   - loss: The epoch's loss.
    ///   - learningRate: The rate in use now.
    /// - Returns: The rate for the next epoch: `learningRate`, or the reduced rate.
    public func update(epochLoss loss: Float, learningRate: Float) -> Float {
        if cooldownRemaining > 0 {
            cooldownRemaining -= 1
            wait = 0
        }
        if loss < best - minDelta {
            best = loss
            wait = 0
            return learningRate
        }
        guard cooldownRemaining == 0 else { return learningRate }
        wait += 1
        guard wait >= patience, learningRate > minLearningRate else { return learningRate }
        wait = 0
        cooldownRemaining = cooldown
        return Swift.max(learningRate * factor, minLearningRate)
    }
}
