import Foundation
import Testing

@testable import NeuralKit

/// `Fixtures/reference.json`, which `Fixtures/reference.py` computes independently in numpy.
struct Reference: Decodable {
    /// One optimizer step (or fit epoch) of linear regression: the loss before it, the
    /// parameters after it.
    struct Step: Decodable {
        let loss: Float
        let W: [Float]
        let b: [Float]
    }

    /// A loss on fixed inputs, and its gradient with respect to `predicted`.
    struct LossValue: Decodable {
        let predicted: [Float]
        let target: [Float]
        let shape: [Int]
        let targetShape: [Int]
        let loss: Float
        let gradient: [Float]
    }

    struct Clipping: Decodable {
        let maxNorm: Float
        let gradients: [[Float]]
        let norm: Float
        let clipped: [[Float]]
    }

    struct Penalty: Decodable {
        let l1: Float
        let l2: Float
        let penalty: Float
        let gradient: [Float]
    }

    struct Regularizers: Decodable {
        let weights: [Float]
        let shape: [Int]
        let l1: Penalty
        let l2: Penalty
        let l1l2: Penalty
    }

    struct Plateau: Decodable {
        let losses: [Float]
        let initialLearningRate: Float
        let factor: Float
        let patience: Int
        let minDelta: Float
        let cooldown: Int
        let minLearningRate: Float
        let learningRates: [Float]
    }

    /// `fit` for ten full-batch epochs: per-epoch loss and rate, final parameters.
    struct Fit: Decodable {
        let loss: [Float]
        let learningRates: [Float]
        let W: [Float]
        let b: [Float]
    }

    let X: [Float]
    let y: [Float]
    let W0: [Float]
    let optimizers: [String: [Step]]
    let losses: [String: LossValue]
    let clipping: [Clipping]
    let regularizers: Regularizers
    let schedules: [String: [Float]]
    let plateau: Plateau
    let fit: [String: Fit]

    /// The fixture, decoded once.
    static let shared: Reference = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reference.json")
        do {
            return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    /// The regression inputs `X: [8, 3]`, `y: [8, 1]`.
    var regression: (x: Tensor, y: Tensor) {
        (Tensor(shape: [8, 3], scalars: X), Tensor(shape: [8, 1], scalars: y))
    }
}

/// Expects equal lengths and every pair within 1e-5 relative, 1e-6 absolute near zero.
func expectClose(
    _ got: [Float], _ want: [Float], _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(got.count == want.count, "\(what): \(got.count) values, want \(want.count)", sourceLocation: sourceLocation)
    for (index, (g, w)) in zip(got, want).enumerated() {
        #expect(
            abs(g - w) <= 1e-5 * abs(w) + 1e-6, "\(what)[\(index)]: got \(g), want \(w)",
            sourceLocation: sourceLocation)
    }
}
