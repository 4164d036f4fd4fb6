import Foundation
import Testing

@testable import NeuralKit

/// What the stable formulations are for: the naive ones overflow where these stay finite.
@Suite struct NumericalStabilityTests {
    @Test func naiveBinaryCrossEntropyOverflowsWhereTheLogitsFormDoesNot() {
        // σ(40) rounds to 1 in Float, so log(1 − ŷ) = −∞.
        let z = Tensor([40, -3])
        let naive = BinaryCrossEntropy(clip: false)(predicted: sigmoid(z), target: Tensor([0, 1]))
        #expect(naive.scalar.isInfinite)
        let naiveNaN = BinaryCrossEntropy(clip: false)(predicted: sigmoid(z), target: Tensor([1, 1]))
        #expect(naiveNaN.scalar.isNaN)  // (1 − y)·log(1 − ŷ) = 0 · (−∞)
        let stable = BinaryCrossEntropy(fromLogits: true)(predicted: z, target: Tensor([0, 1]))
        let expected: Float = (40 + 3 + log1pf(expf(-3))) / 2
        #expect(abs(stable.scalar - expected) < 1e-4)
        let clipped = BinaryCrossEntropy()(predicted: sigmoid(Tensor([40])), target: Tensor([0]))
        #expect(clipped.scalar.isFinite && clipped.scalar > 15)  // −log(ε), not ∞
    }

    @Test func logitsGradientIsSigmoidMinusTargetEvenWhenSaturated() {
        let z = Tensor([200, -200, 0], requiresGradient: true)
        BinaryCrossEntropy(fromLogits: true, reduction: .sum)(predicted: z, target: Tensor([0, 0, 1])).backward()
        #expect(z.gradient == [1, 0, -0.5])
    }

    @Test func logSoftmaxAndSoftmaxStayFiniteForLargeLogits() {
        let logits = Tensor([[1000, 0], [-1000, -1000]])
        #expect(logits.logSoftmax(axis: 1).scalars == [0, -1000, -logf(2), -logf(2)])
        #expect(logits.softmax(axis: 1).scalars == [1, 0, 0.5, 0.5])
        let naive = log(exp(logits) / exp(logits).sum(axis: 1, keepingDimension: true))
        #expect(naive.scalars.contains { $0.isNaN })
    }

    @Test func softmaxRowsSumToOne() {
        let probabilities = sample([4, 6], seed: 3, low: -5, high: 5).softmax(axis: -1)
        for row in probabilities.rows { #expect(abs(row.reduce(0, +) - 1) < 1e-6) }
    }

    @Test func categoricalCrossEntropyFromLogitsSurvivesLargeLogits() {
        let loss = CategoricalCrossEntropy(fromLogits: true)(
            predicted: Tensor([[1000, 0, -1000]]), target: Tensor([[0, 1, 0]]))
        #expect(loss.scalar == 1000)
    }

    @Test func shapeOpsPickTheRightValues() {
        let x = Tensor([[1, 5, 2], [7, 0, 3]])
        #expect(x.max(axis: 1).scalars == [5, 7])
        #expect(x.max(axis: 0, keepingDimension: true).shape == [1, 3])
        #expect(x.argmax(axis: 1).scalars == [1, 0])
        #expect(x.argmax(axis: 0).scalars == [1, 0, 1])
        #expect(x.slicing(axis: 1, range: 1..<3).rows == [[5, 2], [0, 3]])
        #expect(x.gathering(indices: [2, 0], alongAxis: 1).scalars == [2, 7])
        let joined = concatenated([x, Tensor([[9], [8]])], axis: 1)
        #expect(joined.rows == [[1, 5, 2, 9], [7, 0, 3, 8]])
        #expect(concatenated([x, x], axis: 0).slicing(axis: 0, range: 2..<4).scalars == x.scalars)
        #expect(clamp(Tensor([-2, 0.5, 3]), min: 0, max: 1).scalars == [0, 0.5, 1])
    }

    @Test func sparseAndOneHotCrossEntropyAgree() {
        let logits = sample([3, 4], seed: 5, low: -2, high: 2)
        let sparse = SparseCategoricalCrossEntropy(fromLogits: true)(predicted: logits, target: Tensor([3, 0, 1]))
        let oneHot = CategoricalCrossEntropy(fromLogits: true)(
            predicted: logits, target: Tensor([[0, 0, 0, 1], [1, 0, 0, 0], [0, 1, 0, 0]]))
        #expect(abs(sparse.scalar - oneHot.scalar) < 1e-6)
    }
}

@Suite struct LogitsPrecisionTests {
    /// For z = 10, y = 1 the loss is log(1 + e⁻¹⁰) = 4.5398899e-5 (exact, in Double). Written
    /// as softplus(z) − z·y it came out 0.8% off in Float; the engine's form is exact to ~1e-7.
    @Test func binaryCrossEntropyFromLogitsKeepsItsDigitsForConfidentCorrectPredictions() {
        let loss = BinaryCrossEntropy(fromLogits: true)(predicted: Tensor([10]), target: Tensor([1])).scalar
        let exact = 4.5398899e-5
        #expect(abs(Double(loss) - exact) / exact < 1e-5)
    }
}
