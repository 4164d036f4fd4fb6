import Testing

@testable import NeuralKit

/// Adam's update runs eight lanes at a time and, for a large parameter, its two halves on the
/// two cores: neither may change a bit. The oracle is the same update applied to each element
/// as a one-element parameter (the scalar path, never split).
@Suite struct AdamVectorizationTests {
    @Test func aLargeOddSizedParameterUpdatesAsItsElementsDoOneByOne() {
        let count = 20_011  // above SharedWork's threshold; odd, so the halves and the tails are uneven
        var generator = RandomGenerator(seed: 4)
        let start = Tensor.normal([count], using: &generator).scalars
        let gradients = (0..<3).map { _ in Tensor.normal([count], using: &generator).scalars }

        let whole = Tensor(shape: [count], scalars: start, requiresGradient: true)
        let wholeAdam = Adam(learningRate: 0.01)
        let singles = start.map { Tensor(shape: [1], scalars: [$0], requiresGradient: true) }
        let singlesAdam = Adam(learningRate: 0.01)
        for gradient in gradients {
            whole.accumulateGradient(gradient)
            wholeAdam.update([whole])
            whole.zeroGradient()
            for (single, g) in zip(singles, gradient) { single.accumulateGradient([g]) }
            singlesAdam.update(singles)
            singles.forEach { $0.zeroGradient() }
        }
        #expect(100 * count >= SharedWork.minimumSharedFlops)
        #expect(whole.scalars.map { $0.bitPattern } == singles.map { $0.scalars[0].bitPattern })
        #expect(whole.scalars != start)
    }
}

/// Optimizer state belongs to a parameter, not to an address that a later tensor may reuse.
@Suite struct OptimizerSlotTests {
    @Test func aTensorAtAFreedParametersAddressStartsFromZeroMoments() {
        // Short-lived parameters, one after another: the allocator hands freed addresses to
        // the next tensors, yet every new tensor must start from zero moments, and its serial
        // (the store's key) is never one seen before.
        var store = SlotStore()
        var serials = Set<UInt64>()
        var addresses = Set<ObjectIdentifier>()
        var reusedAddresses = 0
        for _ in 0..<500 {
            let parameter = Tensor(shape: [6], scalars: [1, 2, 3, 4, 5, 6], requiresGradient: true)
            #expect(store.buffer(for: parameter).values == Array(repeating: 0, count: 6))
            store.buffer(for: parameter).values = Array(repeating: 9, count: 6)
            #expect(serials.insert(parameter.serial).inserted)
            if !addresses.insert(ObjectIdentifier(parameter)).inserted { reusedAddresses += 1 }
        }
        // The case the test is about happened (addresses were reused), so it could have failed.
        #expect(reusedAddresses > 0)
    }
}
