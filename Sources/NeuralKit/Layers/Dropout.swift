/// Inverted dropout (Srivastava et al.), Keras's `Dropout(rate)`: in training mode
/// (`layer(x, training: true)`, which `fit` uses) each scalar is zeroed with probability `rate`
/// and the survivors are scaled by `1/(1 − rate)`, so the expected output equals the input; in
/// inference mode (`layer(x)`, `predict`, `evaluate`) the layer is the identity.
///
/// `y = x ⊙ m / (1 − rate)`, `mᵢ = 1` when `uᵢ ≥ rate` for `uᵢ` uniform from the calling
/// thread's default generator, drawn afresh at every training call (`DataParallelTrainer`
/// gives each worker a generator seeded by step and worker, so its masks are reproducible).
/// The gradient is the same mask: `∂y/∂x = m / (1 − rate)`.
///
/// ```swift
/// let model = Sequential {
///     Dense(64, inputSize: 10, activation: .relu)
///     Dropout(rate: 0.5)      // active only inside fit
///     Dense(1)
/// }
/// ```
public final class Dropout: Layer {
    /// The fraction of units dropped in training, in `[0, 1)`.
    public let rate: Float

    /// Creates the layer.
    /// - Parameter rate: The fraction of units dropped in training, in `[0, 1)`.
    public init(rate: Float) {
        precondition(rate >= 0 && rate < 1, "Dropout needs 0 ≤ rate < 1, got \(rate)")
        self.rate = rate
    }

    /// The identity: inference mode.
    /// - Parameter input: Any tensor.
    /// - Returns: `input` itself.
    public func callAsFunction(_ input: Tensor) -> Tensor { input }

    /// Drops units when `training`; the identity otherwise.
    /// - Parameters:
    ///   - input: Any tensor.
    ///   - training: Whether to drop units.
    /// - Returns: `x ⊙ m / (1 − rate)` when training, `input` otherwise.
    public func callAsFunction(_ input: Tensor, training: Bool) -> Tensor {
        guard training, rate > 0 else { return input }
        let scale = 1 / (1 - rate)
        var mask = [Float](repeating: 0, count: input.count)
        for i in mask.indices where RandomGenerator.global.nextUniform() >= rate { mask[i] = scale }
        return input * Tensor(shape: input.shape, scalars: mask)
    }

    /// None: dropout learns nothing.
    public var parameters: [Tensor] { [] }

    /// `"Dropout(rate)"`.
    public var summaryName: String { "Dropout(\(rate))" }
}
