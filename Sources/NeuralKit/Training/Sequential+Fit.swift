import Dispatch

extension Sequential {
    /// Chooses how the model learns (Keras's `compile`).
    ///
    /// - Parameters:
    ///   - optimizer: The update rule `fit` applies after each batch (or after `accumulationSteps` batches).
    ///   - loss: The loss `fit` minimizes and `evaluate` reports, e.g. `MeanSquaredError()`.
    public func compile(optimizer: any Optimizer, loss: any Loss) {
        self.optimizer = optimizer
        self.loss = loss
    }

    /// Trains the model on `x`/`y` (samples along the first dimension) with mini-batch
    /// gradient steps: each epoch visits the samples in a fresh order drawn from the default
    /// generator (when `shuffle`), in batches of `batchSize` (the last one may be smaller).
    ///
    /// The loss differentiated and reported is the compiled loss plus the layers'
    /// `regularizationLoss`. Per optimizer update, in order: the gradients of
    /// `accumulationSteps` batches are averaged (an epoch's last update may average fewer),
    /// clipped to global norm `clipNorm`, the rate is set to `schedule.learningRate(at:)`
    /// (steps are updates, counted from 0 in each call), and the optimizer steps. After each
    /// epoch `reduceOnPlateau` sees the epoch's loss and may lower the rate (not together
    /// with `schedule`). With `verbose`, a one-line progress bar with the loss and the time
    /// left is drawn on a terminal (see `ProgressBar`).
    ///
    /// Validation, as Keras: `validationSplit` holds out the *last* fraction of the samples
    /// (before any shuffling), or `validationData` is given; after each epoch the model is
    /// evaluated on it (`History.validationLoss`, and the `metrics`); `earlyStopping` may end
    /// training early.
    ///
    /// ```swift
    /// let model = Sequential { Dense(1, inputSize: 1) }
    /// model.compile(optimizer: Adam(learningRate: 0.01), loss: MeanSquaredError())
    /// let history = model.fit(x, y, epochs: 1000, batchSize: 32)
    /// ```
    ///
    /// - Precondition: `compile(optimizer:loss:)` was called; `x` and `y` have as many samples;
    ///   `batchSize > 0`, `epochs ≥ 0`; `schedule` and `reduceOnPlateau` are not both given;
    ///   `0 ≤ validationSplit < 1`.
    /// - Parameters:
    ///   - x: The inputs, samples along the first dimension.
    ///   - y: The targets, as many samples as `x`.
    ///   - epochs: How many passes over the samples (Keras: 1).
    ///   - batchSize: The samples per gradient (Keras: 32); the last batch of an epoch may be smaller.
    ///   - shuffle: Whether each epoch visits the samples in a fresh random order.
    ///   - schedule: Sets the learning rate before every update, `α = schedule.learningRate(at: step)`.
    ///   - reduceOnPlateau: Lowers the learning rate after epochs whose loss did not improve.
    ///   - clipNorm: When given, gradients are rescaled to global norm at most `clipNorm` (see ``clipGradients(_:maxNorm:)``).
    ///   - accumulationSteps: How many batches' gradients are averaged into one update.
    ///   - verbose: Whether to draw a progress bar on a terminal.
    ///   - validationSplit: The fraction of samples, taken from the end, held out for validation.
    ///   - validationData: Validation samples given explicitly (used when `validationSplit` holds out none).
    ///   - metrics: Further quantities recorded per epoch, e.g. `[.accuracy]`.
    ///   - earlyStopping: Ends training when the monitored loss stops improving.
    /// - Returns: The loss, learning rate, validation loss and metrics of every epoch, and the wall time.
    @discardableResult
    public func fit(
        _ x: Tensor, _ y: Tensor, epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true,
        schedule: (any LearningRateSchedule)? = nil, reduceOnPlateau: ReduceLROnPlateau? = nil,
        clipNorm: Float? = nil, accumulationSteps: Int = 1, verbose: Bool = false,
        validationSplit: Float = 0, validationData: (x: Tensor, y: Tensor)? = nil,
        metrics: [Metric] = [], earlyStopping: EarlyStopping? = nil
    ) -> History {
        guard let optimizer, let loss else {
            preconditionFailure("call compile(optimizer:loss:) before fit")
        }
        checkFitArguments(x, y, epochs: epochs, batchSize: batchSize)
        precondition(schedule == nil || reduceOnPlateau == nil, "fit takes a schedule or reduceOnPlateau, not both")
        precondition(
            validationSplit >= 0 && validationSplit < 1, "validationSplit must be in [0, 1), got \(validationSplit)")
        let start = DispatchTime.now().uptimeNanoseconds
        let (x, y, validation) = Self.holdingOut(validationSplit, of: x, y) ?? (x, y, validationData)
        let sampleCount = x.shape[0]
        var history = History()
        var stepper = OptimizerStepper(
            optimizer: optimizer, schedule: schedule, clipNorm: clipNorm, accumulationSteps: accumulationSteps)
        var progress = ProgressBar(epochs: epochs, verbose: verbose)
        var batches = BatchDifferentiator(model: self, x: x, y: y, loss: loss)
        for epoch in 0..<epochs {
            let order = shuffle ? RandomGenerator.global.permutation(sampleCount) : Array(0..<sampleCount)
            var weightedLoss: Float = 0
            for batchStart in stride(from: 0, to: sampleCount, by: batchSize) {
                let rows = Array(order[batchStart..<min(batchStart + batchSize, sampleCount)])
                let batchLoss = batches.lossAfterBackward(rows: rows)
                stepper.didBackward(batches.parameters, endOfEpoch: batchStart + batchSize >= sampleCount)
                weightedLoss += batchLoss * Float(rows.count)
            }
            history.loss.append(weightedLoss / Float(sampleCount))
            history.learningRates.append(optimizer.learningRate)
            progress.update(epoch: epoch + 1, loss: history.finalLoss)
            record(metrics, on: x, y, validation: validation, into: &history)
            if let earlyStopping, earlyStopping.shouldStop(after: history.validationLoss.last ?? history.finalLoss) {
                history.stoppedEpoch = epoch + 1
                break
            }
            if let reduceOnPlateau {
                optimizer.learningRate = reduceOnPlateau.update(
                    epochLoss: history.finalLoss, learningRate: optimizer.learningRate)
            }
        }
        history.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return history
    }

    /// The model's outputs for `x`, without recording gradients.
    ///
    /// - Parameter x: The inputs, samples along the first dimension.
    /// - Returns: The outputs, in inference mode (dropout off).
    public func predict(_ x: Tensor) -> Tensor {
        withoutGradient { self(x) }
    }

    /// The compiled loss on `x`/`y` plus the regularization penalties (as `fit` reports it
    /// and as Keras's `evaluate` does), without recording gradients.
    ///
    /// - Parameters:
    ///   - x: The inputs, samples along the first dimension.
    ///   - y: The targets, as many samples as `x`.
    /// - Returns: The loss over all samples at once (not batch by batch), penalties included.
    public func evaluate(_ x: Tensor, _ y: Tensor) -> Float {
        guard let loss else { preconditionFailure("call compile(optimizer:loss:) before evaluate") }
        return withoutGradient { regularized(loss(predicted: self(x), target: y)).scalar }
    }

    /// Appends the validation loss and the metrics of the epoch that just ended.
    private func record(
        _ metrics: [Metric], on x: Tensor, _ y: Tensor, validation: (x: Tensor, y: Tensor)?, into history: inout History
    ) {
        if let validation { history.validationLoss.append(evaluate(validation.x, validation.y)) }
        for metric in metrics where metric == .accuracy {
            history.accuracy.append(metric.value(predicted: predict(x), target: y))
            if let validation {
                history.validationAccuracy.append(metric.value(predicted: predict(validation.x), target: validation.y))
            }
        }
    }

    /// `loss` plus every layer's regularization penalty. (`DenseStackStep` runs the pullbacks
    /// of this sum in the order its graph does: keep the two in step.)
    fileprivate func regularized(_ loss: Tensor) -> Tensor {
        regularizationLoss.map { loss + $0 } ?? loss
    }

    /// The first samples for training and the last `fraction` of them for validation, as Keras
    /// splits (before any shuffling); nil when the fraction holds out no sample.
    private static func holdingOut(_ fraction: Float, of x: Tensor, _ y: Tensor) -> (
        x: Tensor, y: Tensor, validation: (x: Tensor, y: Tensor)?
    )? {
        let count = x.shape[0]
        let heldOut = Int(Float(count) * fraction)
        guard heldOut > 0 else { return nil }
        let (training, validation) = (0..<(count - heldOut), (count - heldOut)..<count)
        return (
            x.slicing(axis: 0, range: training), y.slicing(axis: 0, range: training),
            (x.slicing(axis: 0, range: validation), y.slicing(axis: 0, range: validation))
        )
    }
}

/// How `fit` gets one batch's loss and its gradient into the parameters: through
/// `DenseStackStep` for a stack of `Dense` layers once they are built (the same numbers,
/// faster), through the recorded graph otherwise.
private struct BatchDifferentiator {
    let model: Sequential
    let x: Tensor
    let y: Tensor
    let loss: any Loss
    /// Whether the fused step may apply: every layer is `Dense` (and tests have not turned it off).
    let mayFuse: Bool
    private var fused: DenseStackStep?
    private var recordedBatch = 0

    init(model: Sequential, x: Tensor, y: Tensor, loss: any Loss) {
        (self.model, self.x, self.y, self.loss) = (model, x, y, loss)
        mayFuse = model.allowsFusedSteps && DenseStackStep.denseLayers(of: model) != nil
    }

    /// The parameters the gradients went into.
    var parameters: [Tensor] { fused?.parameters ?? model.parameters }

    /// The regularized loss of the batch `rows`, after adding its gradient into the parameters.
    mutating func lossAfterBackward(rows: [Int]) -> Float {
        if mayFuse, let step = fused ?? DenseStackStep(model: model, x: x, y: y, loss: loss) {
            // The shapes `summary()` shows, as the graph path records them (the last batch's).
            if fused == nil || rows.count != recordedBatch {
                model.recordShapes(step.outputShapes(batch: rows.count))
                recordedBatch = rows.count
            }
            fused = step
            model.fusedBatches += 1
            return step.lossAfterBackward(rows: rows)
        }
        let lossTensor = model.regularized(
            loss(predicted: model(x.gathering(rows: rows), training: true), target: y.gathering(rows: rows)))
        lossTensor.backward()
        return lossTensor.scalar
    }
}
