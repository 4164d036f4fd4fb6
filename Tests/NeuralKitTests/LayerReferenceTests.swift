import Testing

@testable import NeuralKit

/// Layer outputs against the numpy reference (`Fixtures/reference.py`), within 1e-5 relative.
@Suite struct LayerReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// The engine's outputs for the fixture case, in the fixture's order.
        let outputs: @Sendable (LayerReference.Case) -> [Tensor]
        var testDescription: String { name }

        init(_ name: String, _ outputs: @escaping @Sendable (LayerReference.Case) -> [Tensor]) {
            self.name = name
            self.outputs = outputs
        }
    }

    /// Builds `layer` with a first call, sets its parameters to the fixture's, and applies it.
    static func apply(_ layer: Layer, _ fixture: LayerReference.Case) -> Tensor {
        let input = fixture.inputs[0].tensor
        _ = layer(input)
        guard layer.parameters.map(\.shape) == fixture.parameters.map(\.shape) else {
            Issue.record(
                "parameters \(layer.parameters.map(\.shape)) differ from the fixture's \(fixture.parameters.map(\.shape))"
            )
            return Tensor(0)
        }
        for (parameter, values) in zip(layer.parameters, fixture.parameters) { parameter.assign(values.scalars) }
        return layer(input)
    }

    static let cases: [Case] = [
        Case("conv2dValid") { [apply(Conv2D(filters: 3, kernelSize: 3), $0)] },
        Case("conv2dSameStrides2") { [apply(Conv2D(filters: 2, kernelSize: 3, strides: 2, padding: .same), $0)] },
        Case("conv2dSameEvenKernel") { [apply(Conv2D(filters: 2, kernelSize: 2, padding: .same), $0)] },
        Case("maxPoolValid") { [apply(MaxPool2D(poolSize: 2), $0)] },
        Case("maxPoolSameStrides2") { [apply(MaxPool2D(poolSize: 3, strides: 2, padding: .same), $0)] },
        Case("layerNormalization") { [apply(LayerNormalization(), $0)] },
        Case("simpleRNN") { [apply(SimpleRNN(units: 3, returnSequences: true), $0)] },
        Case("lstm") { [apply(LSTM(units: 2, returnSequences: true), $0)] },
        Case("attention") { fixture in
            let attention = MultiHeadSelfAttention(heads: 2, keyDimension: 3)
            return [apply(attention, fixture), attention.lastAttentionWeights ?? Tensor(0)]
        },
        Case("attentionCausal") { fixture in
            let attention = MultiHeadSelfAttention(heads: 2, keyDimension: 3, causal: true)
            return [apply(attention, fixture), attention.lastAttentionWeights ?? Tensor(0)]
        },
        Case("graphConvolution") { fixture in
            let layer = GraphConvolution(units: 2, adjacency: fixture.inputs[0].tensor)
            _ = layer(fixture.inputs[1].tensor)
            for (parameter, values) in zip(layer.parameters, fixture.parameters) { parameter.assign(values.scalars) }
            return [layer.normalizedAdjacency, layer(fixture.inputs[1].tensor)]
        },
        Case("gelu") { [gelu($0.inputs[0].tensor)] },
        Case("geluApproximate") { [gelu($0.inputs[0].tensor, approximate: true)] },
    ]

    @Test(arguments: cases)
    func forwardMatchesTheNumpyReference(_ testCase: Case) throws {
        RandomGenerator.seedGlobal(0)
        let fixture = try #require(LayerReference.shared[testCase.name], "no reference for \(testCase.name)")
        let outputs = testCase.outputs(fixture)
        #expect(outputs.count == fixture.outputs.count)
        for (index, (got, want)) in zip(outputs, fixture.outputs).enumerated() {
            #expect(got.shape == want.shape, "output \(index) shape")
            expectClose(got.scalars, want.scalars, "\(testCase.name) output \(index)")
        }
    }

    @Test func causalAttentionGivesExactZerosAboveTheDiagonal() throws {
        let fixture = try #require(LayerReference.shared["attentionCausal"])
        let attention = MultiHeadSelfAttention(heads: 2, keyDimension: 3, causal: true)
        _ = Self.apply(attention, fixture)
        let weights = try #require(attention.lastAttentionWeights)
        let time = weights.shape[3]
        for (offset, weight) in weights.scalars.enumerated() {
            let (row, column) = ((offset / time) % time, offset % time)
            if column > row { #expect(weight == 0, "weight \(weight) at query \(row), key \(column)") }
        }
        for row in weights.reshaped([-1, time]).rows { #expect(abs(row.reduce(0, +) - 1) < 1e-6) }
    }
}
