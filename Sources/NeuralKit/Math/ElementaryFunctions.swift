internal import NeuralKitKernels

/// The engine's elementary functions: the same bits on every machine.
///
/// The platform's libm picks code paths by CPU (glibc uses FMA and AVX2 where it finds them)
/// and so returns results that differ by an ULP from one machine to the next; a trained
/// network, and a book's numbers, would then depend on the machine. These are fixed
/// evaluations in C (`NeuralKitKernels/Elementary`) using only `+ − × ÷` with contraction into
/// FMA turned off. Float versions compute in double and round once (≤ 1 ULP, nearly always
/// correctly rounded); Double versions use double-double steps where needed (≤ 1 ULP).
/// Special values (NaN, ±∞, ±0, overflow, underflow) follow C99 Annex F.
///
/// ```swift
/// let y = Elementary.exp(Float(1))      // 2.7182817, on every machine
/// let p = Elementary.pow(2.0, 10.0)     // 1024, exactly
/// ```
///
/// Why the engine needs its own: <doc:SameBitsOnEveryMachine>.
public enum Elementary {
    // MARK: Float

    /// `√x`, correctly rounded (the same bits as `x.squareRoot()`), as the processor's
    /// square-root instruction: `squareRoot()` is C's `sqrtf`, which must set errno for x < 0,
    /// and so keeps a loop from vectorizing unless the whole module is built with
    /// `-fno-math-errno` (see `nk_square_root.h`).
    /// - Parameter x: A value ≥ 0 (NaN for x < 0).
    /// - Returns: `√x`, correctly rounded.
    @inline(__always) public static func squareRoot(_ x: Float) -> Float { nk_square_root(x) }
    /// `√x` of each lane, correctly rounded.
    /// - Parameter x: Eight values ≥ 0.
    /// - Returns: `√x` of each lane, correctly rounded.
    @inline(__always) public static func squareRoot(_ x: SIMD8<Float>) -> SIMD8<Float> { nk_square_root8(x) }
    /// `eˣ`.
    /// - Parameter x: Any value; overflows to +∞ and underflows to 0.
    /// - Returns: `eˣ`, within 1 ULP.
    @inline(__always) public static func exp(_ x: Float) -> Float { nk_expf(x) }
    /// The natural logarithm `ln x` (NaN for x < 0, −∞ at 0).
    /// - Parameter x: A value ≥ 0.
    /// - Returns: `ln x`, within 1 ULP.
    @inline(__always) public static func log(_ x: Float) -> Float { nk_logf(x) }
    /// `ln(1 + x)`, accurate for small `x`.
    /// - Parameter x: A value ≥ −1.
    /// - Returns: `ln(1 + x)`, within 1 ULP.
    @inline(__always) public static func log1p(_ x: Float) -> Float { nk_log1pf(x) }
    /// `eˣ − 1`, accurate for small `x`.
    /// - Parameter x: Any value.
    /// - Returns: `eˣ − 1`, within 1 ULP.
    @inline(__always) public static func expm1(_ x: Float) -> Float { nk_expm1f(x) }
    /// `tanh x = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)`.
    /// - Parameter x: Any value.
    /// - Returns: `tanh x`, in `[−1, 1]`.
    @inline(__always) public static func tanh(_ x: Float) -> Float { nk_tanhf(x) }
    /// The logistic function `σ(x) = 1/(1 + e⁻ˣ)`.
    /// - Parameter x: Any value.
    /// - Returns: `1/(1 + e⁻ˣ)`, in `[0, 1]`.
    @inline(__always) public static func sigmoid(_ x: Float) -> Float { nk_sigmoidf(x) }
    /// `softplus(x) = ln(1 + eˣ)`, computed as `max(x, 0) + ln(1 + e^{−|x|})` (no overflow).
    /// - Parameter x: Any value.
    /// - Returns: `ln(1 + eˣ)`, ≥ 0.
    @inline(__always) public static func softplus(_ x: Float) -> Float { nk_softplusf(x) }
    /// The error function `erf x = (2/√π) ∫₀ˣ e^{−t²} dt`.
    /// - Parameter x: Any value.
    /// - Returns: `erf x`, in `[−1, 1]`.
    @inline(__always) public static func erf(_ x: Float) -> Float { nk_erff(x) }
    /// `xʸ` (NaN for a negative `x` and a non-integer `y`; `pow(x, 0) = 1`).
    /// - Parameters:
    ///   - x: The base.
    ///   - y: The exponent.
    /// - Returns: `xʸ`, within 1 ULP.
    @inline(__always) public static func pow(_ x: Float, _ y: Float) -> Float { nk_powf(x, y) }
    /// `sin x`, `x` in radians, exact argument reduction at any magnitude.
    /// - Parameter x: An angle in radians, any magnitude.
    /// - Returns: `sin x`, in `[−1, 1]`.
    @inline(__always) public static func sin(_ x: Float) -> Float { nk_sinf(x) }
    /// `cos x`, `x` in radians, exact argument reduction at any magnitude.
    /// - Parameter x: An angle in radians, any magnitude.
    /// - Returns: `cos x`, in `[−1, 1]`.
    @inline(__always) public static func cos(_ x: Float) -> Float { nk_cosf(x) }

    // MARK: Double

    /// `eˣ`.
    /// - Parameter x: Any value; overflows to +∞ and underflows to 0.
    /// - Returns: `eˣ`, within 1 ULP.
    @inline(__always) public static func exp(_ x: Double) -> Double { nk_exp(x) }
    /// The natural logarithm `ln x` (NaN for x < 0, −∞ at 0).
    /// - Parameter x: A value ≥ 0.
    /// - Returns: `ln x`, within 1 ULP.
    @inline(__always) public static func log(_ x: Double) -> Double { nk_log(x) }
    /// `ln(1 + x)`, accurate for small `x`.
    /// - Parameter x: A value ≥ −1.
    /// - Returns: `ln(1 + x)`, within 1 ULP.
    @inline(__always) public static func log1p(_ x: Double) -> Double { nk_log1p(x) }
    /// `eˣ − 1`, accurate for small `x`.
    /// - Parameter x: Any value.
    /// - Returns: `eˣ − 1`, within 1 ULP.
    @inline(__always) public static func expm1(_ x: Double) -> Double { nk_expm1(x) }
    /// `log₂ x` (exact at powers of two).
    /// - Parameter x: A value ≥ 0.
    /// - Returns: `log₂ x`, within 1 ULP.
    @inline(__always) public static func log2(_ x: Double) -> Double { nk_log2(x) }
    /// `log₁₀ x` (exact at powers of ten).
    /// - Parameter x: A value ≥ 0.
    /// - Returns: `log₁₀ x`, within 1 ULP.
    @inline(__always) public static func log10(_ x: Double) -> Double { nk_log10(x) }
    /// `xʸ` (NaN for a negative `x` and a non-integer `y`; `pow(x, 0) = 1`).
    /// - Parameters:
    ///   - x: The base.
    ///   - y: The exponent.
    /// - Returns: `xʸ`, within 1 ULP.
    @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double { nk_pow(x, y) }
    /// `sin x`, `x` in radians, exact argument reduction at any magnitude.
    /// - Parameter x: An angle in radians, any magnitude.
    /// - Returns: `sin x`, in `[−1, 1]`.
    @inline(__always) public static func sin(_ x: Double) -> Double { nk_sin(x) }
    /// `cos x`, `x` in radians, exact argument reduction at any magnitude.
    /// - Parameter x: An angle in radians, any magnitude.
    /// - Returns: `cos x`, in `[−1, 1]`.
    @inline(__always) public static func cos(_ x: Double) -> Double { nk_cos(x) }
    /// `tanh x`.
    /// - Parameter x: Any value.
    /// - Returns: `tanh x`, in `[−1, 1]`.
    @inline(__always) public static func tanh(_ x: Double) -> Double { nk_tanh(x) }
    /// The error function `erf x = (2/√π) ∫₀ˣ e^{−t²} dt`.
    /// - Parameter x: Any value.
    /// - Returns: `erf x`, in `[−1, 1]`.
    @inline(__always) public static func erf(_ x: Double) -> Double { nk_erf(x) }
    /// `tan x`, `x` in radians, exact argument reduction at any magnitude.
    /// - Parameter x: An angle in radians, any magnitude.
    /// - Returns: `tan x`.
    @inline(__always) public static func tan(_ x: Double) -> Double { nk_tan(x) }
    /// The arc tangent, in `[−π/2, π/2]`.
    /// - Parameter x: Any value.
    /// - Returns: `atan x`, in `[−π/2, π/2]`.
    @inline(__always) public static func atan(_ x: Double) -> Double { nk_atan(x) }
}
