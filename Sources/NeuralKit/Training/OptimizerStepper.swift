/// What `fit` does between `backward()` and the next batch: gradient accumulation, clipping,
/// the learning-rate schedule and the optimizer step.
///
/// Gradient accumulation needs nothing from the engine but `backward()`'s accumulating
/// pullbacks: run `backward()` on `k` batch losses in a row and every gradient holds their
/// sum; dividing by `k` gives the mean, the gradient of one batch `k` times larger (exactly,
/// when the batches have equal sizes). Then clip, step and zero, as usual:
///
/// ```swift
/// for (i, (xb, yb)) in batches.enumerated() {
///     loss(predicted: model(xb), target: yb).backward()     // gradients add up
///     guard (i + 1) % k == 0 else { continue }
///     // divide the gradients by k, clipGradients(…), optimizer.update(…), zeroGradient()
/// }
/// ```
struct OptimizerStepper {
    let optimizer: any Optimizer
    let schedule: (any LearningRateSchedule)?
    let clipNorm: Float?
    let accumulationSteps: Int
    /// Optimizer updates taken so far: the schedule's step.
    private(set) var updates = 0
    /// Backward passes whose gradients are waiting for the next update.
    private var pending = 0

    init(
        optimizer: any Optimizer, schedule: (any LearningRateSchedule)?, clipNorm: Float?,
        accumulationSteps: Int
    ) {
        precondition(accumulationSteps > 0, "accumulationSteps must be > 0, got \(accumulationSteps)")
        precondition(clipNorm.map { $0 > 0 } ?? true, "clipNorm must be > 0, got \(clipNorm ?? 0)")
        self.optimizer = optimizer
        self.schedule = schedule
        self.clipNorm = clipNorm
        self.accumulationSteps = accumulationSteps
    }

    /// Counts one `backward()`; after `accumulationSteps` of them, or at the end of an epoch,
    /// averages the summed gradients, clips them, sets the scheduled rate and steps.
    mutating func didBackward(_ parameters: [Tensor], endOfEpoch: Bool) {
        pending += 1
        guard pending == accumulationSteps || endOfEpoch else { return }
        if pending > 1 { scaleGradients(parameters, by: 1 / Float(pending)) }
        if let clipNorm { clipGradients(parameters, maxNorm: clipNorm) }
        if let schedule { optimizer.learningRate = schedule.learningRate(at: updates) }
        optimizer.update(parameters)
        parameters.forEach { $0.zeroGradient() }
        updates += 1
        pending = 0
    }
}
