import Testing

@testable import NeuralKit

/// `fit` end to end: regularizers, schedules, clipping, accumulation and the plateau
/// callback, against the numpy reference or against an equivalent run.
@Suite struct FitTests {
    /// `Dense(1)` on the reference regression problem, starting from the reference `W0`.
    static func regressionModel(_ optimizer: any Optimizer, kernelRegularizer: (any Regularizer)? = nil) -> (
        Sequential, Dense
    ) {
        let dense = Dense(1, inputSize: 3, kernelRegularizer: kernelRegularizer)
        dense.kernel?.assign(Reference.shared.W0)
        let model = Sequential { dense }
        model.compile(optimizer: optimizer, loss: MeanSquaredError())
        return (model, dense)
    }

    static func expectMatches(_ history: History, _ dense: Dense, _ name: String) throws {
        let expected = try #require(Reference.shared.fit[name], "no reference for \(name)")
        expectClose(history.loss, expected.loss, "epoch losses")
        expectClose(history.learningRates, expected.learningRates, "learning rates")
        expectClose(dense.kernel?.scalars ?? [], expected.W, "W")
        expectClose(dense.bias?.scalars ?? [], expected.b, "b")
    }

    @Test func fitAddsThePenaltyToTheLossItDifferentiatesAndReports() throws {
        let (model, dense) = Self.regressionModel(
            GradientDescent(learningRate: 0.1), kernelRegularizer: L1L2(l1: 0.01, l2: 0.05))
        let (x, y) = Reference.shared.regression
        let history = model.fit(x, y, epochs: 10, batchSize: 8, shuffle: false)
        try Self.expectMatches(history, dense, "l1l2GradientDescent")
    }

    @Test func fitSchedulesAndClipsEveryStep() throws {
        let (model, dense) = Self.regressionModel(SGD(learningRate: 1, momentum: 0.9))
        let (x, y) = Reference.shared.regression
        let schedule = ExponentialDecay(initialLearningRate: 0.2, decaySteps: 3, decayRate: 0.5)
        let history = model.fit(x, y, epochs: 10, batchSize: 8, shuffle: false, schedule: schedule, clipNorm: 0.2)
        try Self.expectMatches(history, dense, "scheduledClippedMomentum")
    }

    @Test func accumulatingTwoHalfBatchesEqualsOneFullBatch() {
        let (x, y) = Reference.shared.regression
        let (full, fullDense) = Self.regressionModel(Adam(learningRate: 0.05))
        let (halves, halvesDense) = Self.regressionModel(Adam(learningRate: 0.05))
        let fullHistory = full.fit(x, y, epochs: 5, batchSize: 8, shuffle: false)
        let halvesHistory = halves.fit(x, y, epochs: 5, batchSize: 4, shuffle: false, accumulationSteps: 2)
        expectClose(halvesHistory.loss, fullHistory.loss, "epoch losses")
        expectClose(halvesDense.kernel?.scalars ?? [], fullDense.kernel?.scalars ?? [], "W")
        expectClose(halvesDense.bias?.scalars ?? [], fullDense.bias?.scalars ?? [], "b")
    }

    @Test func reportedLossIncludesThePenaltyLikeEvaluate() {
        // With learning rate 0 nothing moves: every epoch reports MSE + λΣW², as evaluate does.
        let (model, dense) = Self.regressionModel(GradientDescent(learningRate: 0), kernelRegularizer: L2(0.5))
        let (x, y) = Reference.shared.regression
        let mse = withoutGradient { MeanSquaredError()(predicted: model(x), target: y).scalar }
        let penalty = 0.5 * Reference.shared.W0.reduce(0) { $0 + $1 * $1 }
        let history = model.fit(x, y, epochs: 2, batchSize: 3)
        #expect(dense.regularizationLoss != nil)
        expectClose(history.loss, [mse + penalty, mse + penalty], "epoch losses")
        expectClose([model.evaluate(x, y)], [mse + penalty], "evaluate")
    }

    @Test func plateauLowersTheRateFromTheEpochLosses() {
        RandomGenerator.seedGlobal(11)
        let x = Tensor.uniform([64, 1])
        let y = Tensor.uniform([64, 1])  // noise: the loss soon stops improving
        let model = Sequential { Dense(1, inputSize: 1) }
        model.compile(optimizer: SGD(learningRate: 0.5), loss: MeanSquaredError())
        let plateau = ReduceLROnPlateau(factor: 0.5, patience: 2, minDelta: 1e-3)
        let history = model.fit(x, y, epochs: 30, batchSize: 16, reduceOnPlateau: plateau)
        // Replaying the callback on the reported losses must give the recorded rates.
        let replay = ReduceLROnPlateau(factor: 0.5, patience: 2, minDelta: 1e-3)
        var rate: Float = 0.5
        var expected: [Float] = []
        for loss in history.loss {
            expected.append(rate)
            rate = replay.update(epochLoss: loss, learningRate: rate)
        }
        #expect(history.learningRates == expected)
        #expect(history.learningRates.last ?? 0.5 < 0.5)
    }

    @Test func scheduleStepsCountUpdatesNotEpochs() {
        let (model, _) = Self.regressionModel(SGD(learningRate: 1))
        let (x, y) = Reference.shared.regression
        let schedule = StepDecay(initialLearningRate: 0.1, factor: 0.5, stepSize: 2)
        // 8 samples in batches of 2: four updates (steps 0…3) per epoch; the last one is recorded.
        let history = model.fit(x, y, epochs: 3, batchSize: 2, schedule: schedule)
        #expect(history.learningRates == [3, 7, 11].map { schedule.learningRate(at: $0) })
    }
}
