import Testing

@testable import NeuralKit

/// Synchronous data-parallel training against one worker, `Sequential.fit` and a plain
/// full-batch `backward()`.
///
/// Swift Testing runs suites in parallel and the default generator is process-global, so
/// these tests draw weights and data from generators of their own and train unshuffled.
@Suite struct DataParallelTests {
    /// A two-layer regression model whose weights are drawn from `RandomGenerator(seed:)`.
    static func model(seed: UInt64, kernelRegularizer: (any Regularizer)? = nil) -> Sequential {
        let model = Sequential {
            Dense(6, inputSize: 3, activation: .tanh, kernelRegularizer: kernelRegularizer)
            Dense(1, inputSize: 6)
        }
        return reinitialized(model, seed: seed)
    }

    /// Overwrites every parameter with uniform values in [−0.8, 0.8) from `seed`.
    static func reinitialized(_ model: Sequential, seed: UInt64) -> Sequential {
        var generator = RandomGenerator(seed: seed)
        for parameter in model.parameters {
            parameter.assign(Tensor.uniform(parameter.shape, low: -0.8, high: 0.8, using: &generator).scalars)
        }
        return model
    }

    /// 42 samples of `y = tanh(x·a) + noise`: batches of 12 leave a last batch of 6, so
    /// shards of 4 workers are 3/3/3/3 and 1/2/1/2 samples.
    static func data() -> (Tensor, Tensor) {
        var generator = RandomGenerator(seed: 99)
        let x = Tensor.uniform([42, 3], low: -1, high: 1, using: &generator)
        let y =
            tanh(x.matmul(Tensor([[1], [-2], [0.5]])))
            + Tensor.normal([42, 1], standardDeviation: 0.1, using: &generator)
        return (x, y)
    }

    @Test(arguments: [1, 2, 4])
    func dataParallelFitMatchesSingleWorkerFit(workers: Int) {
        let (x, y) = Self.data()
        let reference = Self.model(seed: 1)
        reference.compile(optimizer: SGD(learningRate: 0.1, momentum: 0.9), loss: MeanSquaredError())
        let referenceHistory = reference.fit(x, y, epochs: 3, batchSize: 12, shuffle: false)

        let model = Self.model(seed: 1)
        let trainer = DataParallelTrainer(
            model: model, loss: MeanSquaredError(), optimizer: SGD(learningRate: 0.1, momentum: 0.9), workers: workers)
        let history = trainer.fit(x, y, epochs: 3, batchSize: 12, shuffle: false)

        #expect(history.stepLosses.count == 3 * 4)
        #expect(history.epochSeconds.count == 3)
        expectClose(history.loss, referenceHistory.loss, "epoch losses")
        for (got, want) in zip(model.parameters, reference.parameters) {
            expectClose(got.scalars, want.scalars, "parameters")
        }
        if workers == 1 {
            // One worker does exactly what fit does: weight 1, same operations, same bits.
            #expect(model.parameters.map(\.scalars) == reference.parameters.map(\.scalars))
        }
    }

    @Test func runsAreBitIdenticalWhateverTheThreadTiming() {
        let (x, y) = Self.data()
        var results: [([[Float]], [Float])] = []
        for _ in 0..<2 {
            let model = Self.model(seed: 2)
            let trainer = DataParallelTrainer(
                model: model, loss: MeanSquaredError(), optimizer: Adam(learningRate: 0.05), workers: 4)
            let history = trainer.fit(x, y, epochs: 4, batchSize: 8, shuffle: false)
            results.append((model.parameters.map(\.scalars), history.stepLosses))
        }
        #expect(results[0].0 == results[1].0)
        #expect(results[0].1 == results[1].1)
    }

    @Test(arguments: [2, 3, 4])
    func averagedGradientEqualsTheFullBatchGradient(workers: Int) {
        // Oracle: one plain backward() of the whole batch's mean loss plus the penalty.
        let (x, y) = Self.data()
        let model = Self.model(seed: 4, kernelRegularizer: L2(0.01))
        let batch = Array(0..<10)
        let (xb, yb) = (x.gathering(rows: batch), y.gathering(rows: batch))
        let trainer = DataParallelTrainer(
            model: model, loss: MeanSquaredError(), optimizer: GradientDescent(), workers: workers)
        let (loss, gradients) = trainer.lossAndGradient(xb, yb)

        let fullLoss = MeanSquaredError()(predicted: model(xb), target: yb) + (model.regularizationLoss ?? Tensor(0))
        fullLoss.backward()
        expectClose([loss], [fullLoss.scalar], "loss")
        #expect(gradients.count == model.parameters.count)
        for (gradient, parameter) in zip(gradients, model.parameters) {
            // Both sides must exist: comparing two missing gradients would prove nothing.
            #expect(gradient != nil && parameter.gradient != nil, "a gradient is missing")
            expectClose(gradient ?? [], parameter.gradient ?? [], "gradient")
        }
        model.parameters.forEach { $0.zeroGradient() }
    }

    @Test func threadedGradientIsTheWorkerOrderFoldOfSerialShardGradients() {
        let (x, y) = Self.data()
        Self.expectThreadedGradientIsTheFoldOfSerialShardGradients(
            Self.model(seed: 5), x: x.gathering(rows: Array(0..<11)), y: y.gathering(rows: Array(0..<11)),
            loss: MeanSquaredError())
    }

    /// Each shard's gradient computed serially on the calling thread, then summed 0, 1, 2
    /// with weights n_k/N, must give the threaded result bit for bit.
    static func expectThreadedGradientIsTheFoldOfSerialShardGradients(
        _ model: Sequential, x: Tensor, y: Tensor, loss: any Loss, workers: Int = 3
    ) {
        let trainer = DataParallelTrainer(model: model, loss: loss, optimizer: GradientDescent(), workers: workers)
        let (_, gradients) = trainer.lossAndGradient(x, y)
        #expect(model.parameters.allSatisfy { $0.gradient == nil }, "the workers leave the shared tensors alone")

        let count = x.shape[0]
        let shards = shardRanges(count: count, parts: workers)
        let shardGradients = shards.map { range in
            let rows = Array(range)
            var shardLoss = loss(
                predicted: model(x.gathering(rows: rows), training: true), target: y.gathering(rows: rows))
            if let penalty = model.regularizationLoss { shardLoss = shardLoss + penalty }
            shardLoss.backward()
            defer { model.parameters.forEach { $0.zeroGradient() } }
            return model.parameters.map { $0.gradient ?? [] }
        }
        let weights = shards.map { Float($0.count) / Float(count) }
        for index in model.parameters.indices {
            var expected = [Float](repeating: 0, count: model.parameters[index].count)
            for (shard, weight) in zip(shardGradients, weights) {
                for i in expected.indices { expected[i] += weight * shard[index][i] }
            }
            #expect(gradients[index] == expected, "parameter \(index) of \(model.layers.map(\.summaryName))")
        }
    }

    @Test func weightedSumFoldsInTheGivenOrder() {
        // In Float, 1 + 10⁸ rounds to 10⁸: the order of the sum decides the result.
        #expect(weightedSum([[1], [1e8], [-1e8]], weights: [1, 1, 1]) == [0])
        #expect(weightedSum([[1e8], [-1e8], [1]], weights: [1, 1, 1]) == [1])
        #expect(weightedSum([[2, 4], [6, 8]], weights: [0.5, 0.25]) == [2.5, 4])
    }

    @Test func shardsAreContiguousAndBalanced() {
        #expect(shardRanges(count: 10, parts: 4) == [0..<2, 2..<5, 5..<7, 7..<10])
        #expect(shardRanges(count: 2, parts: 4) == [0..<0, 0..<1, 1..<1, 1..<2])
        #expect(shardRanges(count: 9, parts: 1) == [0..<9])
    }

    @Test func moreWorkersThanSamplesLeavesSomeIdle() {
        let (x, y) = Self.data()
        let batch = [0, 1]
        let (xb, yb) = (x.gathering(rows: batch), y.gathering(rows: batch))
        let single = Self.model(seed: 6)
        let many = Self.model(seed: 6)
        DataParallelTrainer(model: single, loss: MeanSquaredError(), optimizer: GradientDescent(), workers: 1).step(
            xb, yb)
        DataParallelTrainer(model: many, loss: MeanSquaredError(), optimizer: GradientDescent(), workers: 8).step(
            xb, yb)
        for (got, want) in zip(many.parameters, single.parameters) {
            expectClose(got.scalars, want.scalars, "parameters")
        }
    }

    @Test func everyLayerTypeTrainsDataParallel() {
        var generator = RandomGenerator(seed: 21)
        // A CNN on 6×6 images with 2 channels.
        let images = Tensor.normal([10, 6, 6, 2], using: &generator)
        let classes = Tensor((0..<10).map { Float($0 % 3) })
        let cnn = Sequential {
            Conv2D(filters: 3, kernelSize: 3, padding: .same, activation: .relu, inputChannels: 2)
            MaxPool2D()
            Flatten()
            Dense(3, kernelRegularizer: L2(0.01))
        }
        Self.expectThreadedGradientIsTheFoldOfSerialShardGradients(
            cnn, x: images, y: classes, loss: SparseCategoricalCrossEntropy(fromLogits: true))

        // Token ids through an embedding, recurrent layers and a Transformer block.
        let tokens = Tensor(shape: [9, 5], scalars: (0..<45).map { Float(($0 * 7) % 11) })
        let targets = Tensor.normal([9, 1], using: &generator)
        let sequenceModels: [Sequential] = [
            Sequential {
                Embedding(inputDimension: 11, outputDimension: 4)
                SimpleRNN(units: 5, returnSequences: true)
                LSTM(units: 3)
                Dense(1)
            },
            Sequential {
                Embedding(inputDimension: 11, outputDimension: 8)
                TransformerBlock(heads: 2, keyDimension: 4, feedForwardSize: 16, causal: true, activation: .gelu)
                LayerNormalization()
                Flatten()
                Dense(1)
            },
        ]
        for model in sequenceModels {
            Self.expectThreadedGradientIsTheFoldOfSerialShardGradients(
                model, x: tokens, y: targets, loss: MeanSquaredError())
        }
    }

    @Test func dropoutMasksAreTheSameOnEveryRun() {
        let (x, y) = Self.data()
        func train() -> [[Float]] {
            RandomGenerator.global = RandomGenerator(seed: 12)  // the workers' masks derive from it
            let model = Self.reinitialized(
                Sequential {
                    Dense(16, inputSize: 3, activation: .relu)
                    Dropout(rate: 0.5)
                    Dense(1)
                }, seed: 3)
            let trainer = DataParallelTrainer(
                model: model, loss: MeanSquaredError(), optimizer: SGD(learningRate: 0.05), workers: 3)
            trainer.fit(x, y, epochs: 2, batchSize: 12, shuffle: false)
            return model.parameters.map(\.scalars)
        }
        let first = train()
        #expect(train() == first)

        // And the masks are really applied: without dropout the weights end elsewhere.
        let plain = Self.reinitialized(
            Sequential {
                Dense(16, inputSize: 3, activation: .relu)
                Dense(1)
            }, seed: 3)
        DataParallelTrainer(model: plain, loss: MeanSquaredError(), optimizer: SGD(learningRate: 0.05), workers: 3)
            .fit(x, y, epochs: 2, batchSize: 12, shuffle: false)
        #expect(plain.parameters.map(\.scalars) != first)
    }
}
