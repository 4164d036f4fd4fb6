import Foundation

/// The scalar forms of the activations, `y = f(x)` and the local derivative `dy/dx` given
/// `x` and `y`: the tensor functions (`relu`, `sigmoid`, `tanh`, `gelu`) apply them element by
/// element, and the fused training step (`DenseStackStep`) calls the very same functions, so
/// both compute the same numbers.
enum ScalarActivations {
    /// `max(x, 0)`.
    @inline(__always) static func relu(_ x: Float) -> Float { max(x, 0) }
    /// 1 where `x > 0`, else 0.
    @inline(__always) static func reluSlope(_ x: Float, _ y: Float) -> Float { x > 0 ? 1 : 0 }

    /// `σ(x) = 1/(1 + e⁻ˣ)`.
    @inline(__always) static func sigmoid(_ x: Float) -> Float { Elementary.sigmoid(x) }
    /// `σ(1 − σ) = y(1 − y)`.
    @inline(__always) static func sigmoidSlope(_ x: Float, _ y: Float) -> Float { y * (1 - y) }

    /// `tanh x`.
    @inline(__always) static func tanh(_ x: Float) -> Float { Elementary.tanh(x) }
    /// `1 − tanh² x = 1 − y²`.
    @inline(__always) static func tanhSlope(_ x: Float, _ y: Float) -> Float { 1 - y * y }

    static let inverseRootTwo = Float(1 / 2.0.squareRoot())
    static let inverseRootTwoPi = Float(1 / (2 * Double.pi).squareRoot())
    /// The exact GELU, `½x(1 + erf(x/√2))`.
    @inline(__always) static func gelu(_ x: Float) -> Float { 0.5 * x * (1 + Elementary.erf(x * inverseRootTwo)) }
    /// `Φ(x) + x·φ(x)`, `φ(x) = e^{−x²/2}/√(2π)`.
    @inline(__always) static func geluSlope(_ x: Float, _ y: Float) -> Float {
        0.5 * (1 + Elementary.erf(x * inverseRootTwo)) + x * Elementary.exp(-0.5 * x * x) * inverseRootTwoPi
    }
}
