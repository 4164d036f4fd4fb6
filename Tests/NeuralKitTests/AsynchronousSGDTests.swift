import Testing

@testable import NeuralKit

/// Asynchronous SGD against synchronous `fit` (τ = 0), a hand-written delayed recursion,
/// and the expected effect of staleness. Like `DataParallelTests`, it keeps away from the
/// process-global default generator (suites run in parallel).
@Suite struct AsynchronousSGDTests {
    /// 64 samples of `y = 2x + 1` on `[−1, 1)`.
    static func line(seed: UInt64) -> (Tensor, Tensor) {
        var generator = RandomGenerator(seed: seed)
        let x = Tensor.uniform([64, 1], low: -1, high: 1, using: &generator)
        return (x, x * 2 + 1)
    }

    /// `Dense(4, tanh)` then `Dense(1)`, weights from `RandomGenerator(seed:)`.
    static func smallNetwork(seed: UInt64) -> Sequential {
        DataParallelTests.reinitialized(
            Sequential {
                Dense(4, inputSize: 1, activation: .tanh); Dense(1, inputSize: 4)
            }, seed: seed)
    }

    @Test(arguments: [1, 4])
    func zeroStalenessIsSynchronousSGD(workers: Int) {
        let (x, y) = Self.line(seed: 1)
        let synchronous = Self.smallNetwork(seed: 2)
        synchronous.compile(optimizer: GradientDescent(learningRate: 0.2), loss: MeanSquaredError())
        let expected = synchronous.fit(x, y, epochs: 3, batchSize: 8, shuffle: false)

        let model = Self.smallNetwork(seed: 2)
        let asynchronous = AsynchronousSGD(
            model: model, loss: MeanSquaredError(), learningRate: 0.2, workers: workers, staleness: 0)
        let history = asynchronous.fit(x, y, epochs: 3, batchSize: 8, shuffle: false)
        #expect(history.loss == expected.loss)
        #expect(model.parameters.map(\.scalars) == synchronous.parameters.map(\.scalars))
    }

    @Test(arguments: [1, 2, 3])
    func gradientsComeFromParametersTauUpdatesOld(staleness: Int) {
        // Oracle: y = w·x without bias, full batch, so ∇L(w) = −2·mean(x(y − w x)) and
        // w_{t+1} = w_t − α ∇L(w_{max(0, t−τ)}), iterated here in Double.
        let (x, y) = Self.line(seed: 3)
        let dense = Dense(1, inputSize: 1, useBias: false)
        dense.kernel?.assign([0.5])
        let asynchronous = AsynchronousSGD(
            model: Sequential { dense }, loss: MeanSquaredError(), learningRate: 0.1, workers: 2, staleness: staleness)
        asynchronous.fit(x, y, epochs: 12, batchSize: 64, shuffle: false)

        let pairs = zip(x.scalars, y.scalars).map { (Double($0), Double($1)) }
        func gradient(_ w: Double) -> Double { -2 * pairs.reduce(0) { $0 + $1.0 * ($1.1 - w * $1.0) } / 64 }
        var weights = [0.5]
        for t in 0..<12 { weights.append(weights[t] - 0.1 * gradient(weights[max(0, t - staleness)])) }
        expectClose(dense.kernel?.scalars ?? [], [Float(weights[12])], "w after 12 stale updates")
    }

    @Test func stalenessSlowsAndThenBreaksConvergence() {
        // Same batches and rate, only τ differs: τ = 0 converges, τ = 2 stalls, τ = 4 diverges
        // (the delayed recursion is stable only for α·h below about 2·sin(π/(2(2τ+1)))).
        var finalLosses: [Float] = []
        for staleness in [0, 2, 4] {
            let (x, y) = Self.line(seed: 3)
            let model = DataParallelTests.reinitialized(Sequential { Dense(1, inputSize: 1) }, seed: 4)
            let asynchronous = AsynchronousSGD(
                model: model, loss: MeanSquaredError(), learningRate: 0.3, workers: 4, staleness: staleness)
            finalLosses.append(asynchronous.fit(x, y, epochs: 10, batchSize: 8, shuffle: false).finalLoss)
        }
        #expect(finalLosses[0] < 1e-6)
        #expect(finalLosses[1] > 100 * finalLosses[0] && finalLosses[1] > 1e-2)
        #expect(finalLosses[2] > 100 * finalLosses[1])
    }

    @Test func defaultStalenessIsWorkersMinusOne() {
        let model = Sequential { Dense(1, inputSize: 1) }
        #expect(AsynchronousSGD(model: model, loss: MeanSquaredError(), workers: 4).staleness == 3)
        #expect(AsynchronousSGD(model: model, loss: MeanSquaredError(), workers: 1).staleness == 0)
    }
}
