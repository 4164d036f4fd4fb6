import Testing

@testable import NeuralKit

/// L1, L2 and L1L2 against `Fixtures/reference.json`: penalty and gradient on fixed weights
/// that include an exact 0 (where L1 takes the subgradient 0).
@Suite struct RegularizerReferenceTests {
    @Test(arguments: ["l1", "l2", "l1l2"])
    func penaltyAndGradientMatchReference(_ name: String) throws {
        let reference = Reference.shared.regularizers
        let expected = try #require(["l1": reference.l1, "l2": reference.l2, "l1l2": reference.l1l2][name])
        let regularizer: any Regularizer =
            switch name {
            case "l1": L1(expected.l1)
            case "l2": L2(expected.l2)
            default: L1L2(l1: expected.l1, l2: expected.l2)
            }
        let weights = Tensor(shape: reference.shape, scalars: reference.weights, requiresGradient: true)
        let penalty = regularizer.penalty(weights)
        penalty.backward()
        expectClose([penalty.scalar], [expected.penalty], "penalty")
        expectClose(weights.gradient ?? [], expected.gradient, "∂penalty/∂w")
    }

    @Test func kerasDefaultsAreOneHundredth() {
        #expect(L1().lambda == 0.01 && L2().lambda == 0.01)
        #expect(L1L2().l1 == 0 && L1L2().l2 == 0)
    }
}
