/// The Elman recurrent layer, Keras's `SimpleRNN`, over `[batch, time, features]`:
/// `hₜ = act(xₜ·W + hₜ₋₁·U + b)` from `h₀ = 0`, returning the last state `[batch, units]` or,
/// with `returnSequences`, every state `[batch, time, units]`.
///
/// Initial weights as Keras: `W: [features, units]` Glorot-uniform, `U: [units, units]`
/// orthogonal, `b` zero. The loop over time is unrolled into the graph, so `backward()` is
/// back-propagation through time.
///
/// ```swift
/// let rnn = SimpleRNN(units: 16, inputSize: 1)
/// rnn(Tensor.zeros([8, 10, 1])).shape   // [8, 16]
/// ```
public final class SimpleRNN: Layer {
    /// The size of the state.
    public let units: Int
    /// `act`, tanh by default.
    public let activation: Activation
    /// Whether to return every state rather than the last.
    public let returnSequences: Bool
    /// `W`, shape `[features, units]`; nil until built.
    public private(set) var kernel: Tensor?
    /// `U`, shape `[units, units]`; nil until built.
    public private(set) var recurrentKernel: Tensor?
    /// `b`, shape `[units]`; nil until built.
    public private(set) var bias: Tensor?

    /// Creates the layer; with `inputSize` the weights are drawn now, otherwise on first use.
    /// - Parameters:
    ///   - units: The size of the state, > 0.
    ///   - activation: `act`.
    ///   - returnSequences: Whether to return every state rather than the last.
    ///   - inputSize: The number of input features; `nil` to learn it at the first call.
    public init(units: Int, activation: Activation = .tanh, returnSequences: Bool = false, inputSize: Int? = nil) {
        precondition(units > 0, "SimpleRNN needs at least one unit, got \(units)")
        self.units = units
        self.activation = activation
        self.returnSequences = returnSequences
        if let inputSize { build(inputSize: inputSize) }
    }

    private func build(inputSize: Int) {
        kernel = Tensor.glorotUniform(
            [inputSize, units], fanIn: inputSize, fanOut: units, using: &RandomGenerator.global)
        recurrentKernel = Tensor.orthogonal([units, units], using: &RandomGenerator.global)
        bias = Tensor.zeros([units], requiresGradient: true)
        kernel?.requiresGradient = true
        recurrentKernel?.requiresGradient = true
    }

    /// Runs the recurrence over the time axis (unrolled into the graph).
    ///
    /// - Parameter input: A batch of sequences, `[batch, time, features]`; the first call fixes `features`.
    /// - Returns: The last state `[batch, units]`, or every state `[batch, time, units]` with `returnSequences`.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        if kernel == nil, input.rank == 3 { build(inputSize: input.shape[2]) }
        guard let kernel, let recurrentKernel, let bias else {
            preconditionFailure("SimpleRNN expects [batch, time, features], got \(input.shape)")
        }
        let steps = Recurrence.projectedSteps(input, kernel: kernel, bias: bias, layer: "SimpleRNN")
        var state = Tensor.zeros([input.shape[0], units])
        var states: [Tensor] = []
        for step in steps {
            state = activation(step + state.matmul(recurrentKernel))
            states.append(state)
        }
        return returnSequences ? Recurrence.stacked(states) : state
    }

    /// `W`, `U` and `b` (empty until built).
    public var parameters: [Tensor] { [kernel, recurrentKernel, bias].compactMap { $0 } }

    /// `"SimpleRNN(units)"`, or `"SimpleRNN(units, sequences)"` with `returnSequences`.
    public var summaryName: String { "SimpleRNN(\(units)\(returnSequences ? ", sequences" : ""))" }
}
