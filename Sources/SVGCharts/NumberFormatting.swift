import Foundation

/// Formats a number the same way on every run and platform, for charts and inline values:
/// `digits` significant digits (4 by default) with trailing zeros dropped, plain notation for
/// magnitudes in `[1e-4, 1e6)` and scientific notation (`1.235e-05`) outside.
///
/// ```swift
/// formatSignificant(0.077123)   // "0.07712"
/// formatSignificant(1234.5678)  // "1235"
/// formatSignificant(2.5e-7)     // "2.5e-07"
/// ```
/// - Parameters:
///   - value: The number.
///   - digits: The significant digits, > 0.
/// - Returns: The text.
public func formatSignificant(_ value: Double, digits: Int = 4) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 1e6 || magnitude < 1e-4 {
        let text = String(format: "%.\(digits - 1)e", value)
        return text.replacingOccurrences(of: #"\.?0+e"#, with: "e", options: .regularExpression)
    }
    let decimals = max(0, digits - 1 - Int(ChartMath.log10(magnitude).rounded(.down)))
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
}
