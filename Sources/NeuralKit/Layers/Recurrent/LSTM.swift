/// Long short-term memory (Hochreiter & Schmidhuber), Keras's `LSTM`, over
/// `[batch, time, features]`. With `z = xₜ·W + hₜ₋₁·U + b` split into four blocks of `units`
/// in Keras's order (input, forget, cell, output):
///
///     iₜ = σ(z_i)   fₜ = σ(z_f)   gₜ = tanh(z_g)   oₜ = σ(z_o)
///     cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ    hₜ = oₜ ⊙ tanh(cₜ)
///
/// from `h₀ = c₀ = 0`, returning the last `hₜ` `[batch, units]` or, with `returnSequences`,
/// every one `[batch, time, units]`.
///
/// Initial weights as Keras: `W: [features, 4·units]` Glorot-uniform, `U: [units, 4·units]`
/// orthogonal, `b: [4·units]` zero except the forget block, which starts at 1
/// (`unit_forget_bias`, Jozefowicz et al.) so the cell remembers by default.
///
/// ```swift
/// let lstm = LSTM(units: 32, returnSequences: true)
/// lstm(Tensor.zeros([8, 10, 4])).shape   // [8, 10, 32]
/// ```
public final class LSTM: Layer {
    /// The size of the state `h` and of the cell `c`.
    public let units: Int
    /// Whether to return every `hₜ` rather than the last.
    public let returnSequences: Bool
    /// `W`, shape `[features, 4·units]`, blocks (i, f, g, o); nil until built.
    public private(set) var kernel: Tensor?
    /// `U`, shape `[units, 4·units]`, blocks (i, f, g, o); nil until built.
    public private(set) var recurrentKernel: Tensor?
    /// `b`, shape `[4·units]`, blocks (i, f, g, o); nil until built.
    public private(set) var bias: Tensor?

    /// Creates the layer; with `inputSize` the weights are drawn now, otherwise on first use.
    /// - Parameters:
    ///   - units: The size of `h` and `c`, > 0.
    ///   - returnSequences: Whether to return every `hₜ` rather than the last.
    ///   - inputSize: The number of input features; `nil` to learn it at the first call.
    public init(units: Int, returnSequences: Bool = false, inputSize: Int? = nil) {
        precondition(units > 0, "LSTM needs at least one unit, got \(units)")
        self.units = units
        self.returnSequences = returnSequences
        if let inputSize { build(inputSize: inputSize) }
    }

    private func build(inputSize: Int) {
        kernel = Tensor.glorotUniform(
            [inputSize, 4 * units], fanIn: inputSize, fanOut: 4 * units, using: &RandomGenerator.global)
        recurrentKernel = Tensor.orthogonal([units, 4 * units], using: &RandomGenerator.global)
        let forgetOnes = (0..<(4 * units)).map { $0 / units == 1 ? Float(1) : 0 }
        bias = Tensor(forgetOnes, requiresGradient: true)
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
            preconditionFailure("LSTM expects [batch, time, features], got \(input.shape)")
        }
        let steps = Recurrence.projectedSteps(input, kernel: kernel, bias: bias, layer: "LSTM")
        var hidden = Tensor.zeros([input.shape[0], units])
        var cell = hidden
        var states: [Tensor] = []
        for step in steps {
            let z = step + hidden.matmul(recurrentKernel)
            func block(_ index: Int) -> Tensor { z.slicing(axis: 1, range: (index * units)..<((index + 1) * units)) }
            let (inputGate, forgetGate) = (sigmoid(block(0)), sigmoid(block(1)))
            let (candidate, outputGate) = (tanh(block(2)), sigmoid(block(3)))
            cell = forgetGate * cell + inputGate * candidate
            hidden = outputGate * tanh(cell)
            states.append(hidden)
        }
        return returnSequences ? Recurrence.stacked(states) : hidden
    }

    /// `W`, `U` and `b` (empty until built).
    public var parameters: [Tensor] { [kernel, recurrentKernel, bias].compactMap { $0 } }

    /// `"LSTM(units)"`, or `"LSTM(units, sequences)"` with `returnSequences`.
    public var summaryName: String { "LSTM(\(units)\(returnSequences ? ", sequences" : ""))" }
}
