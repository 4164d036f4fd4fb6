import Testing

@testable import SVGCharts

@Suite struct SVGChartsTests {
    @Test(arguments: [
        (0.077123, "0.07712"), (1234.5678, "1235"), (2.5e-7, "2.5e-07"), (0.5, "0.5"), (-3.0, "-3"),
        (123_456_789.0, "1.235e+08"), (Double.nan, "NaN"), (0, "0"),
    ])
    func numbersKeepFourSignificantDigits(value: Double, text: String) {
        #expect(formatSignificant(value) == text)
    }

    @Test func axisTicksAreRoundAndCoverTheData() {
        let axis = Axis(covering: [0.0731, 0.312])
        // A step of (0.312 − 0.0731)/4 ≈ 0.06 rounds up to 0.1.
        let expected = [0, 0.1, 0.2, 0.3, 0.4]
        #expect(axis.ticks.count == expected.count)
        #expect(zip(axis.ticks, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(Axis.niceStep(0.06) == 0.1)
        #expect(Axis.niceStep(3) == 5)
        #expect(Axis.niceStep(0.011) == 0.02)
    }

    @Test func aDivergingSeriesBreaksTheLineInsteadOfCrashing() {
        var chart = LineChart(title: "t", xLabel: "x", yLabel: "y")
        chart.add("run", y: [1, 2, .nan, 3, .infinity, 4])
        let svg = chart.svg()
        let path = svg.split(separator: "\n").first { $0.contains("class=\"series\"") } ?? ""
        #expect(path.components(separatedBy: "M").count - 1 == 3, "three separate pieces: \(path)")
    }

    @Test func sameDataGivesTheSameBytes() {
        func draw() -> String {
            var chart = LineChart(title: "损失", xLabel: "epoch", yLabel: "loss")
            chart.add("Adam", y: (1...50).map { 1 / Double($0) })
            chart.add("SGD", y: (1...50).map { 2 / Double($0) })
            return chart.svg()
        }
        #expect(draw() == draw())
        #expect(draw().contains("<title>损失</title>"))
        #expect(draw().contains("var(--chart-2)"))
    }
}
