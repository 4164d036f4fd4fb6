import Testing

@testable import NeuralKit

@Suite struct TrainingTests {
    @Test func sameSeedGivesSameNumbers() {
        var first = RandomGenerator(seed: 42)
        var second = RandomGenerator(seed: 42)
        #expect((0..<5).map { _ in first.next() } == (0..<5).map { _ in second.next() })
        var fourth = RandomGenerator(seed: 42)
        var fifth = RandomGenerator(seed: 43)
        #expect(fourth.permutation(10) != fifth.permutation(10))
    }

    @Test func permutationIsAPermutation() {
        var generator = RandomGenerator(seed: 1)
        #expect(generator.permutation(100).sorted() == Array(0..<100))
    }

    @Test func uniformStaysInRangeWithTheRightMean() {
        var generator = RandomGenerator(seed: 3)
        let values = Tensor.uniform([10_000], low: 2, high: 4, using: &generator).scalars
        #expect(values.allSatisfy { $0 >= 2 && $0 < 4 })
        #expect(abs(values.reduce(0, +) / 10_000 - 3) < 0.02)
    }

    @Test func fitRecoversALinearRelation() {
        RandomGenerator.seedGlobal(0)
        let x = Tensor.uniform([200, 1])
        let y = x * 2 + 1
        let model = Sequential { Dense(1, inputSize: 1) }
        model.compile(optimizer: Adam(learningRate: 0.1), loss: MeanSquaredError())
        let history = model.fit(x, y, epochs: 200, batchSize: 32)
        let dense = model.layers[0] as? Dense
        #expect(abs((dense?.kernel?.scalar ?? 0) - 2) < 0.05)
        #expect(abs((dense?.bias?.scalar ?? 0) - 1) < 0.05)
        #expect(history.loss.count == 200)
        #expect(history.finalLoss < 1e-3)
    }

    @Test func epochLossIsTheSampleWeightedMeanOfBatchLosses() {
        // With learning rate 0 the parameters never move, so every epoch's loss is the MSE of
        // the whole data set, whatever the batches: (32·l₁ + 32·l₂ + 32·l₃ + 4·l₄)/100 = MSE.
        RandomGenerator.seedGlobal(5)
        let x = Tensor.uniform([100, 1])
        let y = Tensor.uniform([100, 1])
        let model = Sequential { Dense(1, inputSize: 1) }
        model.compile(optimizer: GradientDescent(learningRate: 0), loss: MeanSquaredError())
        let full = model.evaluate(x, y)
        let history = model.fit(x, y, epochs: 2)
        #expect(abs(history.loss[0] - full) < 1e-6)
        #expect(abs(history.loss[1] - full) < 1e-6)
    }
}

@Suite struct DenseWithGivenWeightsTests {
    @Test func givenWeightsComputeTheAffineMapAndTrain() {
        let layer = Dense(kernel: Tensor([[2]]), bias: Tensor([1]))
        #expect(layer(Tensor([[3], [0.5]])).scalars == [7, 2])
        #expect(layer.parameterCount == 2)
        let loss = MeanSquaredError()(predicted: layer(Tensor([[1]])), target: Tensor([[4]]))
        loss.backward()
        // ∂/∂w (wx + b − y)² = 2(3 − 4)·1 = −2, and the same for b.
        #expect(layer.kernel?.gradient == [-2])
        #expect(layer.bias?.gradient == [-2])
    }
}

@Suite struct FusedLossTests {
    /// The fused mean-squared-error node must agree bit for bit with the composed
    /// `mean(square(target − predicted))`, values and both gradients.
    @Test(arguments: [1, 4, 33, 100])
    func fusedMeanSquaredErrorIsBitIdenticalToTheComposedForm(count: Int) {
        var generator = RandomGenerator(seed: UInt64(count))
        var predictedValues = Tensor.uniform([count, 1], low: -2, high: 2, using: &generator).scalars
        let targetValues = Tensor.uniform([count, 1], low: -2, high: 2, using: &generator).scalars
        predictedValues[0] = targetValues[0]  // an exact hit: a zero gradient, whose sign must match
        func run(_ loss: (Tensor, Tensor) -> Tensor) -> (Float, [Float]?, [Float]?) {
            let predicted = Tensor(shape: [count, 1], scalars: predictedValues, requiresGradient: true)
            let target = Tensor(shape: [count, 1], scalars: targetValues, requiresGradient: true)
            let value = loss(predicted, target)
            (value * 3).backward()
            return (value.scalar, predicted.gradient, target.gradient)
        }
        let fused = run { MeanSquaredError()(predicted: $0, target: $1) }
        let composed = run { square($1 - $0).mean() }
        // Bit patterns, so even the sign of a zero gradient must agree.
        #expect(fused.0.bitPattern == composed.0.bitPattern)
        #expect(fused.1?.map(\.bitPattern) == composed.1?.map(\.bitPattern))
        #expect(fused.2?.map(\.bitPattern) == composed.2?.map(\.bitPattern))
    }
}

@Suite struct ValidationTests {
    static func data() -> (Tensor, Tensor) {
        var generator = RandomGenerator(seed: 11)
        let x = Tensor.uniform([50, 1], using: &generator)
        return (x, x * 3 - 1)
    }

    @Test func validationSplitHoldsOutTheLastSamplesAndReportsTheirLoss() {
        RandomGenerator.seedGlobal(3)
        let (x, y) = Self.data()
        let model = Sequential { Dense(1, inputSize: 1) }
        model.compile(optimizer: Adam(learningRate: 0.05), loss: MeanSquaredError())
        let history = model.fit(x, y, epochs: 5, batchSize: 8, validationSplit: 0.2)
        #expect(history.validationLoss.count == 5)
        // The last 10 samples (20 %) are the validation set, evaluated after the last epoch.
        let held = model.evaluate(x.slicing(axis: 0, range: 40..<50), y.slicing(axis: 0, range: 40..<50))
        #expect(history.validationLoss.last == held)
    }

    @Test func earlyStoppingEndsTrainingWhenTheLossStopsImproving() {
        RandomGenerator.seedGlobal(3)
        let (x, y) = Self.data()
        let model = Sequential { Dense(1, inputSize: 1) }
        // A learning rate of 0 never improves the loss (beyond the rounding of a reshuffled
        // sum, which minDelta ignores): the epoch after `patience` epochs without gain stops.
        model.compile(optimizer: GradientDescent(learningRate: 0), loss: MeanSquaredError())
        let history = model.fit(x, y, epochs: 100, earlyStopping: EarlyStopping(patience: 3, minDelta: 1e-6))
        #expect(history.stoppedEpoch == 5)
        #expect(history.loss.count == 5)
    }

    @Test func accuracyCountsRightClassifications() {
        let logits = Tensor([[2, 1, 0], [0, 3, 1], [1, 0, 5], [4, 0, 0]])
        #expect(Metric.accuracy.value(predicted: logits, target: Tensor([0, 1, 1, 0])) == 0.75)
        let oneHot = Tensor([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]])
        #expect(Metric.accuracy.value(predicted: logits, target: oneHot) == 0.75)
        #expect(
            Metric.accuracy.value(predicted: Tensor([[0.9], [0.2], [0.6]]), target: Tensor([[1], [1], [0]])) == Float(1)
                / 3)
    }
}
