/// A differentiable function with trainable parameters, called like a function:
/// `let y = layer(x)`.
///
/// Writing one of your own: <doc:WritingALayer>.
public protocol Layer: AnyObject {
    /// Applies the layer to a batch (the first dimension indexes samples), in inference mode.
    /// - Parameter input: A batch, samples along the first dimension.
    /// - Returns: The layer's output for every sample.
    func callAsFunction(_ input: Tensor) -> Tensor
    /// Applies the layer in training mode (`training: true`, as `fit` does) or inference mode,
    /// Keras's `training=` argument. Only layers that differ between the two, such as
    /// `Dropout`, and layers that contain others, such as `Sequential`, implement it.
    /// - Parameters:
    ///   - input: A batch, samples along the first dimension.
    ///   - training: Whether the layer acts as in training.
    /// - Returns: The layer's output for every sample.
    func callAsFunction(_ input: Tensor, training: Bool) -> Tensor
    /// The trainable tensors, in a stable order (empty until the layer is built).
    var parameters: [Tensor] { get }
    /// A short name for `summary()`, such as `"Dense(1)"`.
    var summaryName: String { get }
    /// The sum of the penalties its regularizers put on its weights, a differentiable scalar
    /// that `fit` adds to the loss; `nil` when it has none (the default).
    var regularizationLoss: Tensor? { get }
}

extension Layer {
    /// The number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// The same in training and inference: most layers need not mention the mode.
    /// - Parameters:
    ///   - input: A batch, samples along the first dimension.
    ///   - training: Ignored.
    /// - Returns: `self(input)`.
    public func callAsFunction(_ input: Tensor, training: Bool) -> Tensor { self(input) }

    /// No penalty: layers without regularizers need not mention it.
    public var regularizationLoss: Tensor? { nil }
}
