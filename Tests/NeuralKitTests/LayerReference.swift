import Foundation

@testable import NeuralKit

/// The `layers` section of `Fixtures/reference.json`: forward values that `reference.py`
/// computes from the definitions, in float64, with loops instead of the engine's im2col and
/// batched products.
struct LayerReference: Decodable {
    /// A tensor as the fixture writes it.
    struct Array: Decodable {
        let shape: [Int]
        let scalars: [Float]

        var tensor: Tensor { Tensor(shape: shape, scalars: scalars) }
    }

    /// The inputs, the parameters in the layer's `parameters` order, and the outputs.
    struct Case: Decodable {
        let inputs: [Array]
        let parameters: [Array]
        let outputs: [Array]
    }

    let layers: [String: Case]

    /// The fixture's layer cases, decoded once.
    static let shared: [String: Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reference.json")
        do {
            return try JSONDecoder().decode(LayerReference.self, from: Data(contentsOf: url)).layers
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}
