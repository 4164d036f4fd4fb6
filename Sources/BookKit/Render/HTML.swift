import Foundation

/// Seconds for people: `0.42 s`, `12 s`, `2 min 5 s`.
func formatDuration(_ seconds: Double) -> String {
    if seconds < 10 { return String(format: "%.2f s", seconds) }
    if seconds < 60 { return String(format: "%.0f s", seconds) }
    return String(format: "%d min %.0f s", Int(seconds) / 60, seconds.truncatingRemainder(dividingBy: 60))
}
