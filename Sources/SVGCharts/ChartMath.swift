internal import NeuralKitKernels

/// `log₁₀` and `pow` for axis ticks and number formats, from the engine's C kernels rather
/// than libm, whose last bit depends on the CPU: a chart's ticks and labels are then the same
/// bytes on every machine, like the numbers they show.
enum ChartMath {
    /// `log₁₀ x`.
    static func log10(_ x: Double) -> Double { nk_log10(x) }
    /// `xʸ`.
    static func pow(_ x: Double, _ y: Double) -> Double { nk_pow(x, y) }
}
