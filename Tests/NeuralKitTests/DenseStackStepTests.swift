import Testing

@testable import NeuralKit

/// The fused training step for stacks of `Dense` layers must change nothing but the time:
/// each test trains two copies of a model from the same weights and seed, one through
/// `DenseStackStep` and one through the recorded graph, and asks for the same bits.
@Suite struct DenseStackStepTests {
    /// Trains the model `make()` builds twice, fused and not, and compares every epoch's loss
    /// and every trained parameter bit for bit.
    func expectSameTraining(
        _ make: () -> Sequential, x: Tensor, y: Tensor,
        fit: (Sequential) -> History
    ) {
        var results: [(History, [[Float]])] = []
        for fused in [true, false] {
            RandomGenerator.global = RandomGenerator(seed: 7)
            let model = make()
            model.allowsFusedSteps = fused
            let history = fit(model)
            // The fused copy must really have taken the fused path and the other copy the
            // graph (the test would pass trivially otherwise).
            #expect(fused ? model.fusedBatches > 0 : model.fusedBatches == 0, "fused: \(fused)")
            results.append((history, model.parameters.map(\.scalars)))
        }
        let (fused, graph) = (results[0], results[1])
        #expect(bits(fused.0.loss) == bits(graph.0.loss), "epoch losses")
        #expect(fused.0.loss.allSatisfy { $0.isFinite })
        for (index, (a, b)) in zip(fused.1, graph.1).enumerated() {
            #expect(bits(a) == bits(b), "parameter \(index)")
        }
    }

    func bits(_ values: [Float]) -> [UInt32] { values.map { $0.bitPattern } }

    /// A model of the given layers, compiled.
    static func compiled(_ optimizer: any Optimizer, _ loss: any Loss, @LayerBuilder _ layers: () -> [Layer])
        -> Sequential
    {
        let model = Sequential(layers())
        model.compile(optimizer: optimizer, loss: loss)
        return model
    }

    /// A regression problem with 100 samples: batches of 32 leave a last batch of 4.
    static func regression(features: Int) -> (Tensor, Tensor) {
        var generator = RandomGenerator(seed: 3)
        let x = Tensor.uniform([100, features], low: -1, high: 1, using: &generator)
        let noise = Tensor.normal([100, 1], mean: 0, standardDeviation: 0.1, using: &generator)
        let y = withoutGradient { x.sum(axis: 1, keepingDimension: true) * 2 + 1 + noise }
        return (x, y)
    }

    @Test func theArticlesExampleTrainsTheSame() {
        let (x, y) = Self.regression(features: 1)
        expectSameTraining(
            { Self.compiled(Adam(learningRate: 0.01), MeanSquaredError()) { Dense(1, inputSize: 1) } }, x: x, y: y,
            fit: { $0.fit(x, y, epochs: 30, batchSize: 32) })
    }

    @Test func everyActivationWithRegularizersClippingAndAccumulationTrainsTheSame() {
        let (x, y) = Self.regression(features: 3)
        expectSameTraining(
            {
                Self.compiled(SGD(learningRate: 0.05, momentum: 0.9), MeanSquaredError()) {
                    Dense(8, inputSize: 3, activation: .relu, kernelRegularizer: L2(0.01))
                    Dense(8, activation: .tanh)
                    Dense(8, activation: .sigmoid, kernelRegularizer: L1(0.001))
                    Dense(4, activation: .gelu, useBias: false)
                    Dense(1)
                }
            }, x: x, y: y,
            fit: { $0.fit(x, y, epochs: 8, batchSize: 16, clipNorm: 1, accumulationSteps: 2) })
    }

    @Test func aClassifierWithCrossEntropyTrainsTheSame() {
        var generator = RandomGenerator(seed: 5)
        let x = Tensor.normal([90, 4], mean: 0, standardDeviation: 1, using: &generator)
        let labels = Tensor(x.rows.map { row in row[0] + row[1] > 0 ? (row[2] > 0 ? 2 : 1) : 0 })
        expectSameTraining(
            {
                // No input size: the first layer draws its weights at its first call, on the
                // graph path, and later batches take the fused one.
                Self.compiled(Adam(), SparseCategoricalCrossEntropy(fromLogits: true)) {
                    Dense(16, activation: .relu, kernelRegularizer: L1L2(l1: 0.001, l2: 0.01))
                    Dense(3, kernelRegularizer: L2(0.01))
                }
            }, x: x, y: labels,
            fit: { $0.fit(x, labels, epochs: 6, batchSize: 16, accumulationSteps: 3, validationSplit: 0.2) })
    }

    @Test func aWideNetworkLikeTheBenchmarksTrainsTheSame() {
        // W2's shapes, large enough to share work between the cores (`SharedWork`): batches of
        // 128 are cut into rows 0..<60 and 60..<128, ∂A and ∂W run side by side, and Adam
        // updates the halves of the 256×256 kernel on both cores.
        var generator = RandomGenerator(seed: 9)
        let x = Tensor.normal([384, 64], mean: 0, standardDeviation: 1, using: &generator)
        let labels = Tensor((0..<384).map { Float($0 % 10) })
        expectSameTraining(
            {
                Self.compiled(Adam(), SparseCategoricalCrossEntropy(fromLogits: true)) {
                    Dense(256, inputSize: 64, activation: .relu)
                    Dense(256, activation: .relu)
                    Dense(10)
                }
            }, x: x, y: labels, fit: { $0.fit(x, labels, epochs: 2, batchSize: 128) })
    }

    @Test func theFusedMeanSquaredErrorGradientIsTheGraphs() {
        let predicted = Tensor([0.5, -0.25, 3, 0, 1e-20, -7], requiresGradient: true)
        let target = Tensor([0.5, 0.75, -1, 0, 0, 2])
        let loss = MeanSquaredError()(predicted: predicted, target: target)
        loss.backward()
        var gradient = [Float](repeating: .nan, count: 6)
        let value = predicted.scalars.withUnsafeBufferPointer { p in
            target.scalars.withUnsafeBufferPointer { t in
                gradient.withUnsafeMutableBufferPointer { g in
                    MeanSquaredError.meanWithGradient(
                        predicted: p.baseAddress!, target: t.baseAddress!, count: 6, gradient: g.baseAddress!)
                }
            }
        }
        #expect(value.bitPattern == loss.scalar.bitPattern)
        #expect(bits(gradient) == bits(predicted.gradient ?? []))
    }
}
