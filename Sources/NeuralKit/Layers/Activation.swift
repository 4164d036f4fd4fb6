/// The activations a layer can apply to its output (Keras's `activation=` argument).
public enum Activation: String, Sendable {
    /// `f(x) = x`.
    case linear
    /// `f(x) = max(x, 0)`.
    case relu
    /// `f(x) = 1/(1 + e⁻ˣ)`.
    case sigmoid
    /// `f(x) = tanh x`.
    case tanh
    /// `f(x) = x·Φ(x)`, the exact GELU (Keras's `"gelu"`); see `gelu(_:approximate:)`.
    case gelu

    /// Applies the activation.
    /// - Parameter x: Any tensor.
    /// - Returns: `f(x)` element by element, differentiable.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        switch self {
        case .linear: x
        case .relu: NeuralKit.relu(x)
        case .sigmoid: NeuralKit.sigmoid(x)
        case .tanh: NeuralKit.tanh(x)
        case .gelu: NeuralKit.gelu(x)
        }
    }
}
