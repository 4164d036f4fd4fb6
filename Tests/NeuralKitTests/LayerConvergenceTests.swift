import Foundation
import Testing

@testable import NeuralKit

/// Every layer type learns a toy task with `fit`: the training loss must fall below a
/// threshold within a few hundred small steps (fixed seeds; each test well under a second).
@Suite struct LayerConvergenceTests {
    /// Horizontal (class 0) or vertical (class 1) stripes of random phase on a 6×6 image, plus noise.
    static func stripes(_ count: Int) -> (x: Tensor, y: Tensor) {
        var pixels: [Float] = []
        var labels: [Float] = []
        for sample in 0..<count {
            let vertical = sample % 2 == 1
            let phase = RandomGenerator.global.nextInt(below: 2)
            for row in 0..<6 {
                for column in 0..<6 {
                    let stripe = ((vertical ? column : row) + phase) % 2 == 0
                    pixels.append((stripe ? 1 : 0) + 0.2 * RandomGenerator.global.nextUniform())
                }
            }
            labels.append(vertical ? 1 : 0)
        }
        return (Tensor(shape: [count, 6, 6, 1], scalars: pixels), Tensor(labels))
    }

    @Test func convolutionalNetworkTellsHorizontalFromVerticalStripes() {
        RandomGenerator.seedGlobal(1)
        let (x, y) = Self.stripes(32)
        let model = Sequential {
            Conv2D(filters: 4, kernelSize: 3, activation: .relu, inputChannels: 1)
            MaxPool2D(poolSize: 2)
            Flatten()
            Dense(2)
        }
        model.compile(optimizer: Adam(learningRate: 0.02), loss: SparseCategoricalCrossEntropy(fromLogits: true))
        let history = model.fit(x, y, epochs: 25, batchSize: 16)
        #expect(history.finalLoss < 0.05, "loss \(history.loss.first ?? 0) → \(history.finalLoss)")
    }

    @Test func simpleRNNLearnsTheMeanOfASequence() {
        RandomGenerator.seedGlobal(2)
        let x = Tensor.uniform([64, 5, 1])
        let y = x.mean(axis: 1)  // [64, 1]
        let model = Sequential {
            SimpleRNN(units: 8, inputSize: 1)
            Dense(1)
        }
        model.compile(optimizer: Adam(learningRate: 0.02), loss: MeanSquaredError())
        let history = model.fit(x, y, epochs: 60, batchSize: 16)
        #expect(history.finalLoss < 3e-3, "loss \(history.loss.first ?? 0) → \(history.finalLoss)")
    }

    @Test func lstmRemembersTheFirstBitOfASequence() {
        RandomGenerator.seedGlobal(3)
        let bits = Tensor(
            shape: [64, 6, 1], scalars: (0..<384).map { _ in Float(RandomGenerator.global.nextInt(below: 2)) })
        let y = bits.slicing(axis: 1, range: 0..<1).reshaped([64, 1])
        let model = Sequential {
            LSTM(units: 8, inputSize: 1)
            Dense(1)
        }
        model.compile(optimizer: Adam(learningRate: 0.03), loss: BinaryCrossEntropy(fromLogits: true))
        let history = model.fit(bits * 2 - 1, y, epochs: 20, batchSize: 16)
        #expect(history.finalLoss < 0.05, "loss \(history.loss.first ?? 0) → \(history.finalLoss)")
    }

    @Test func embeddingLearnsAValuePerToken() {
        RandomGenerator.seedGlobal(4)
        let ids = Tensor(shape: [40, 1], scalars: (0..<40).map { Float($0 % 10) })
        let y = Tensor(shape: [40, 1], scalars: (0..<40).map { sinf(Float($0 % 10)) })
        let model = Sequential {
            Embedding(inputDimension: 10, outputDimension: 4)
            Flatten()
            Dense(1)
        }
        model.compile(optimizer: Adam(learningRate: 0.05), loss: MeanSquaredError())
        let history = model.fit(ids, y, epochs: 60, batchSize: 10)
        #expect(history.finalLoss < 1e-3, "loss \(history.loss.first ?? 0) → \(history.finalLoss)")
    }

    /// Sequences of 4 tokens from 0..<6; the target is the largest token.
    static func largestTokens(_ count: Int) -> (x: Tensor, y: Tensor) {
        let tokens = (0..<(count * 4)).map { _ in Float(RandomGenerator.global.nextInt(below: 6)) }
        let largest = (0..<count).map { tokens[($0 * 4)..<($0 * 4 + 4)].max() ?? 0 }
        return (Tensor(shape: [count, 4], scalars: tokens), Tensor(largest))
    }

    @Test func selfAttentionPicksTheLargestToken() {
        RandomGenerator.seedGlobal(5)
        let (x, y) = Self.largestTokens(64)
        let model = Sequential {
            Embedding(inputDimension: 6, outputDimension: 8)
            MultiHeadSelfAttention(heads: 2, keyDimension: 4)
            Flatten()
            Dense(6)
        }
        model.compile(optimizer: Adam(learningRate: 0.02), loss: SparseCategoricalCrossEntropy(fromLogits: true))
        let history = model.fit(x, y, epochs: 15, batchSize: 16)
        #expect(history.finalLoss < 0.1, "loss \(history.loss.first ?? 0) → \(history.finalLoss)")
    }

    @Test func transformerBlockPicksTheLargestToken() {
        RandomGenerator.seedGlobal(6)
        let (x, y) = Self.largestTokens(64)
        let model = Sequential {
            Embedding(inputDimension: 6, outputDimension: 8)
            TransformerBlock(heads: 2, keyDimension: 4, feedForwardSize: 16, causal: true)
            Flatten()
            Dense(6)
        }
        model.compile(optimizer: Adam(learningRate: 0.02), loss: SparseCategoricalCrossEntropy(fromLogits: true))
        let history = model.fit(x, y, epochs: 25, batchSize: 16)
        #expect(history.finalLoss < 0.15, "loss \(history.loss.first ?? 0) → \(history.finalLoss)")
    }

    @Test func graphConvolutionSeparatesTwoCommunities() {
        // Two 5-cliques joined by the single edge 4–5; one-hot node ids as features.
        RandomGenerator.seedGlobal(7)
        var adjacency = [Float](repeating: 0, count: 100)
        for i in 0..<10 {
            for j in 0..<10 where i != j && (i < 5) == (j < 5) { adjacency[i * 10 + j] = 1 }
        }
        (adjacency[4 * 10 + 5], adjacency[5 * 10 + 4]) = (1, 1)
        let graph = Tensor(shape: [10, 10], scalars: adjacency)
        let model = Sequential {
            GraphConvolution(units: 8, adjacency: graph, activation: .relu)
            GraphConvolution(units: 2, adjacency: graph)
        }
        model.compile(optimizer: Adam(learningRate: 0.05), loss: SparseCategoricalCrossEntropy(fromLogits: true))
        let labels = Tensor((0..<10).map { $0 < 5 ? Float(0) : 1 })
        let history = model.fit(
            Tensor.oneHot(Tensor((0..<10).map(Float.init)), classes: 10), labels,
            epochs: 60, batchSize: 10, shuffle: false)
        #expect(history.finalLoss < 0.05, "loss \(history.loss.first ?? 0) → \(history.finalLoss)")
    }

    @Test func layerNormalizationAndDropoutTrainARegression() {
        RandomGenerator.seedGlobal(8)
        let x = Tensor.uniform([128, 2], low: -1, high: 1)
        let y = (x.slicing(axis: 1, range: 0..<1) - 0.5 * x.slicing(axis: 1, range: 1..<2)) * 2
        let model = Sequential {
            Dense(16, inputSize: 2, activation: .tanh)
            LayerNormalization()
            Dropout(rate: 0.1)
            Dense(1)
        }
        model.compile(optimizer: Adam(learningRate: 0.02), loss: MeanSquaredError())
        let history = model.fit(x, y, epochs: 40, batchSize: 32)
        let loss = MeanSquaredError()(predicted: model(x), target: y).scalar  // inference mode: nothing dropped
        #expect(loss < 0.05, "fit loss \(history.loss.first ?? 0) → \(history.finalLoss), evaluate \(loss)")
    }
}
