import Foundation
import Testing

@testable import NeuralKit

/// Optimizers against `Fixtures/reference.json`, which `Fixtures/reference.py` computes
/// independently in numpy: ten full-batch steps of linear regression under MSE.
@Suite struct OptimizerReferenceTests {
    struct Step: Decodable {
        let loss: Float
        let W: [Float]
        let b: [Float]
    }

    struct Reference: Decodable {
        let X: [Float]
        let y: [Float]
        let W0: [Float]
        let adam: [Step]
        let gradientDescent: [Step]
    }

    static func reference() throws -> Reference {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reference.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    /// Runs `optimizer` for as many steps as `expected` has, comparing loss and parameters
    /// within 1e-5 relative (1e-6 absolute near zero).
    func expectSteps(_ optimizer: any Optimizer, match expected: [Step], reference: Reference) {
        let X = Tensor(shape: [8, 3], scalars: reference.X)
        let y = Tensor(shape: [8, 1], scalars: reference.y)
        let W = Tensor(shape: [3, 1], scalars: reference.W0, requiresGradient: true)
        let b = Tensor.zeros([1], requiresGradient: true)
        for step in expected {
            let loss = MeanSquaredError()(predicted: X.matmul(W) + b, target: y)
            loss.backward()
            optimizer.update([W, b])
            W.zeroGradient()
            b.zeroGradient()
            let pairs = [(loss.scalar, step.loss)] + Array(zip(W.scalars, step.W)) + Array(zip(b.scalars, step.b))
            for (got, want) in pairs {
                #expect(abs(got - want) <= 1e-5 * abs(want) + 1e-6, "got \(got), want \(want)")
            }
        }
    }

    @Test func adamMatchesReferenceSteps() throws {
        let reference = try Self.reference()
        expectSteps(Adam(learningRate: 0.05), match: reference.adam, reference: reference)
    }

    @Test func gradientDescentMatchesReferenceSteps() throws {
        let reference = try Self.reference()
        expectSteps(GradientDescent(learningRate: 0.1), match: reference.gradientDescent, reference: reference)
    }
}
