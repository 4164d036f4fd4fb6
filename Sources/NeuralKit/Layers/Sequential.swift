import Foundation
import Synchronization

/// A stack of layers applied in order, as Keras's `Sequential`; also the model that
/// `compile` and `fit` train (see `Training/`).
///
/// ```swift
/// let model = Sequential {
///     Dense(16, inputSize: 1, activation: .relu)
///     Dense(1)
/// }
/// ```
///
/// Training one, step by step: <doc:TrainingTheArticlesModel>.
public final class Sequential: Layer {
    /// The layers, first to last.
    public let layers: [Layer]
    /// Set by `compile`.
    @exclusivity(unchecked)
    public internal(set) var optimizer: (any Optimizer)?
    /// Set by `compile`.
    @exclusivity(unchecked)
    public internal(set) var loss: (any Loss)?
    /// Whether `fit` may train a stack of `Dense` layers through `DenseStackStep` (the same
    /// numbers, faster); tests turn it off to compare it with the general graph path.
    @exclusivity(unchecked)
    var allowsFusedSteps = true
    /// How many batches `fit` has trained through `DenseStackStep` (tests check with it that
    /// the fused path really ran).
    @exclusivity(unchecked)
    var fusedBatches = 0
    /// Each layer's output shape at the most recent call, for `summary()`.
    private let recordedShapes = Mutex<[[Int]]>([])

    /// Creates the model from layers listed in a builder block.
    ///
    /// - Parameter layers: A block listing the layers, first to last (`if` and `for` allowed).
    public convenience init(@LayerBuilder _ layers: () -> [Layer]) {
        self.init(layers())
    }

    /// Creates the model from an array of layers. When the first layer is a `Dense` that
    /// knows its input size, the whole model is built at once (as Keras builds a model given
    /// `input_shape`), so parameter counts and `summary()` are right before the first call.
    ///
    /// - Parameter layers: The layers, first to last.
    public init(_ layers: [Layer]) {
        self.layers = layers
        let hasUnbuiltDense = layers.contains { ($0 as? Dense).map { $0.kernel == nil } ?? false }
        if let first = layers.first as? Dense, let kernel = first.kernel, hasUnbuiltDense {
            _ = withoutGradient { self(Tensor.zeros([1, kernel.shape[0]])) }
        }
    }

    /// Applies the layers in order in inference mode (as `predict` does, but recording gradients).
    ///
    /// - Parameter input: A batch, samples along the first dimension.
    /// - Returns: The last layer's output.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        self(input, training: false)
    }

    /// Applies the layers in order, each in the given mode (`fit` passes `training: true`).
    ///
    /// - Parameters:
    ///   - input: A batch, samples along the first dimension.
    ///   - training: Whether layers such as `Dropout` act as in training.
    /// - Returns: The last layer's output.
    public func callAsFunction(_ input: Tensor, training: Bool) -> Tensor {
        var shapes: [[Int]] = []
        let output = layers.reduce(input) { activations, layer in
            let next = layer(activations, training: training)
            shapes.append(next.shape)
            return next
        }
        recordShapes(shapes)
        return output
    }

    /// Remembers each layer's output shape of the latest call, for `summary()`.
    func recordShapes(_ shapes: [[Int]]) {
        recordedShapes.withLock { $0 = shapes }
    }

    /// Every layer's parameters, first layer first.
    public var parameters: [Tensor] { layers.flatMap(\.parameters) }

    /// The sum of its layers' penalties; nil when none has a regularizer.
    public var regularizationLoss: Tensor? {
        layers.compactMap(\.regularizationLoss).reduce(nil) { total, penalty in total.map { $0 + penalty } ?? penalty }
    }

    /// `"Sequential"`.
    public var summaryName: String { "Sequential" }

    /// A Keras-like table of the layers and their parameter counts, with each layer's output
    /// shape (the first dimension shown as `None`, as Keras does) once the shapes are known:
    /// after the model has been called, or at once when `inputShape` (one sample's shape, without
    /// the batch dimension) is given, which runs a one-sample batch of zeros through the model
    /// in inference mode (building layers that were waiting for their input size).
    ///
    /// ```swift
    /// print(model.summary(inputShape: [28, 28, 1]))
    /// ```
    ///
    /// - Parameter inputShape: One sample's shape, to compute the output shapes now; `nil` to use the latest call's.
    /// - Returns: The table as lines of text, ending with `Total params: N`.
    public func summary(inputShape: [Int]? = nil) -> String {
        if let inputShape { _ = withoutGradient { self(Tensor.zeros([1] + inputShape)) } }
        let shapes = recordedShapes.withLock { $0 }
        guard shapes.count == layers.count else {
            return table(layers.map { [$0.summaryName, "\($0.parameterCount)"] })
        }
        return table(
            zip(layers, shapes).map { layer, shape in
                let dimensions = ["None"] + shape.dropFirst().map(String.init)
                return [layer.summaryName, "(\(dimensions.joined(separator: ", ")))", "\(layer.parameterCount)"]
            })
    }

    /// The summary's rows under a header, padded into columns, and the total.
    private func table(_ rows: [[String]]) -> String {
        let header = rows.first?.count == 3 ? ["Layer", "Output shape", "Params"] : ["Layer", "Params"]
        let widths = header.indices.dropLast().map { column in
            max(30, ([header] + rows).map { $0[column].count + 1 }.max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " ")
                + " " + (cells.last ?? "")
        }
        let rule = String(repeating: "─", count: widths.reduce(0) { $0 + $1 + 1 } + 7)
        return ([line(header), rule] + rows.map(line) + [rule, "Total params: \(parameterCount)"])
            .joined(separator: "\n")
    }
}

/// Collects the layers written inside `Sequential { … }`.
@resultBuilder
public enum LayerBuilder {
    /// A single layer.
    /// - Parameter layer: A layer written in the block.
    /// - Returns: The layer alone.
    public static func buildExpression(_ layer: Layer) -> [Layer] { [layer] }
    /// The layers of a block, in written order.
    /// - Parameter parts: The statements' layers.
    /// - Returns: All of them, in order.
    public static func buildBlock(_ parts: [Layer]...) -> [Layer] { parts.flatMap { $0 } }
    /// The layers of an `if` without `else`: none when the condition is false.
    /// - Parameter part: The branch's layers, or `nil`.
    /// - Returns: The layers, or none.
    public static func buildOptional(_ part: [Layer]?) -> [Layer] { part ?? [] }
    /// The layers of an `if` branch.
    /// - Parameter part: The branch's layers.
    /// - Returns: The same layers.
    public static func buildEither(first part: [Layer]) -> [Layer] { part }
    /// The layers of an `else` branch.
    /// - Parameter part: The branch's layers.
    /// - Returns: The same layers.
    public static func buildEither(second part: [Layer]) -> [Layer] { part }
    /// The layers of a `for` loop, iteration by iteration.
    /// - Parameter parts: Each iteration's layers.
    /// - Returns: All of them, in order.
    public static func buildArray(_ parts: [[Layer]]) -> [Layer] { parts.flatMap { $0 } }
}
