/// The series colours of every chart, for a light and a dark page. Charts name them as CSS
/// variables (`var(--chart-1)` …), so one SVG follows the page's theme; the page's stylesheet
/// defines the variables from these lists (`cssVariables`). Each colour is at least 3:1
/// against its theme's background (white, and `#0d1117`), as WCAG asks of graphics.
public enum ChartPalette {
    /// The colours on a light background: blue, red, green, purple, orange, teal.
    public static let light = ["#1f77b4", "#d62728", "#2a8a2a", "#9467bd", "#c25400", "#0b7f8c"]
    /// The colours on a dark background, in the same order.
    public static let dark = ["#6cb4ff", "#ff7b72", "#7ee787", "#d2a8ff", "#ffa657", "#56d4dd"]

    /// `--chart-1: …; --chart-2: …;` for `colors`, to put in a CSS rule.
    /// - Parameter colors: ``light`` or ``dark``.
    /// - Returns: The declarations, separated by spaces.
    public static func cssVariables(_ colors: [String]) -> String {
        colors.enumerated().map { "--chart-\($0.offset + 1): \($0.element);" }.joined(separator: " ")
    }

    /// The colour of series `index`: the CSS variable of its place in the palette, in turn.
    static func variable(_ index: Int) -> String {
        "var(--chart-\(index % light.count + 1))"
    }
}
