/// Layer normalization over the last axis (Ba et al.), Keras's `LayerNormalization`: each
/// sample's (and time step's) feature vector is standardized on its own, then scaled and shifted,
/// `y = γ ⊙ (x − μ)/√(σ² + ε) + β` with `μ`, `σ²` the mean and (biased) variance over the last
/// axis. `γ` starts at 1 and `β` at 0; `ε = 10⁻³` is Keras's default.
///
/// Built from primitives (mean, subtract, square, sqrt, divide), so it needs no gradient code.
///
/// ```swift
/// let norm = LayerNormalization()
/// norm(Tensor([[1, 2, 3]])).scalars   // ≈ [-1.22, 0, 1.22]
/// ```
public final class LayerNormalization: Layer {
    /// `ε`, added to the variance.
    public let epsilon: Float
    /// `γ`, shape `[features]`; nil until built.
    public private(set) var scale: Tensor?
    /// `β`, shape `[features]`; nil until built.
    public private(set) var offset: Tensor?

    /// Creates the layer; `γ` and `β` are sized at the first call.
    /// - Parameter epsilon: `ε` > 0, added to the variance.
    public init(epsilon: Float = 1e-3) {
        precondition(epsilon > 0, "LayerNormalization needs epsilon > 0, got \(epsilon)")
        self.epsilon = epsilon
    }

    /// Normalizes each vector along the last axis: `γ ⊙ (x − μ)/√(σ² + ε) + β`.
    ///
    /// - Parameter input: A tensor `[…, features]`; the first call fixes `features`.
    /// - Returns: A tensor of the input's shape.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        precondition(input.rank >= 1, "LayerNormalization needs at least one axis, got \(input.shape)")
        let features = input.shape[input.rank - 1]
        if scale == nil {
            scale = Tensor.ones([features])
            scale?.requiresGradient = true
            offset = Tensor.zeros([features], requiresGradient: true)
        }
        guard let scale, let offset else { preconditionFailure("LayerNormalization weights missing after build") }
        precondition(
            scale.count == features, "LayerNormalization was built for \(scale.count) features, got \(input.shape)")
        let centered = input - input.mean(axis: -1, keepingDimension: true)
        let variance = square(centered).mean(axis: -1, keepingDimension: true)
        return scale * (centered / sqrt(variance + epsilon)) + offset
    }

    /// `γ` and `β` (empty until the first call).
    public var parameters: [Tensor] { [scale, offset].compactMap { $0 } }

    /// `"LayerNormalization"`.
    public var summaryName: String { "LayerNormalization" }
}
