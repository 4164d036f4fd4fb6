import Foundation

/// A stack of layers applied in order, as Keras's `Sequential`; also the model that
/// `compile` and `fit` train (see `Training/`).
///
/// ```swift
/// let model = Sequential {
///     Dense(16, inputSize: 1, activation: .relu)
///     Dense(1)
/// }
/// ```
public final class Sequential: Layer {
    /// The layers, first to last.
    public let layers: [Layer]
    /// Set by `compile`.
    public internal(set) var optimizer: (any Optimizer)?
    /// Set by `compile`.
    public internal(set) var loss: (any Loss)?

    /// Creates the model from layers listed in a builder block.
    public init(@LayerBuilder _ layers: () -> [Layer]) {
        self.layers = layers()
    }

    /// Creates the model from an array of layers.
    public init(_ layers: [Layer]) {
        self.layers = layers
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        self(input, training: false)
    }

    /// Applies the layers in order, each in the given mode (`fit` passes `training: true`).
    public func callAsFunction(_ input: Tensor, training: Bool) -> Tensor {
        layers.reduce(input) { activations, layer in layer(activations, training: training) }
    }

    public var parameters: [Tensor] { layers.flatMap(\.parameters) }

    /// The sum of its layers' penalties; nil when none has a regularizer.
    public var regularizationLoss: Tensor? {
        layers.compactMap(\.regularizationLoss).reduce(nil) { total, penalty in total.map { $0 + penalty } ?? penalty }
    }

    public var summaryName: String { "Sequential" }

    /// A Keras-like table of the layers and their parameter counts.
    public func summary() -> String {
        var lines = ["Layer                          Params", String(repeating: "─", count: 38)]
        for layer in layers {
            let name = layer.summaryName.padding(toLength: 30, withPad: " ", startingAt: 0)
            lines.append("\(name) \(layer.parameterCount)")
        }
        lines.append(String(repeating: "─", count: 38))
        lines.append("Total params: \(parameterCount)")
        return lines.joined(separator: "\n")
    }
}

/// Collects the layers written inside `Sequential { … }`.
@resultBuilder
public enum LayerBuilder {
    public static func buildExpression(_ layer: Layer) -> [Layer] { [layer] }
    public static func buildBlock(_ parts: [Layer]...) -> [Layer] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Layer]?) -> [Layer] { part ?? [] }
    public static func buildEither(first part: [Layer]) -> [Layer] { part }
    public static func buildEither(second part: [Layer]) -> [Layer] { part }
    public static func buildArray(_ parts: [[Layer]]) -> [Layer] { parts.flatMap { $0 } }
}
