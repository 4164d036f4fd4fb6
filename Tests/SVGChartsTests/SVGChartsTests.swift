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

    @Test func logAxesLabelPowersOfTenOnlyWhenTheRangeIsWide() {
        let wide = Axis(covering: [1e-3, 1e32], logarithmic: true)
        #expect(wide.ticks.map(wide.label).prefix(3) == ["10⁻³", "10³", "10⁹"])
        let narrow = Axis(covering: [0.001, 10], logarithmic: true)
        #expect(narrow.ticks.map(narrow.label) == ["0.001", "0.01", "0.1", "1", "10"])
    }

    @Test func logAxesAtTheEndsOfDoubleStayFinite() {
        for values in [[1e-3, 1.5e308], [1, 5e-324], [1e300, 1.7e308]] {
            let axis = Axis(covering: values, logarithmic: true)
            #expect(axis.ticks.allSatisfy { $0.isFinite && $0 > 0 }, "\(values)")
            #expect(axis.ticks.map(axis.label).allSatisfy { $0.hasPrefix("10") }, "\(values)")
        }
        // A step that skips decades still reaches the top of the data.
        let wide = Axis(covering: [1e-3, 1e32], logarithmic: true)
        #expect(wide.ticks.last.map { $0 >= 1e32 } == true)
    }

    @Test func manySeriesGrowTheChartInsteadOfSqueezingThePlot() {
        func frameHeight(series: Int) -> (frame: String, svgHeight: String) {
            var chart = LineChart(title: "t")
            for index in 0..<series { chart.add("第 \(index) 条曲线", y: [1, 2]) }
            let svg = chart.svg()
            func attribute(_ name: String, after marker: String) -> String {
                (svg.components(separatedBy: marker).dropFirst().first ?? "").components(separatedBy: name + "=\"")
                    .dropFirst().first.map { String($0.prefix { $0 != "\"" }) } ?? ""
            }
            return (attribute("height", after: "<rect class=\"frame\""), attribute("height", after: "<svg"))
        }
        let (single, many) = (frameHeight(series: 1), frameHeight(series: 60))
        #expect(many.frame == single.frame, "the plot keeps its size")
        #expect((Double(many.svgHeight) ?? 0) > (Double(single.svgHeight) ?? 0) + 100, "the legend adds rows")
    }

    @Test func aLegendNameTooLongForARowIsShortened() {
        var chart = LineChart(title: "t")
        chart.add(String(repeating: "很长的名字", count: 40), y: [1, 2])
        chart.add("b", y: [2, 1])
        let svg = chart.svg()
        let swatchX = svg.components(separatedBy: "<rect x=\"").dropFirst().compactMap {
            Double($0.prefix { $0 != "\"" })
        }
        #expect(swatchX.allSatisfy { $0 >= 64 }, "no entry starts left of the plot: \(swatchX)")
        #expect(svg.contains("…</text>"))
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

@Suite struct ChartKindTests {
    @Test func seriesSpanningMoreThanTwoDecadesGetALogAxis() {
        var chart = LineChart(title: "t")
        chart.add("loss", y: [10, 1, 0.1, 0.01])
        let svg = chart.svg()
        #expect(svg.contains(">0.01<") && svg.contains(">10<"), "power-of-ten ticks")
        var linear = LineChart(title: "t")
        linear.add("loss", y: [3, 2, 1])
        #expect(!linear.svg().contains(">0.01<"))
        var decaying = LineChart(title: "t")
        decaying.add("rate", y: (0..<40).map { $0 < 38 ? 0.1 - 0.002 * Double($0) : 1e-7 })
        #expect(!decaying.svg().contains("10⁻⁷"), "two points far below the rest keep the axis linear")
    }

    @Test func aHundredThousandPointHistoryStaysSmallAndKeepsItsSpike() {
        var values = (0..<100_000).map { 1 / Double($0 + 1) }
        values[54_321] = 50
        var chart = LineChart(title: "t", logarithmicY: false)
        chart.add("loss", y: values)
        let svg = chart.svg()
        #expect(svg.utf8.count < 60_000, "\(svg.utf8.count) bytes")
        let kept = Downsampling.keepingExtremes(x: values.indices.map(Double.init), y: values, maximum: 1200)
        #expect(kept.count <= 1200)
        #expect(kept.contains { $0.y == 50 })
    }

    @Test func aHundredThousandPointScatterDrawsOneMarkPerCellAndKeepsItsOutlier() {
        // A fixed sequence spread over [0, 1) (the golden ratio's multiples, modulo 1).
        var x = (0..<100_000).map { (Double($0) * 0.618_033_988_749_895).truncatingRemainder(dividingBy: 1) }
        var y = x.map { $0 * 2 }
        (x[77], y[77]) = (0.5, 40)
        var chart = ScatterChart(title: "t")
        chart.addPoints("points", x: x, y: y)
        chart.addLine("fit", x: x.sorted(), y: x.sorted().map { $0 * 2 })
        let svg = chart.svg()
        #expect(svg.utf8.count < 2_000_000, "\(svg.utf8.count) bytes")
        // The axis still reaches the outlier, and its mark is drawn (no other point is near it).
        #expect(svg.contains(">40<"), "the y axis covers the outlier")
        #expect(chart.plottedSeries.first { $0.name == "points.y" }?.values.count == 100_000)
        let thinned = Downsampling.onePerCell([(0, 0), (1, 1), (1.6, 0), (0.2, 0.3)], cellSize: 1.5)
        #expect(thinned.map(\.0) == [0, 1.6])
    }

    @Test func histogramCountsEverySampleOnce() {
        var chart = Histogram(title: "w", bins: 4)
        chart.add("a", values: [0, 0.1, 0.5, 0.99, 1, .nan])
        chart.add("b", values: [0.25, 0.75])
        #expect(chart.edges == [0, 0.25, 0.5, 0.75, 1])
        #expect(chart.counts == [[2, 0, 1, 2], [0, 1, 0, 1]])
        #expect(chart.plottedSeries.map(\.name) == ["a", "b"])
    }

    @Test func barsStartAtZeroAndHeatMapCellsScaleByValue() {
        var bars = BarChart(title: "b", categories: ["x", "y"])
        bars.add("s", values: [2, -1])
        let svg = bars.svg()
        #expect(svg.contains(">0<"), "the axis includes zero")
        let heat = HeatMap(title: "h", values: [[0, 1], [0.5, 1]])
        let cells = heat.svg().components(separatedBy: "fill-opacity=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(cells.prefix(4) == ["0.08", "1", "0.54", "1"])
        #expect(
            cells.dropFirst(4).prefix(10) == [
                "1", "0.898", "0.796", "0.693", "0.591", "0.489", "0.387", "0.284", "0.182", "0.08",
            ], "a colour scale from the largest value down")
    }

    @Test func heatMapColumnLabelsWiderThanTheirCellsStandUpright() {
        let names = (0..<24).map { "B\($0)" }
        let values = names.map { _ in names.map { _ in 0.5 } }
        let crowded = firstDrawing(HeatMap(title: "h", values: values, rowLabels: names, columnLabels: names).svg())
        #expect(crowded.components(separatedBy: "rotate(-90)\" text-anchor=\"end\"").count - 1 == 24)
        let narrow =
            HeatMap(title: "h", values: values, rowLabels: names, columnLabels: names).svg()
            .components(separatedBy: "chart-narrow").last ?? ""
        #expect(
            narrow.components(separatedBy: "rotate(-90)\" text-anchor=\"end\"").count - 1 == 12,
            "on the phone's 8-unit cells every second column is labelled")
        let roomy = HeatMap(title: "h", values: [[1, 0], [0, 1]], columnLabels: ["B10", "B11"]).svg()
        #expect(!roomy.contains("rotate(-90)\" text-anchor=\"end\""))
    }

    @Test func theLegendSitsAboveThePlotAndWrapsToItsWidth() {
        var chart = LineChart(title: "t")
        for name in ["学习率 0.001", "学习率 0.01", "学习率 0.1", "学习率 1", "learning rate 10 (diverges)"] {
            chart.add(name, y: [1, 2])
        }
        let svg = firstDrawing(chart.svg())
        let legendBaselines = Set(
            svg.components(separatedBy: "<text class=\"legend\"").dropFirst().compactMap { entry in
                entry.components(separatedBy: "y=\"").dropFirst().first?.prefix { $0 != "\"" }
            })
        #expect(legendBaselines == ["44", "62"], "two rows")
        let frame = svg.components(separatedBy: "<rect class=\"frame\"").last ?? ""
        let frameTop = frame.components(separatedBy: "y=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
        #expect(frameTop == "76", "the plot starts below the legend's two rows: 36 + 2 · 18 + 4")
    }

    @Test(arguments: [0, 1, 2, 3, 4])
    func everyKindIsStableAndAccessible(kind: Int) {
        func draw() -> String {
            switch kind {
            case 0:
                var chart = LineChart(title: "损失 <1>", xLabel: "epoch", yLabel: "loss")
                chart.add("a", y: [1, 2, 3])
                return chart.svg()
            case 1:
                var chart = ScatterChart(title: "散点", xLabel: "x", yLabel: "y")
                chart.addPoints("数据", x: [0, 1, 2], y: [1, 3, 2])
                chart.addLine("拟合", x: [0, 2], y: [1.5, 2.5])
                return chart.svg()
            case 2:
                var chart = BarChart(title: "柱", categories: ["一", "二"])
                chart.add("s", values: [1, 2])
                return chart.svg()
            case 3:
                var chart = Histogram(title: "直方图")
                chart.add("w", values: [1, 2, 2, 3])
                return chart.svg()
            default:
                return HeatMap(title: "热力图", values: [[1, 0], [0, 1]]).svg()
            }
        }
        let svg = draw()
        #expect(svg == draw())
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<title>") && svg.contains("<desc>"))
        #expect(!svg.contains("<1>"), "titles are escaped")
        #expect(svg.hasSuffix("</svg>"))
    }

    @Test func aWideChartAlsoCarriesANarrowLayoutWithTextAtFullSize() {
        var chart = LineChart(title: "一个相当长的标题，比手机的宽度还要长得多，必须缩短才放得下", xLabel: "epoch", yLabel: "loss")
        chart.add("a", y: [1, 2, 3])
        chart.add("b", y: [2, 3, 4])
        let drawings = chart.svg().components(separatedBy: "</svg>").filter { $0.contains("<svg") }
        #expect(drawings.count == 2)
        #expect(drawings[0].contains("class=\"chart chart-wide\" width=\"640\""))
        #expect(drawings[1].contains("class=\"chart chart-narrow\" width=\"360\""))
        #expect(drawings[1].contains("…</text>"), "the title is shortened to the narrow width")
        var small = LineChart(title: "t")
        small.width = 320
        #expect(small.svg().components(separatedBy: "<svg").count == 2, "a narrow chart is drawn once")
    }

    @Test func linesDifferByDashesAndPointSetsByShape() {
        var chart = LineChart(title: "t")
        for name in ["a", "b", "c"] { chart.add(name, y: [1, 2]) }
        let svg = firstDrawing(chart.svg())
        #expect(svg.components(separatedBy: "stroke-dasharray=\"7 4\"").count - 1 == 2, "line b and its legend swatch")
        #expect(svg.components(separatedBy: "stroke-dasharray=\"2 3\"").count - 1 == 2)
        var scatter = ScatterChart(title: "s")
        scatter.addPoints("p", x: [0, 1], y: [0, 1])
        scatter.addPoints("q", x: [0, 1], y: [1, 0])
        let points = firstDrawing(scatter.svg())
        #expect(points.contains("<circle") && points.contains("<rect x="), "circles for p, squares for q")
    }

    @Test func tickLabelsThatWouldCollideAreThinned() {
        let labels = (0..<12).map { (position: 64 + Double($0) * 20, label: "A\($0 + 1)") }
        let kept = PlotFrame.thinned(labels)
        #expect(kept.map(\.label) == ["A1", "A3", "A5", "A7", "A9", "A11"])
        let roomy = [(position: 0.0, label: "1"), (position: 100.0, label: "2")]
        #expect(PlotFrame.thinned(roomy).count == 2)
    }

    @Test func heatMapValuesOnDarkCellsUseTheBackgroundColour() {
        let svg = firstDrawing(HeatMap(title: "h", values: [[0, 1]]).svg())
        #expect(svg.contains("class=\"cell-value\""))
        #expect(svg.contains("class=\"cell-value on-strong\""))
    }

    /// The wide (or only) drawing of a chart's markup.
    private func firstDrawing(_ svg: String) -> String {
        (svg.components(separatedBy: "</svg>").first ?? "") + "</svg>"
    }
}
