import Foundation

/// A linear axis from data values to pixels, with "nice" tick values (1, 2 or 5 × 10ᵏ).
struct Axis {
    let lower: Double
    let upper: Double
    let ticks: [Double]

    /// Covers `values` (finite ones) with about `targetTicks` round ticks.
    init(covering values: [Double], targetTicks: Int = 5) {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
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

    /// The smallest of 1, 2, 5 × 10ᵏ that is ≥ `rough`.
    static func niceStep(_ rough: Double) -> Double {
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let fraction = rough / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// The position of `value` between `start` (at `lower`) and `end` (at `upper`).
    func position(_ value: Double, from start: Double, to end: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }
}

/// Escapes text for SVG/XML content and attribute values.
func escapeXML(_ text: String) -> String {
    var escaped = ""
    for character in text {
        switch character {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        default: escaped.append(character)
        }
    }
    return escaped
}
