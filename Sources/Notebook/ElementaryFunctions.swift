@_exported import Foundation
import NeuralKit

// The elementary functions a chapter cell calls by their usual names, computed by the
// engine's `Elementary` so a book's numbers are the same on every machine (libm's differ by an
// ULP between CPUs).
//
// Swift lets a module's declaration shadow another module's one of the same signature only
// when every import path from the client to the other module goes through the first. So this
// module re-exports Foundation, and chapter programs must import Notebook and NOT Foundation
// directly: then Glibc's `exp(Double)` is reachable only through Notebook and `exp(1.0)`,
// `log(x)`, `pow(x, 2.5)`, `[1.0, 2.0].map(exp)` resolve here. (A program that also imports
// Foundation itself gets "ambiguous use of 'exp'" for every call.) `Foundation.exp(x)` still
// reaches libm. Calls that are ambiguous with Foundation alone stay so: `exp(1)`,
// `log10(1000)`, `pow(2.0, 3)` (CGFloat, Float80 and Decimal overloads tie on the literal).

// MARK: Double

/// `eˣ`, the engine's deterministic version.
/// - Parameter x: Any value; overflows to +∞ and underflows to 0.
/// - Returns: `eˣ`, within 1 ULP.
public func exp(_ x: Double) -> Double { Elementary.exp(x) }
/// The natural logarithm, the engine's deterministic version.
/// - Parameter x: A value ≥ 0.
/// - Returns: `ln x`, within 1 ULP.
public func log(_ x: Double) -> Double { Elementary.log(x) }
/// `ln(1 + x)`, accurate for small `x`.
/// - Parameter x: A value ≥ −1.
/// - Returns: `ln(1 + x)`, within 1 ULP.
public func log1p(_ x: Double) -> Double { Elementary.log1p(x) }
/// `eˣ − 1`, accurate for small `x`.
/// - Parameter x: Any value.
/// - Returns: `eˣ − 1`, within 1 ULP.
public func expm1(_ x: Double) -> Double { Elementary.expm1(x) }
/// `log₂ x`, exact at powers of two.
/// - Parameter x: A value ≥ 0.
/// - Returns: `log₂ x`, within 1 ULP.
public func log2(_ x: Double) -> Double { Elementary.log2(x) }
/// `log₁₀ x`, exact at powers of ten.
/// - Parameter x: A value ≥ 0.
/// - Returns: `log₁₀ x`, within 1 ULP.
public func log10(_ x: Double) -> Double { Elementary.log10(x) }
/// `xʸ`, the engine's deterministic version.
/// - Parameters:
///   - x: The base.
///   - y: The exponent.
/// - Returns: `xʸ`, within 1 ULP.
public func pow(_ x: Double, _ y: Double) -> Double { Elementary.pow(x, y) }
/// `sin x`, the engine's deterministic version.
/// - Parameter x: An angle in radians, any magnitude.
/// - Returns: `sin x`, in `[−1, 1]`.
public func sin(_ x: Double) -> Double { Elementary.sin(x) }
/// `cos x`, the engine's deterministic version.
/// - Parameter x: An angle in radians, any magnitude.
/// - Returns: `cos x`, in `[−1, 1]`.
public func cos(_ x: Double) -> Double { Elementary.cos(x) }
/// `tanh x`, the engine's deterministic version.
/// - Parameter x: Any value.
/// - Returns: `tanh x`, in `[−1, 1]`.
public func tanh(_ x: Double) -> Double { Elementary.tanh(x) }
/// The error function, the engine's deterministic version.
/// - Parameter x: Any value.
/// - Returns: `erf x`, in `[−1, 1]`.
public func erf(_ x: Double) -> Double { Elementary.erf(x) }
/// `tan x`, the engine's deterministic version.
/// - Parameter x: An angle in radians, any magnitude.
/// - Returns: `tan x`.
public func tan(_ x: Double) -> Double { Elementary.tan(x) }
/// The arc tangent, the engine's deterministic version.
/// - Parameter x: Any value.
/// - Returns: `atan x`, in `[−π/2, π/2]`.
public func atan(_ x: Double) -> Double { Elementary.atan(x) }

// MARK: Float

/// `eˣ`, the engine's deterministic version.
/// - Parameter x: Any value; overflows to +∞ and underflows to 0.
/// - Returns: `eˣ`, within 1 ULP.
public func exp(_ x: Float) -> Float { Elementary.exp(x) }
/// The natural logarithm, the engine's deterministic version.
/// - Parameter x: A value ≥ 0.
/// - Returns: `ln x`, within 1 ULP.
public func log(_ x: Float) -> Float { Elementary.log(x) }
/// `ln(1 + x)`, accurate for small `x`.
/// - Parameter x: A value ≥ −1.
/// - Returns: `ln(1 + x)`, within 1 ULP.
public func log1p(_ x: Float) -> Float { Elementary.log1p(x) }
/// `eˣ − 1`, accurate for small `x`.
/// - Parameter x: Any value.
/// - Returns: `eˣ − 1`, within 1 ULP.
public func expm1(_ x: Float) -> Float { Elementary.expm1(x) }
/// `log₂ x` (the Double version rounded to Float).
/// - Parameter x: A value ≥ 0.
/// - Returns: `log₂ x`, within 1 ULP.
public func log2(_ x: Float) -> Float { Float(Elementary.log2(Double(x))) }
/// `log₁₀ x` (the Double version rounded to Float).
/// - Parameter x: A value ≥ 0.
/// - Returns: `log₁₀ x`, within 1 ULP.
public func log10(_ x: Float) -> Float { Float(Elementary.log10(Double(x))) }
/// `xʸ`, the engine's deterministic version.
/// - Parameters:
///   - x: The base.
///   - y: The exponent.
/// - Returns: `xʸ`, within 1 ULP.
public func pow(_ x: Float, _ y: Float) -> Float { Elementary.pow(x, y) }
/// `sin x`, the engine's deterministic version.
/// - Parameter x: An angle in radians, any magnitude.
/// - Returns: `sin x`, in `[−1, 1]`.
public func sin(_ x: Float) -> Float { Elementary.sin(x) }
/// `cos x`, the engine's deterministic version.
/// - Parameter x: An angle in radians, any magnitude.
/// - Returns: `cos x`, in `[−1, 1]`.
public func cos(_ x: Float) -> Float { Elementary.cos(x) }
/// `tanh x`, the engine's deterministic version.
/// - Parameter x: Any value.
/// - Returns: `tanh x`, in `[−1, 1]`.
public func tanh(_ x: Float) -> Float { Elementary.tanh(x) }
/// The error function, the engine's deterministic version.
/// - Parameter x: Any value.
/// - Returns: `erf x`, in `[−1, 1]`.
public func erf(_ x: Float) -> Float { Elementary.erf(x) }
/// `tan x` (the Double version rounded to Float).
/// - Parameter x: An angle in radians, any magnitude.
/// - Returns: `tan x`.
public func tan(_ x: Float) -> Float { Float(Elementary.tan(Double(x))) }
/// The arc tangent (the Double version rounded to Float).
/// - Parameter x: Any value.
/// - Returns: `atan x`, in `[−π/2, π/2]`.
public func atan(_ x: Float) -> Float { Float(Elementary.atan(Double(x))) }

/// `eˣ` (C's name for the Float version).
/// - Parameter x: Any value; overflows to +∞ and underflows to 0.
/// - Returns: `eˣ`, within 1 ULP.
public func expf(_ x: Float) -> Float { Elementary.exp(x) }
/// The natural logarithm (C's name for the Float version).
/// - Parameter x: A value ≥ 0.
/// - Returns: `ln x`, within 1 ULP.
public func logf(_ x: Float) -> Float { Elementary.log(x) }
/// `xʸ` (C's name for the Float version).
/// - Parameters:
///   - x: The base.
///   - y: The exponent.
/// - Returns: `xʸ`, within 1 ULP.
public func powf(_ x: Float, _ y: Float) -> Float { Elementary.pow(x, y) }
/// `tanh x` (C's name for the Float version).
/// - Parameter x: Any value.
/// - Returns: `tanh x`, in `[−1, 1]`.
public func tanhf(_ x: Float) -> Float { Elementary.tanh(x) }
/// `sin x` (C's name for the Float version).
/// - Parameter x: An angle in radians, any magnitude.
/// - Returns: `sin x`, in `[−1, 1]`.
public func sinf(_ x: Float) -> Float { Elementary.sin(x) }
/// `cos x` (C's name for the Float version).
/// - Parameter x: An angle in radians, any magnitude.
/// - Returns: `cos x`, in `[−1, 1]`.
public func cosf(_ x: Float) -> Float { Elementary.cos(x) }
