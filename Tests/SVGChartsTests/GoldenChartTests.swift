import Foundation
import Testing

@testable import SVGCharts

/// Each chart kind drawn from fixed data and compared byte for byte with `Golden/<name>.svg`.
/// The files were recorded on purpose and looked at in a browser; after a deliberate change
/// to the drawing, re-record with `RECORD_GOLDEN=1 swift test --filter GoldenChartTests` and
/// review the diff.
@Suite struct GoldenChartTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let charts: [(name: String, chart: any Chart)] = {
        var line = LineChart(title: "三种学习率", xLabel: "step", yLabel: "loss")
        line.add("α = 0.02", y: (0..<50).map { 1 / (1 + 0.05 * Double($0)) })
        line.add("α = 0.5", y: (0..<50).map { exp(-0.3 * Double($0)) + 0.01 })
        line.add("α = 1.5（发散）", y: (0..<50).map { $0 < 30 ? pow(1.4, Double($0)) : .infinity })
        var scatter = ScatterChart(title: "数据与拟合", xLabel: "x", yLabel: "y")
        scatter.addPoints("样本", x: [0, 0.2, 0.4, 0.6, 0.8, 1], y: [1.1, 1.35, 1.85, 2.2, 2.55, 3.05])
        scatter.addLine("拟合", x: [0, 1], y: [1.05, 3.0])
        var bars = BarChart(title: "每个 epoch 的时间", categories: ["1", "32", "全量"], yLabel: "秒")
        bars.add("SGD", values: [0.9, 0.05, 0.012])
        bars.add("Adam", values: [1.1, 0.06, 0.015])
        var histogram = Histogram(title: "权重分布", xLabel: "w", bins: 8)
        histogram.add("L1", values: [0, 0, 0, 0.01, -0.02, 0.4, 0.9, -0.7])
        histogram.add("L2", values: [0.1, -0.2, 0.15, 0.3, -0.25, 0.35, 0.5, -0.45])
        let heat = HeatMap(
            title: "注意力权重", values: [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4]],
            rowLabels: ["我", "爱", "你"], columnLabels: ["我", "爱", "你"])
        return [("line", line), ("scatter", scatter), ("bar", bars), ("histogram", histogram), ("heat-map", heat)]
    }()

    @Test(arguments: 0..<5)
    func chartMatchesItsRecordedSVG(index: Int) throws {
        let (name, chart) = Self.charts[index]
        let file = Self.folder.appendingPathComponent("\(name).svg")
        let svg = chart.svg() + "\n"
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try svg.write(to: file, atomically: true, encoding: .utf8)
        }
        let recorded = try String(contentsOf: file, encoding: .utf8)
        #expect(svg == recorded, "\(name).svg changed; re-record on purpose if the change is intended")
    }
}
