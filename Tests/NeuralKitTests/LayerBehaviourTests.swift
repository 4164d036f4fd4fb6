import Testing

@testable import NeuralKit

/// What the layers promise beyond their gradients: training-mode behaviour, parameter counts,
/// initializers, shapes and the model summary.
@Suite struct LayerBehaviourTests {
    /// Records the mode of each call.
    final class ModeProbe: Layer {
        var modes: [Bool] = []
        func callAsFunction(_ input: Tensor) -> Tensor { self(input, training: false) }
        func callAsFunction(_ input: Tensor, training: Bool) -> Tensor {
            modes.append(training)
            return input
        }
        var parameters: [Tensor] { [] }
        var summaryName: String { "ModeProbe" }
    }

    @Test func fitTrainsInTrainingModeAndPredictAndEvaluateDoNot() {
        let probe = ModeProbe()
        let model = Sequential {
            Dense(1, inputSize: 1)
            probe
        }
        model.compile(optimizer: SGD(learningRate: 0.1), loss: MeanSquaredError())
        let (x, y) = (Tensor([[1], [2]]), Tensor([[1], [2]]))
        model.fit(x, y, epochs: 2, batchSize: 1)
        #expect(probe.modes == [true, true, true, true])
        _ = model.predict(x)
        _ = model.evaluate(x, y)
        _ = model(x)
        #expect(probe.modes.suffix(3) == [false, false, false])
    }

    @Test func dropoutIsTheIdentityOutsideTraining() {
        let x = sample([4, 5], seed: 1)
        #expect(Dropout(rate: 0.5)(x).scalars == x.scalars)
    }

    @Test(arguments: [Float(0.1), 0.3, 0.5])
    func dropoutZeroesAboutRateAndScalesTheSurvivors(_ rate: Float) {
        RandomGenerator.seedGlobal(9)
        let output = Dropout(rate: rate)(Tensor.ones([20_000]), training: true).scalars
        let dropped = Float(output.filter { $0 == 0 }.count) / 20_000
        #expect(abs(dropped - rate) < 0.015, "dropped \(dropped)")
        #expect(output.allSatisfy { $0 == 0 || abs($0 - 1 / (1 - rate)) < 1e-6 })
        #expect(abs(output.reduce(0, +) / 20_000 - 1) < 0.03, "the expected output equals the input")
    }

    @Test func parameterCountsFollowKerasFormulas() {
        RandomGenerator.seedGlobal(0)
        let attention = MultiHeadSelfAttention(heads: 2, keyDimension: 4)
        _ = attention(Tensor.zeros([1, 3, 8]))
        let norm = LayerNormalization()
        _ = norm(Tensor.zeros([1, 8]))
        let graph = GraphConvolution(units: 4, adjacency: Tensor.zeros([5, 5]), inputSize: 3)
        let counts: [(Layer, Int)] = [
            (Conv2D(filters: 8, kernelSize: 3, inputChannels: 3), 3 * 3 * 3 * 8 + 8),
            (SimpleRNN(units: 4, inputSize: 3), 3 * 4 + 4 * 4 + 4),
            (LSTM(units: 4, inputSize: 3), 4 * (3 * 4 + 4 * 4 + 4)),
            (Embedding(inputDimension: 10, outputDimension: 4), 40),
            // Keras: 3 × (8·2·4 + 2·4) for Q, K, V, plus 2·4·8 + 8 for the output.
            (attention, 3 * (8 * 8 + 8) + 8 * 8 + 8),
            (norm, 2 * 8),
            (graph, 3 * 4 + 4),
            (MaxPool2D(), 0), (Flatten(), 0), (Dropout(rate: 0.5), 0),
        ]
        for (layer, expected) in counts {
            #expect(layer.parameterCount == expected, "\(layer.summaryName)")
        }
    }

    @Test(arguments: [[3, 8], [8, 3], [5, 5]])
    func orthogonalHasOrthonormalRowsOrColumns(_ shape: [Int]) {
        var generator = RandomGenerator(seed: 12)
        let q = Tensor.orthogonal(shape, using: &generator)
        let gram = shape[0] < shape[1] ? q.matmul(q.transposed()) : q.transposed().matmul(q)
        let size = gram.shape[0]
        for (offset, value) in gram.scalars.enumerated() {
            #expect(abs(value - (offset / size == offset % size ? 1 : 0)) < 1e-5)
        }
    }

    @Test func lstmStartsWithForgetBiasOne() {
        let lstm = LSTM(units: 3, inputSize: 2)
        #expect(lstm.bias?.scalars == [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0])
    }

    @Test func denseOnASequenceMapsEveryPositionAlike() {
        RandomGenerator.seedGlobal(0)
        let dense = Dense(3, inputSize: 4, activation: .relu)
        let x = sample([2, 5, 4], seed: 2)
        let perPosition = dense(x.reshaped([10, 4]))
        #expect(dense(x).shape == [2, 5, 3])
        #expect(dense(x).scalars == perPosition.scalars)
    }

    @Test func attentionWithoutMaskIgnoresOrder() {
        // No positions: permuting the time steps of the input permutes the output the same way.
        RandomGenerator.seedGlobal(0)
        let attention = MultiHeadSelfAttention(heads: 2, keyDimension: 3)
        let x = sample([1, 4, 6], seed: 3)
        let order = [2, 0, 3, 1]
        let permuted = concatenated(order.map { x.slicing(axis: 1, range: $0..<($0 + 1)) }, axis: 1)
        let direct = attention(x)
        let reordered = concatenated(order.map { direct.slicing(axis: 1, range: $0..<($0 + 1)) }, axis: 1)
        expectClose(attention(permuted).scalars, reordered.scalars, "permuted output")
    }

    @Test func oneHotAndCausalMask() {
        #expect(Tensor.oneHot(Tensor([2, 0]), classes: 3).rows == [[0, 0, 1], [1, 0, 0]])
        #expect(Tensor.causalMask(3).rows == [[0, 1, 1], [0, 0, 1], [0, 0, 0]])
    }

    @Test func summaryKeepsItsFormatUntilShapesAreKnown() {
        RandomGenerator.seedGlobal(0)
        let model = Sequential { Dense(1, inputSize: 1) }
        let rule = String(repeating: "─", count: 38)
        let expected = [
            "Layer                          Params", rule, "Dense(1)                       2", rule, "Total params: 2",
        ]
        #expect(model.summary() == expected.joined(separator: "\n"))
    }

    @Test func summaryShowsOutputShapesLikeKeras() {
        RandomGenerator.seedGlobal(0)
        let model = Sequential {
            Conv2D(filters: 4, kernelSize: 3, activation: .relu)
            MaxPool2D(poolSize: 2)
            Flatten()
            Dense(2)
        }
        let lines = model.summary(inputShape: [6, 6, 1]).split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Layer") && lines[0].contains("Output shape") && lines[0].hasSuffix("Params"))
        let rows = lines[2..<6].map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(
            rows == [
                "Conv2D(4, 3×3, relu) (None, 4, 4, 4) 40", "MaxPool2D(2×2) (None, 2, 2, 4) 0",
                "Flatten (None, 16) 0", "Dense(2) (None, 2) 34",
            ])
        #expect(lines.last == "Total params: 74")
    }
}
