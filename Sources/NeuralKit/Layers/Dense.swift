/// A fully connected layer: `y = f(x·W + b)` with kernel `W: [inputSize, units]` and bias
/// `b: [units]`, as Keras's `Dense`.
///
/// The kernel starts Glorot-uniform and the bias at zero (Keras's defaults), drawn from the
/// engine's default generator when the input size is known: at once if `inputSize` is given,
/// otherwise at the first call.
///
/// ```swift
/// let layer = Dense(1, inputSize: 1)      // Keras: Dense(1, input_shape=(1,))
/// let y = layer(Tensor([[0.5]]))
/// ```
public final class Dense: Layer {
    /// The number of outputs per sample.
    public let units: Int
    /// The activation applied after the affine map.
    public let activation: Activation
    /// `W`, shape `[inputSize, units]`; nil until built.
    @exclusivity(unchecked)
    public private(set) var kernel: Tensor?
    /// `b`, shape `[units]`; nil until built or when the layer has no bias.
    @exclusivity(unchecked)
    public private(set) var bias: Tensor?
    /// The penalty on the kernel added to the loss (Keras's `kernel_regularizer`); nil for none.
    public let kernelRegularizer: (any Regularizer)?
    private let useBias: Bool

    /// Creates the layer; with `inputSize` the weights are drawn now, otherwise on first use.
    ///
    /// - Parameters:
    ///   - units: The number of outputs per sample, > 0.
    ///   - inputSize: The number of input features; `nil` to learn it at the first call.
    ///   - activation: The function applied after `x·W + b`.
    ///   - useBias: Whether the layer adds a bias `b`.
    ///   - kernelRegularizer: A penalty on `W` that `fit` adds to the loss, e.g. `L2(0.01)`.
    public init(
        _ units: Int, inputSize: Int? = nil, activation: Activation = .linear, useBias: Bool = true,
        kernelRegularizer: (any Regularizer)? = nil
    ) {
        precondition(units > 0, "Dense needs at least one unit, got \(units)")
        self.units = units
        self.activation = activation
        self.useBias = useBias
        self.kernelRegularizer = kernelRegularizer
        if let inputSize { build(inputSize: inputSize) }
    }

    /// Creates the layer with given weights — a state a reader can check by hand:
    /// `Dense(kernel: Tensor([[2]]), bias: Tensor([1]))` computes `y = 2x + 1`.
    ///
    /// - Parameters:
    ///   - kernel: `W`, shape `[inputSize, units]`; copied into a new parameter.
    ///   - bias: `b`, shape `[units]`, copied; `nil` for a layer without bias.
    ///   - activation: The function applied after `x·W + b`.
    ///   - kernelRegularizer: A penalty on `W` that `fit` adds to the loss.
    public init(
        kernel: Tensor, bias: Tensor?, activation: Activation = .linear, kernelRegularizer: (any Regularizer)? = nil
    ) {
        precondition(kernel.rank == 2, "Dense kernel must be [inputSize, units], got \(kernel.shape)")
        precondition(
            bias.map { $0.shape == [kernel.shape[1]] } ?? true,
            "Dense bias must be [\(kernel.shape[1])], got \(bias?.shape ?? [])")
        units = kernel.shape[1]
        self.activation = activation
        useBias = bias != nil
        self.kernelRegularizer = kernelRegularizer
        self.kernel = Tensor(shape: kernel.shape, scalars: kernel.scalars, requiresGradient: true)
        self.bias = bias.map { Tensor(shape: $0.shape, scalars: $0.scalars, requiresGradient: true) }
    }

    /// Draws the kernel (Glorot uniform) and zeroes the bias.
    private func build(inputSize: Int) {
        kernel = Tensor.glorotUniform(
            [inputSize, units], fanIn: inputSize, fanOut: units, using: &RandomGenerator.global)
        kernel?.requiresGradient = true
        if useBias { bias = Tensor.zeros([units], requiresGradient: true) }
    }

    /// Applies the layer to the last axis: `[batch, features]`, or `[batch, …, features]` as
    /// Keras does (each position of the middle axes gets the same map).
    ///
    /// - Parameter input: `[batch, features]` or `[batch, …, features]`; the first call fixes `features`.
    /// - Returns: `f(x·W + b)`, shape `[batch, units]` or `[batch, …, units]`.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        precondition(input.rank >= 2, "Dense expects [batch, …, features], got \(input.shape)")
        let features = input.shape[input.rank - 1]
        if kernel == nil { build(inputSize: features) }
        guard let kernel else { preconditionFailure("Dense kernel missing after build") }
        precondition(
            features == kernel.shape[0],
            "Dense(\(units)) was built for \(kernel.shape[0]) features, got \(input.shape)")
        let rows = input.rank == 2 ? input : input.reshaped([-1, features])
        let affine = rows.matmul(kernel)
        let output = activation(bias.map { affine + $0 } ?? affine)
        return input.rank == 2 ? output : output.reshaped(Array(input.shape.dropLast()) + [units])
    }

    /// The kernel `W` and, when the layer has one, the bias `b` (empty until built).
    public var parameters: [Tensor] { [kernel, bias].compactMap { $0 } }

    /// `kernelRegularizer.penalty(W)`, once the kernel exists.
    public var regularizationLoss: Tensor? {
        guard let kernelRegularizer, let kernel else { return nil }
        return kernelRegularizer.penalty(kernel)
    }

    /// `"Dense(units)"`, with the activation when it is not linear, e.g. `"Dense(16, relu)"`.
    public var summaryName: String { "Dense(\(units)\(activation == .linear ? "" : ", \(activation)"))" }
}
