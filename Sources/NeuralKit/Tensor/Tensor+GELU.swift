import Foundation

/// The Gaussian error linear unit, `GELU(x) = x·Φ(x)` with `Φ` the standard normal CDF
/// (Hendrycks & Gimpel), the activation of BERT and GPT feed-forward layers.
///
/// - `approximate: false` (the default, as Keras's `activations.gelu` and `activation="gelu"`):
///   `y = ½x(1 + erf(x/√2))`; derivative `Φ(x) + x·φ(x)`, `φ(x) = e^{−x²/2}/√(2π)`.
/// - `approximate: true` (the tanh form, GPT-2's and `keras.ops.gelu`'s default):
///   `y = ½x(1 + tanh u)`, `u = √(2/π)(x + 0.044715x³)`; derivative
///   `½(1 + tanh u) + ½x(1 − tanh² u)·√(2/π)(1 + 3·0.044715x²)`.
///
/// The two differ by less than 10⁻³ everywhere.
///
/// ```swift
/// gelu(Tensor([-1, 0, 1])).scalars   // [-0.15865529, 0, 0.8413447]
/// ```
/// - Parameters:
///   - x: Any tensor.
///   - approximate: Whether to use the tanh approximation.
/// - Returns: `GELU(x)` element by element.
public func gelu(_ x: Tensor, approximate: Bool = false) -> Tensor {
    if approximate {
        let c = Float((2 / Double.pi).squareRoot())
        return x.unary(
            { x in 0.5 * x * (1 + Elementary.tanh(c * (x + 0.044715 * x * x * x))) },
            derivative: { x, _ in
                let t = Elementary.tanh(c * (x + 0.044715 * x * x * x))
                return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x)
            })
    }
    return x.unary(ScalarActivations.gelu, derivative: ScalarActivations.geluSlope)
}
