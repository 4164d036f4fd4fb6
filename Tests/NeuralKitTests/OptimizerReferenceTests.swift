import Testing

@testable import NeuralKit

/// Every optimizer against `Fixtures/reference.json`: ten full-batch steps of linear
/// regression under MSE, computed independently in numpy by `Fixtures/reference.py`.
@Suite struct OptimizerReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let clipNorm: Float?
        let make: @Sendable () -> any Optimizer
        var testDescription: String { name }

        init(_ name: String, clipNorm: Float? = nil, _ make: @escaping @Sendable () -> any Optimizer) {
            self.name = name
            self.clipNorm = clipNorm
            self.make = make
        }
    }

    static let cases: [Case] = [
        Case("gradientDescent") { GradientDescent(learningRate: 0.1) },
        Case("sgd") { SGD(learningRate: 0.1) },
        Case("sgdMomentum") { SGD(learningRate: 0.1, momentum: 0.9) },
        Case("sgdNesterov") { SGD(learningRate: 0.1, momentum: 0.9, nesterov: true) },
        Case("sgdMomentumClipped", clipNorm: 0.15) { SGD(learningRate: 0.1, momentum: 0.9) },
        Case("adagrad") { Adagrad(learningRate: 0.1) },
        Case("rmsprop") { RMSProp(learningRate: 0.01) },
        Case("adam") { Adam(learningRate: 0.05) },
        Case("adamw") { AdamW(learningRate: 0.05, weightDecay: 0.1) },
    ]

    @Test(arguments: cases)
    func optimizerMatchesReferenceSteps(_ testCase: Case) throws {
        let reference = Reference.shared
        let expected = try #require(reference.optimizers[testCase.name], "no reference for \(testCase.name)")
        let (X, y) = reference.regression
        let W = Tensor(shape: [3, 1], scalars: reference.W0, requiresGradient: true)
        let b = Tensor.zeros([1], requiresGradient: true)
        let optimizer = testCase.make()
        for (index, step) in expected.enumerated() {
            let loss = MeanSquaredError()(predicted: X.matmul(W) + b, target: y)
            loss.backward()
            if let clipNorm = testCase.clipNorm { clipGradients([W, b], maxNorm: clipNorm) }
            optimizer.update([W, b])
            W.zeroGradient()
            b.zeroGradient()
            expectClose([loss.scalar] + W.scalars + b.scalars, [step.loss] + step.W + step.b, "step \(index + 1)")
        }
    }

    @Test(arguments: 0..<2)
    func clippingMatchesReference(_ index: Int) {
        let expected = Reference.shared.clipping[index]
        let parameters = expected.gradients.map { gradient in
            let parameter = Tensor.zeros([gradient.count], requiresGradient: true)
            parameter.accumulateGradient(gradient)
            return parameter
        }
        let norm = clipGradients(parameters, maxNorm: expected.maxNorm)
        expectClose([norm], [expected.norm], "norm")
        for (parameter, clipped) in zip(parameters, expected.clipped) {
            expectClose(parameter.gradient ?? [], clipped, "clipped gradient")
        }
    }
}
