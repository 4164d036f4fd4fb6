import Testing

@testable import NeuralKit

/// Learning-rate schedules at steps 0…25 and `ReduceLROnPlateau` on a fixed loss sequence,
/// against `Fixtures/reference.py`'s independent formulas.
@Suite struct ScheduleReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let make: @Sendable () -> any LearningRateSchedule
        var testDescription: String { name }

        init(_ name: String, _ make: @escaping @Sendable () -> any LearningRateSchedule) {
            self.name = name
            self.make = make
        }
    }

    static let cases: [Case] = [
        Case("stepDecay") { StepDecay(initialLearningRate: 0.1, factor: 0.5, stepSize: 5) },
        Case("exponentialDecay") { ExponentialDecay(initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5) },
        Case("exponentialDecayStaircase") {
            ExponentialDecay(initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true)
        },
        Case("cosineDecay") { CosineDecay(initialLearningRate: 0.1, decaySteps: 20) },
        Case("cosineDecayAlpha") { CosineDecay(initialLearningRate: 0.1, decaySteps: 20, alpha: 0.1) },
        Case("warmupCosine") { LinearWarmup(CosineDecay(initialLearningRate: 0.1, decaySteps: 15), warmupSteps: 5) },
        Case("warmupFromStart") {
            LinearWarmup(
                ExponentialDecay(initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5), warmupSteps: 4,
                initialLearningRate: 0.01)
        },
    ]

    @Test(arguments: cases)
    func scheduleMatchesReference(_ testCase: Case) throws {
        let expected = try #require(Reference.shared.schedules[testCase.name], "no reference for \(testCase.name)")
        expectClose(testCase.make().learningRates(steps: expected.count), expected, testCase.name)
    }

    @Test func reduceOnPlateauMatchesKerasOnAFixedLossSequence() {
        let reference = Reference.shared.plateau
        let plateau = ReduceLROnPlateau(
            factor: reference.factor, patience: reference.patience, minDelta: reference.minDelta,
            cooldown: reference.cooldown, minLearningRate: reference.minLearningRate)
        var learningRate = reference.initialLearningRate
        var rates: [Float] = []
        for loss in reference.losses {
            learningRate = plateau.update(epochLoss: loss, learningRate: learningRate)
            rates.append(learningRate)
        }
        expectClose(rates, reference.learningRates, "learning rates")
    }
}
