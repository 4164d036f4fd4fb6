import Foundation
import Testing

@testable import NeuralKit

/// Grid, random and successive-halving search on objectives whose best answer is known.
@Suite struct TuningTests {
    static let space: SearchSpace = [
        "learningRate": .logUniform(1e-4, 1),
        "batchSize": .choice([8, 32, 128]),
    ]

    /// Best at learningRate = 10⁻², smaller batches slightly better, better with budget.
    static func objective(_ configuration: Configuration, _ budget: Int) -> Float {
        let distance = abs(log10(configuration.double("learningRate")) + 2)
        return Float(distance + Double(configuration.integer("batchSize")) / 1000 + 1 / Double(budget))
    }

    @Test func gridEnumeratesTheFullProductInOrder() {
        let grid: SearchSpace = ["a": .choice([1, 2]), "b": .choice(["x", "y", "z"])]
        var calls: [String] = []
        let result = GridSearch(grid, budgetPerTrial: 5).run { configuration, budget in
            calls.append(configuration.description)
            #expect(budget == 5)
            return Float(calls.count)
        }
        let expected = ["a=1, b=x", "a=1, b=y", "a=1, b=z", "a=2, b=x", "a=2, b=y", "a=2, b=z"]
        #expect(calls == expected)
        #expect(result.trials.map(\.configuration.description) == expected)
        #expect(result.trials.map(\.index) == Array(0..<6))
        #expect(result.totalBudget == 30)
        #expect(result.best.index == 0)
    }

    @Test func gridTakesEveryIntegerAndLogSpacedValue() {
        let grid: SearchSpace = ["units": .integer(2...4), "learningRate": .logSpaced(1e-3, 1, count: 4)]
        let configurations = GridSearch(grid).configurations
        #expect(configurations.count == 12)
        #expect(configurations.prefix(4).map { $0.integer("units") } == [2, 2, 2, 2])
        let rates = configurations.prefix(4).map { $0.double("learningRate") }
        for (rate, expected) in zip(rates, [1e-3, 1e-2, 1e-1, 1]) { #expect(abs(rate / expected - 1) < 1e-12) }
    }

    @Test func randomSearchIsReproducibleForASeedAndDiffersForAnother() {
        let first = RandomSearch(Self.space, trials: 20, seed: 1).configurations
        let again = RandomSearch(Self.space, trials: 20, seed: 1).configurations
        let other = RandomSearch(Self.space, trials: 20, seed: 2).configurations
        #expect(first == again)
        #expect(first != other)
        for configuration in first + other {
            #expect((1e-4..<1).contains(configuration.double("learningRate")))
            #expect([8, 32, 128].contains(configuration.integer("batchSize")))
        }
        // Log-uniform: about as many draws below 10⁻² as above (two decades each side).
        let below = (first + other).filter { $0.double("learningRate") < 1e-2 }.count
        #expect((10...30).contains(below))
    }

    @Test func randomSearchRunsTheDrawsInOrder() {
        let search = RandomSearch(Self.space, trials: 6, budgetPerTrial: 4, seed: 3)
        var seen: [Configuration] = []
        let result = search.run { configuration, _ in
            seen.append(configuration)
            return Self.objective(configuration, 4)
        }
        #expect(seen == search.configurations)
        #expect(result.totalBudget == 24 && result.totalBudget == search.totalBudget)
        #expect(result.trials.allSatisfy { !result.best.score.isNaN && result.best.score <= $0.score })
    }

    @Test(arguments: [(27, 3, 1, 108), (9, 3, 2, 54), (10, 3, 2, 56), (16, 2, 1, 80), (2, 3, 5, 10)])
    func successiveHalvingSpendsTheDocumentedBudget(
        configurations: Int, reduction: Int, minimumBudget: Int, expectedBudget: Int
    ) {
        // B = Σᵢ ⌊n/ηⁱ⌋ · r·ηⁱ, worked out by hand: 27+27+27+27, 18+18+18, 20+18+18,
        // 16+16+16+16+16, and a single rung of 2·5.
        let halving = SuccessiveHalving(
            Self.space, configurations: configurations, minimumBudget: minimumBudget, reduction: reduction, seed: 4)
        let result = halving.run(Self.objective)
        #expect(halving.totalBudget == expectedBudget)
        #expect(result.totalBudget == expectedBudget)
        #expect(result.trials.count == halving.rungSizes.reduce(0, +))
    }

    @Test func successiveHalvingKeepsTheBestThirdOfEachRung() {
        let halving = SuccessiveHalving(Self.space, configurations: 27, minimumBudget: 1, reduction: 3, seed: 5)
        let result = halving.run(Self.objective)
        #expect(halving.rungSizes == [27, 9, 3, 1])
        #expect(halving.rungBudgets == [1, 3, 9, 27])
        #expect(result.trials.prefix(27).map(\.configuration) == halving.configurations)
        for rung in 0..<3 {
            let this = result.trials.filter { $0.rung == rung }
            let next = result.trials.filter { $0.rung == rung + 1 }
            let kept = this.sorted { $0.isBetter(than: $1) }.prefix(this.count / 3).map(\.configuration)
            #expect(Set(next.map(\.configuration)) == Set(kept))
            #expect(next.allSatisfy { $0.budget == 3 * this[0].budget })
        }
        // The objective's own optimum among the 27 draws must survive to the end.
        let optimum = halving.configurations.min { Self.objective($0, 1) < Self.objective($1, 1) }
        #expect(result.best.configuration == optimum)
        #expect(result.best.rung == 3 && result.best.budget == 27)
    }

    @Test func successiveHalvingDrawsWhatRandomSearchDraws() {
        let halving = SuccessiveHalving(Self.space, configurations: 9, seed: 6)
        #expect(halving.configurations == RandomSearch(Self.space, trials: 9, seed: 6).configurations)
    }

    @Test func nanScoresRankLast() {
        let grid: SearchSpace = ["learningRate": .choice([1.0, 0.1, 0.01])]
        let result = GridSearch(grid).run { configuration, _ in
            configuration.double("learningRate") == 1 ? .nan : Float(configuration.double("learningRate"))
        }
        #expect(result.best.configuration.double("learningRate") == 0.01)
        #expect(result.ranked.map(\.index) == [2, 1, 0])
    }

    @Test func tableHasAHeaderAndOneRowPerTrial() {
        let result = SuccessiveHalving(Self.space, configurations: 3, reduction: 3, seed: 7).run(Self.objective)
        let lines = result.table().split(separator: "\n").map(String.init)
        #expect(lines.count == 2 + result.trials.count)
        #expect(lines[0] == "| trial | rung | learningRate | batchSize | budget | score |")
        #expect(lines.filter { $0.contains("★") }.count == 1)
        #expect(result.description.hasPrefix("successive halving: 4 trials, total budget 6, best "))
    }

    @Test func configurationsReadValuesByName() {
        let configuration = Configuration(
            names: ["learningRate", "batchSize", "optimizer"], values: [0.5, 32, "adam"])
        #expect(configuration.float("learningRate") == 0.5)
        #expect(configuration.integer("batchSize") == 32)
        #expect(configuration.double("batchSize") == 32)
        #expect(configuration.text("optimizer") == "adam")
        #expect(configuration.description == "learningRate=0.5, batchSize=32, optimizer=adam")
    }

    @Test func equalBudgetsForTheChapterComparison() {
        // 9 grid points and 9 random draws at 12 epochs cost what 27 halved configurations do.
        let grid: SearchSpace = [
            "learningRate": .logSpaced(1e-4, 1, count: 3), "batchSize": .choice([8, 32, 128]),
        ]
        #expect(GridSearch(grid, budgetPerTrial: 12).totalBudget == 108)
        #expect(RandomSearch(Self.space, trials: 9, budgetPerTrial: 12).totalBudget == 108)
        #expect(SuccessiveHalving(Self.space, configurations: 27).totalBudget == 108)
    }

    @Test func gridSearchOverTrainingPicksTheRateThatNeitherCrawlsNorDiverges() {
        // End to end: each trial trains y = 2x + 1 by data-parallel SGD for `budget` epochs.
        var generator = RandomGenerator(seed: 9)
        let x = Tensor.uniform([32, 1], low: -1, high: 1, using: &generator)
        let y = x * 2 + 1
        let grid: SearchSpace = ["learningRate": .choice([1e-4, 0.3, 3]), "workers": .choice([1, 2])]
        let result = GridSearch(grid, budgetPerTrial: 5).run { configuration, epochs in
            let model = DataParallelTests.reinitialized(Sequential { Dense(1, inputSize: 1) }, seed: 1)
            let trainer = DataParallelTrainer(
                model: model, loss: MeanSquaredError(),
                optimizer: GradientDescent(learningRate: configuration.float("learningRate")),
                workers: configuration.integer("workers"))
            return trainer.fit(x, y, epochs: epochs, batchSize: 8, shuffle: false).finalLoss
        }
        #expect(result.best.configuration.double("learningRate") == 0.3)
        #expect(result.ranked.prefix(2).allSatisfy { $0.configuration.double("learningRate") == 0.3 })
    }
}
