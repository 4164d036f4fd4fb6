import Testing

@testable import NeuralKit

/// Every layer's gradients, with respect to its input and to each of its parameters, checked
/// against finite differences on small sizes.
@Suite struct LayerGradientTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let inputShape: [Int]
        let makeLayer: @Sendable () -> Layer
        var testDescription: String { name }

        init(_ name: String, _ inputShape: [Int], _ makeLayer: @escaping @Sendable () -> Layer) {
            self.name = name
            self.inputShape = inputShape
            self.makeLayer = makeLayer
        }
    }

    static let cases: [Case] = [
        Case("Dense on [batch, time, features]", [2, 3, 4]) { Dense(3, activation: .tanh) },
        Case("Dense with GELU", [3, 4]) { Dense(2, activation: .gelu) },
        Case("Conv2D, valid", [2, 4, 4, 2]) { Conv2D(filters: 2, kernelSize: 3, activation: .tanh) },
        Case("Conv2D, same, strides 2", [1, 5, 6, 2]) { Conv2D(filters: 2, kernelSize: 3, strides: 2, padding: .same) },
        Case("Flatten", [2, 3, 2]) { Flatten() },
        Case("Dropout in inference", [3, 4]) { Dropout(rate: 0.5) },
        Case("LayerNormalization", [2, 3, 4]) { LayerNormalization() },
        Case("SimpleRNN, last state", [2, 4, 3]) { SimpleRNN(units: 3) },
        Case("SimpleRNN, sequences", [2, 3, 2]) { SimpleRNN(units: 2, returnSequences: true) },
        Case("LSTM, last state", [2, 3, 3]) { LSTM(units: 2) },
        Case("LSTM, sequences", [2, 3, 2]) { LSTM(units: 2, returnSequences: true) },
        Case("MultiHeadSelfAttention", [2, 3, 4]) { MultiHeadSelfAttention(heads: 2, keyDimension: 2) },
        Case("MultiHeadSelfAttention, causal", [2, 3, 4]) {
            MultiHeadSelfAttention(heads: 2, keyDimension: 2, causal: true)
        },
        Case("GraphConvolution", [4, 3]) {
            let adjacency = Tensor([[0, 1, 0, 1], [1, 0, 1, 0], [0, 1, 0, 0], [1, 0, 0, 0]])
            return GraphConvolution(units: 2, adjacency: adjacency, activation: .tanh)
        },
        Case("TransformerBlock, causal", [2, 3, 4]) {
            TransformerBlock(heads: 2, keyDimension: 2, feedForwardSize: 4, causal: true, activation: .gelu)
        },
        Case("Sequential of Conv2D, Flatten and Dense", [2, 4, 4, 1]) {
            Sequential {
                Conv2D(filters: 2, kernelSize: 2, strides: 2, activation: .tanh)
                Flatten()
                Dense(2)
            }
        },
    ]

    @Test(arguments: cases)
    func layerBackwardMatchesFiniteDifferences(_ testCase: Case) {
        RandomGenerator.seedGlobal(3)
        expectLayerGradientsMatch(testCase.makeLayer(), input: sample(testCase.inputShape, seed: 1))
    }

    @Test func maxPoolingBackwardMatchesFiniteDifferences() {
        // Distinct values 0.1 apart, so no window's arg-max changes under ±h.
        var generator = RandomGenerator(seed: 4)
        let input = Tensor(shape: [2, 4, 5, 2], scalars: generator.permutation(80).map { Float($0) * 0.1 - 4 })
        expectLayerGradientsMatch(MaxPool2D(poolSize: 2, strides: 1), input: input)
    }

    @Test func dropoutGradientIsItsMask() {
        // y = x ⊙ m/(1 − rate), so ∂(Σ y)/∂x = m/(1 − rate): 1/(1 − rate) where y kept x, 0 where dropped.
        let x = Tensor(shape: [50], scalars: (1...50).map { Float($0) / 10 }, requiresGradient: true)
        let y = Dropout(rate: 0.4)(x, training: true)
        y.sum().backward()
        #expect(x.gradient == y.scalars.map { $0 == 0 ? 0 : 1 / (1 - 0.4) })
        #expect(y.scalars.contains(0) && y.scalars.contains { $0 != 0 })
    }

    @Test func embeddingGradientReachesTheRowsLookedUpWithRepeats() {
        RandomGenerator.seedGlobal(3)
        let ids = Tensor([[1, 3, 1], [0, 2, 3]])
        let embedding = Embedding(inputDimension: 5, outputDimension: 2)
        expectLayerGradientsMatch(embedding, input: ids, differentiableInput: false)
    }
}
