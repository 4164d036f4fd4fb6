import Testing

@testable import NeuralKit

/// Every differentiable operation, checked against finite differences. Each case weights
/// the output by fixed random numbers before summing, so every output element matters.
@Suite struct GradientTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let shapes: [[Int]]
        let positive: Bool
        let function: @Sendable ([Tensor]) -> Tensor
        var testDescription: String { name }

        init(
            _ name: String, _ shapes: [[Int]], positive: Bool = false,
            _ function: @escaping @Sendable ([Tensor]) -> Tensor
        ) {
            self.name = name
            self.shapes = shapes
            self.positive = positive
            self.function = function
        }
    }

    static let cases: [Case] = [
        Case("add", [[3, 4], [3, 4]]) { $0[0] + $0[1] },
        Case("add broadcasting a row", [[3, 4], [4]]) { $0[0] + $0[1] },
        Case("subtract broadcasting a column", [[3, 4], [3, 1]]) { $0[0] - $0[1] },
        Case("multiply broadcasting both", [[3, 1], [1, 4]]) { $0[0] * $0[1] },
        Case("divide", [[2, 3], [2, 3]], positive: true) { $0[0] / $0[1] },
        Case("scalar arithmetic", [[5]]) { 2 * $0[0] - 1 + $0[0] / 4 },
        Case("negate", [[4]]) { -$0[0] },
        Case("exp", [[2, 3]]) { exp($0[0]) },
        Case("log", [[2, 3]], positive: true) { log($0[0]) },
        Case("sqrt", [[2, 3]], positive: true) { sqrt($0[0]) },
        Case("square", [[2, 3]]) { square($0[0]) },
        Case("pow", [[2, 3]], positive: true) { pow($0[0], 1.5) },
        Case("abs", [[2, 3]]) { abs($0[0]) },
        Case("relu", [[2, 3]]) { relu($0[0]) },
        Case("sigmoid", [[2, 3]]) { sigmoid($0[0]) },
        Case("tanh", [[2, 3]]) { tanh($0[0]) },
        Case("matmul", [[3, 4], [4, 2]]) { $0[0].matmul($0[1]) },
        Case("sum over axis 0", [[3, 4]]) { $0[0].sum(axis: 0) },
        Case("mean over the last axis", [[2, 3, 4]]) { $0[0].mean(axis: -1) },
        Case("mean", [[3, 4]]) { $0[0].mean() },
        Case("reshape", [[3, 4]]) { $0[0].reshaped([2, -1]) },
        Case("transpose", [[3, 4]]) { $0[0].transposed() },
        Case("gather rows with repeats", [[4, 3]]) { $0[0].gathering(rows: [3, 0, 3, 1]) },
        Case("an input used twice", [[3]]) { $0[0] * $0[0] + $0[0] },
        Case("clamp", [[3, 4]]) { clamp($0[0], min: -0.5, max: 0.5) },
        Case("softplus", [[2, 3]]) { softplus(4 * $0[0]) },
        Case("max over the last axis", [[3, 4]]) { $0[0].max(axis: -1) },
        Case("max over axis 0 keeping it", [[3, 4]]) { $0[0].max(axis: 0, keepingDimension: true) },
        Case("logSoftmax", [[3, 4]]) { $0[0].logSoftmax(axis: -1) },
        Case("logSoftmax over axis 0", [[3, 4]]) { $0[0].logSoftmax(axis: 0) },
        Case("softmax", [[3, 4]]) { $0[0].softmax(axis: 1) },
        Case("softmax over the middle axis", [[2, 3, 2]]) { $0[0].softmax(axis: 1) },
        Case("concatenate along axis 0", [[2, 3], [1, 3]]) { concatenated($0, axis: 0) },
        Case("concatenate along the last axis", [[2, 3], [2, 1], [2, 2]]) { concatenated($0, axis: -1) },
        Case("slice along axis 0", [[5, 3]]) { $0[0].slicing(axis: 0, range: 1..<4) },
        Case("slice along the middle axis", [[2, 5, 2]]) { $0[0].slicing(axis: 1, range: 2..<5) },
        Case("gather along the last axis", [[3, 4]]) { $0[0].gathering(indices: [2, 0, 2], alongAxis: 1) },
        Case("gather along axis 0", [[3, 4]]) { $0[0].gathering(indices: [2, 0, 1, 1], alongAxis: 0) },
        Case("binary cross-entropy", [[3, 2]], positive: true) {
            BinaryCrossEntropy()(predicted: $0[0] / 2.5, target: Tensor([[1, 0], [0, 1], [1, 1]]))
        },
        Case("binary cross-entropy from logits", [[3, 2], [3, 2]]) {
            BinaryCrossEntropy(fromLogits: true)(predicted: 3 * $0[0], target: $0[1])
        },
        Case("categorical cross-entropy", [[2, 3]], positive: true) {
            CategoricalCrossEntropy()(predicted: $0[0], target: Tensor([[0, 1, 0], [0.2, 0.3, 0.5]]))
        },
        Case("categorical cross-entropy from logits", [[2, 3]]) {
            CategoricalCrossEntropy(fromLogits: true)(predicted: 2 * $0[0], target: Tensor([[0, 1, 0], [1, 0, 0]]))
        },
        Case("sparse categorical cross-entropy from logits", [[3, 4]]) {
            SparseCategoricalCrossEntropy(fromLogits: true)(predicted: 2 * $0[0], target: Tensor([3, 0, 1]))
        },
        Case("mean absolute error", [[2, 3], [2, 3]]) { MeanAbsoluteError()(predicted: $0[0], target: $0[1]) },
        Case("batched matmul", [[2, 3, 4], [2, 4, 2]]) { $0[0].batchedMatmul($0[1]) },
        Case("batched matmul, other transposed", [[2, 3, 4], [2, 5, 4]]) {
            $0[0].batchedMatmul($0[1], transposeOther: true)
        },
        Case("permute axes", [[2, 3, 4]]) { $0[0].transposed([2, 0, 1]) },
        Case("swap the last two axes", [[2, 3, 4]]) { $0[0].swappingLastAxes() },
        Case("patches, valid", [[2, 4, 4, 2]]) {
            $0[0].extractingPatches(size: (3, 3), strides: (1, 1), padding: .valid)
        },
        Case("patches, same, strides 2, uneven padding", [[1, 5, 6, 2]]) {
            $0[0].extractingPatches(size: (3, 2), strides: (2, 2), padding: .same)
        },
        // Adding well-separated constants fixes each window's arg-max, so ±h never flips it.
        Case("max pooling, valid", [[2, 4, 4, 2]]) {
            ($0[0] + separated([2, 4, 4, 2])).maxPooled(size: (2, 2), strides: (2, 2), padding: .valid)
        },
        Case("max pooling, same, overlapping", [[1, 5, 5, 2]]) {
            ($0[0] + separated([1, 5, 5, 2])).maxPooled(size: (3, 3), strides: (2, 2), padding: .same)
        },
        Case("gelu", [[2, 3]]) { gelu(2 * $0[0]) },
        Case("gelu, tanh approximation", [[2, 3]]) { gelu(2 * $0[0], approximate: true) },
        Case("fill where masked", [[2, 3, 3]]) { $0[0].filling(where: Tensor.causalMask(3), with: -5) },
        Case("causally masked softmax", [[2, 3, 3]]) {
            $0[0].filling(where: Tensor.causalMask(3), with: -1e9).softmax(axis: -1)
        },
    ]

    @Test(arguments: cases)
    func backwardMatchesFiniteDifferences(_ testCase: Case) {
        let inputs = testCase.shapes.enumerated().map { index, shape in
            testCase.positive
                ? sample(shape, seed: UInt64(index + 1), low: 0.5, high: 2)
                : sample(shape, seed: UInt64(index + 1))
        }
        let outputShape = testCase.function(inputs).shape
        let weights = sample(outputShape, seed: 99)
        expectGradientsMatch(inputs) { (testCase.function($0) * weights).sum() }
    }

    @Test func gradientsAccumulateUntilZeroed() {
        let x = Tensor([1, 2, 3], requiresGradient: true)
        (x * 2).sum().backward()
        (x * 3).sum().backward()
        #expect(x.gradient == [5, 5, 5])
        x.zeroGradient()
        #expect(x.gradient == nil)
    }

    @Test func withoutGradientRecordsNothing() {
        let x = Tensor([1, 2, 3], requiresGradient: true)
        let y = withoutGradient { (x * 2).sum() }
        #expect(!y.requiresGradient)
    }
}
