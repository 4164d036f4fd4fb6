import Testing

@testable import NeuralKit

/// Every loss against `Fixtures/reference.json`: the value on fixed inputs and its gradient
/// with respect to the predictions, both derived by hand in numpy (`Fixtures/reference.py`).
@Suite struct LossReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let make: @Sendable () -> any Loss
        var testDescription: String { name }

        init(_ name: String, _ make: @escaping @Sendable () -> any Loss) {
            self.name = name
            self.make = make
        }
    }

    static let cases: [Case] = [
        Case("mse") { MeanSquaredError() },
        Case("mseSum") { MeanSquaredError(reduction: .sum) },
        Case("mae") { MeanAbsoluteError() },
        Case("maeSum") { MeanAbsoluteError(reduction: .sum) },
        Case("bce") { BinaryCrossEntropy() },
        Case("bceSum") { BinaryCrossEntropy(reduction: .sum) },
        Case("bceSoftTargets") { BinaryCrossEntropy() },
        Case("bceSaturated") { BinaryCrossEntropy() },
        Case("bceLogits") { BinaryCrossEntropy(fromLogits: true) },
        Case("bceLogitsSum") { BinaryCrossEntropy(fromLogits: true, reduction: .sum) },
        Case("cce") { CategoricalCrossEntropy() },
        Case("cceSoftTargets") { CategoricalCrossEntropy() },
        Case("cceLogits") { CategoricalCrossEntropy(fromLogits: true) },
        Case("sparse") { SparseCategoricalCrossEntropy() },
        Case("sparseLogits") { SparseCategoricalCrossEntropy(fromLogits: true) },
    ]

    @Test(arguments: cases)
    func lossAndGradientMatchReference(_ testCase: Case) throws {
        let expected = try #require(Reference.shared.losses[testCase.name], "no reference for \(testCase.name)")
        let predicted = Tensor(shape: expected.shape, scalars: expected.predicted, requiresGradient: true)
        let target = Tensor(shape: expected.targetShape, scalars: expected.target)
        let lossFunction = testCase.make()
        let loss = lossFunction(predicted: predicted, target: target)
        #expect(loss.shape == [])
        loss.backward()
        expectClose([loss.scalar], [expected.loss], "loss")
        expectClose(predicted.gradient ?? [], expected.gradient, "∂loss/∂predicted")
    }
}
