import Foundation

/// An axis from data values to pixels: linear with "nice" ticks (1, 2 or 5 × 10ᵏ), or
/// logarithmic with ticks at powers of ten.
struct Axis {
    let lower: Double
    let upper: Double
    let ticks: [Double]
    let logarithmic: Bool

    /// Covers the finite `values` with about `targetTicks` round ticks.
    init(covering values: [Double], targetTicks: Int = 5, logarithmic: Bool = false, includingZero: Bool = false) {
        let finite = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        self.logarithmic = logarithmic
        if logarithmic {
            // Exponents within Double's normal range, so every tick is finite and positive.
            let low = min(max((ChartMath.log10(finite.min() ?? 1)).rounded(.down), -307), 307)
            let high = min(max((ChartMath.log10(finite.max() ?? 10)).rounded(.up), low + 1), 308)
            let step = max(1, ((high - low) / 6).rounded(.up))
            // The last tick reaches the top of the data even when the step skips decades.
            let count = min(((high - low) / step).rounded(.up), ((308 - low) / step).rounded(.down))
            lower = low
            upper = low + count * step
            ticks = (0...Int(count)).map { ChartMath.pow(10, low + Double($0) * step) }
            return
        }
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if includingZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            let pad = low == 0 ? 1 : Swift.abs(low) * 0.1
            low -= pad
            high += pad
        }
        let step = Axis.niceStep((high - low) / Double(max(targetTicks - 1, 1)))
        let first = (low / step).rounded(.down) * step
        let last = (high / step).rounded(.up) * step
        let count = Int(((last - first) / step).rounded()) + 1
        lower = first
        upper = last
        ticks = (0..<count).map { first + Double($0) * step }
    }

    /// Whether values spanning more than two decades (all positive) read better on a log scale:
    /// only when at least a tenth of them lie two decades or more below the largest. A few
    /// points far below the rest (a schedule decaying to nearly 0 in its last steps) would
    /// otherwise squash every other line into the top of the plot.
    static func prefersLogarithmic(_ values: [Double]) -> Bool {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), low > 0, high / low > 100 else { return false }
        let farBelow = finite.filter { $0 < high / 100 }.count
        return Double(farBelow) >= 0.1 * Double(finite.count)
    }

    /// The smallest of 1, 2, 5 × 10ᵏ that is ≥ `rough`.
    static func niceStep(_ rough: Double) -> Double {
        let magnitude = ChartMath.pow(10, (ChartMath.log10(rough)).rounded(.down))
        let fraction = rough / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// The position of `value` between `start` (at `lower`) and `end` (at `upper`); values
    /// outside the axis (or ≤ 0 on a log axis) are clamped to its ends.
    func position(_ value: Double, from start: Double, to end: Double) -> Double {
        let scaled = logarithmic ? ChartMath.log10(max(value, ChartMath.pow(10, lower))) : value
        let fraction = (scaled - lower) / (upper - lower)
        return start + min(max(fraction, 0), 1) * (end - start)
    }

    /// A tick label: the number, or on a log axis reaching beyond 10⁻³…10⁴, every tick as a
    /// power of ten ("10³²", "10⁻⁸"), which reads better than a column of "1e+32" and "10000".
    func label(_ tick: Double) -> String {
        guard logarithmic, lower < -3 || upper > 4, tick.isFinite, tick > 0 else { return formatSignificant(tick) }
        return "10" + superscript(Int(ChartMath.log10(tick).rounded()))
    }

    /// `n` in superscript digits.
    private func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(String(abs(n)).map { digits[Int(String($0))!] })
    }
}
