import Foundation
import NeuralKit
import Testing

/// The code samples of the DocC articles, compiled and run as a user of the package would
/// (`import NeuralKit`, not `@testable`), with the articles' claims as expectations.
///
/// Every `swift` block of NeuralKit's articles must appear, line for line, in this file, and
/// every block of Notebook's article in one of the book's chapters (which `make test` builds
/// and checks): so an article cannot show code that does not compile or does not do what the
/// text says.
@Suite struct DocumentationSampleTests {
    // MARK: Training the article's model

    /// The article's steps in its order, so the numbers are the ones a reader gets.
    @Test func theArticlesModelTrainsAsTheArticleSays() {
        RandomGenerator.seedGlobal(42)

        let x = Tensor.uniform([100, 1])
        let y = Tensor.uniform([100, 1])
        let model = Sequential {
            Dense(1, inputSize: 1)
        }
        model.compile(optimizer: Adam(learningRate: 0.01), loss: MeanSquaredError())
        let history = model.fit(x, y, epochs: 1000, batchSize: 32)

        let firstLoss = history.loss[0]
        let finalLoss = history.finalLoss
        let summary = model.summary()  // a Keras-like table ending in "Total params: 2"

        let dense = model.layers[0] as! Dense
        let w = dense.kernel!.scalar
        let b = dense.bias!.scalar
        let trainedMSE = model.evaluate(x, y)
        let prediction = model.predict(Tensor([[0.5]])).scalar  // w · 0.5 + b

        let xs = x.scalars.map(Double.init), ys = y.scalars.map(Double.init)
        let n = Double(xs.count)
        let xMean = xs.reduce(0, +) / n, yMean = ys.reduce(0, +) / n
        let covariance = zip(xs, ys).map { ($0 - xMean) * ($1 - yMean) }.reduce(0, +)
        let variance = xs.map { ($0 - xMean) * ($0 - xMean) }.reduce(0, +)
        let wStar = covariance / variance
        let bStar = yMean - wStar * xMean
        let optimumMSE = zip(xs, ys).map { pow($1 - (wStar * $0 + bStar), 2) }.reduce(0, +) / n
        let gap = (Double(trainedMSE) - optimumMSE) / optimumMSE  // under 5 %

        #expect(history.loss.count == 1000 && history.learningRates.allSatisfy { $0 == 0.01 })
        #expect(finalLoss < firstLoss)
        #expect(summary.hasSuffix("Total params: 2"))
        #expect(abs(prediction - (w * 0.5 + b)) <= 1e-6)
        #expect(gap > -1e-4 && gap < 0.05, "the article says: within 5 % of the least-squares optimum")
        let meanPredictionMSE = ys.map { ($0 - yMean) * ($0 - yMean) }.reduce(0, +) / n
        #expect(optimumMSE > 0.8 * meanPredictionMSE, "the article says: barely better than predicting the mean")

        let noise = Tensor.normal([100, 1], standardDeviation: 0.1)
        let yLinear = x * 2 + 1 + noise
        let linearModel = Sequential {
            Dense(1, inputSize: 1)
        }
        linearModel.compile(optimizer: Adam(learningRate: 0.01), loss: MeanSquaredError())
        let linearHistory = linearModel.fit(x, yLinear, epochs: 1000, batchSize: 32)
        let learned = linearModel.layers[0] as! Dense
        let (wLearned, bLearned) = (learned.kernel!.scalar, learned.bias!.scalar)  // ≈ 2 and ≈ 1

        #expect(abs(wLearned - 2) < 0.2 && abs(bLearned - 1) < 0.2)
        #expect(abs(linearHistory.finalLoss - 0.01) < 0.005, "the article says: close to the noise's variance")

        let tuned = Sequential {
            Dense(1, inputSize: 1)
        }
        tuned.compile(optimizer: Adam(learningRate: 0.05), loss: MeanSquaredError())
        let tunedHistory = tuned.fit(
            x, yLinear, epochs: 500, batchSize: 32,
            schedule: CosineDecay(initialLearningRate: 0.05, decaySteps: 1500),
            validationSplit: 0.2, earlyStopping: EarlyStopping(patience: 20))
        let validationLosses = tunedHistory.validationLoss  // one per epoch run
        let stoppedAfter = tunedHistory.stoppedEpoch  // nil if all 500 epochs ran

        #expect(validationLosses.count == tunedHistory.loss.count)
        #expect(stoppedAfter.map { $0 == tunedHistory.loss.count } ?? (tunedHistory.loss.count == 500))
        let rates = tunedHistory.learningRates
        #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 >= $1 } && rates[0] < 0.05)
        #expect(validationLosses.min()! < 0.02)
    }

    // MARK: Writing a layer

    @Test func theParametricReLUsSlopeGradientIsTheSumOfNegativeInputs() throws {
        let layer = ParametricReLU(features: 3)
        let input = Tensor([[-1, 2, -3], [4, -5, 6]])
        let loss = layer(input).sum()
        loss.backward()
        let slopeGradient = layer.alpha.gradient  // [-1, -5, -3]

        #expect(slopeGradient == [-1, -5, -3])
        // Finite differences, (L(α + h) − L(α − h)) / 2h, as the package checks every operation
        // (the loss is linear in α, so a large h loses nothing and keeps rounding small).
        let gradient = try #require(slopeGradient)
        let h: Float = 0.1
        for feature in 0..<3 {
            func lossWithSlope(shiftedBy delta: Float) -> Float {
                let shifted = ParametricReLU(features: 3)
                var slopes = [Float](repeating: 0.25, count: 3)
                slopes[feature] += delta
                shifted.alpha.assign(slopes)
                return shifted(input).sum().scalar
            }
            let estimate = (lossWithSlope(shiftedBy: h) - lossWithSlope(shiftedBy: -h)) / (2 * h)
            #expect(abs(estimate - gradient[feature]) < 1e-2)
        }
    }

    @Test func aParametricReLUTrainsToTheAbsoluteValue() {
        RandomGenerator.seedGlobal(3)
        let x = Tensor.uniform([256, 1], low: -1, high: 1)
        let y = abs(x)
        let model = Sequential {
            Dense(1, inputSize: 1)
            ParametricReLU(features: 1)
        }
        model.compile(optimizer: Adam(learningRate: 0.05), loss: MeanSquaredError())
        let history = model.fit(x, y, epochs: 300, batchSize: 32)
        let slope = (model.layers[1] as! ParametricReLU).alpha.scalar  // ≈ −1

        #expect(abs(slope + 1) < 0.1)
        #expect(history.finalLoss < history.loss[0] / 100)
        #expect(model.summary().contains("ParametricReLU(1)"))
    }

    @Test func gaussianNoiseActsOnlyWhileTraining() {
        RandomGenerator.seedGlobal(5)
        let noise = GaussianNoise(standardDeviation: 0.5)
        let x = Tensor.zeros([1000, 1])
        #expect(noise(x).scalars == x.scalars)
        let noisy = noise(x, training: true).scalars
        let mean = noisy.reduce(0, +) / Float(noisy.count)
        let spread = (noisy.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(noisy.count)).squareRoot()
        #expect(abs(mean) < 0.05 && abs(spread - 0.5) < 0.05)
        #expect(noise.parameters.isEmpty && noise.summaryName == "GaussianNoise(0.5)")
    }

    // MARK: Why results are the same on every machine

    @Test func theKernelLevelsAndElementaryFunctionsAreTheArticles() {
        let levels = KernelLevel.available  // lowest first, e.g. [.baseline, .avx2, .avx512]
        let running = KernelLevel.current  // the best, unless NEURALKIT_ISA names another

        let e = Elementary.exp(Float(1))  // 2.7182817 on every machine
        let p = Elementary.pow(2.0, 10.0)  // 1024, exactly
        let t = Elementary.tanh(Float(0.5))

        #expect(levels.first == .baseline && levels.contains(running))
        #expect(e == Float(M_E) && p == 1024)
        #expect(abs(Double(t) - Foundation.tanh(0.5)) < 1e-7)
    }

    @Test func trainingOnTheEngineThreadsGivesTheBitsOfOneThread() {
        func trainedWeights() -> [Float] {
            RandomGenerator.seedGlobal(7)
            let x = Tensor.uniform([512, 64])
            let y = Tensor.uniform([512, 1])
            let model = Sequential {
                Dense(256, inputSize: 64, activation: .relu)
                Dense(1)
            }
            model.compile(optimizer: Adam(learningRate: 0.01), loss: MeanSquaredError())
            model.fit(x, y, epochs: 2, batchSize: 128)
            return model.parameters.flatMap(\.scalars)
        }
        let shared = trainedWeights()
        let oneCore = EngineThreads.alone { trainedWeights() }
        let identical = shared.map(\.bitPattern) == oneCore.map(\.bitPattern)  // true

        #expect(identical)
        #expect(shared.count == 64 * 256 + 256 + 256 + 1)
    }

    @Test func aSeedGivesTheSameNumbers() {
        var first = RandomGenerator(seed: 42)
        var second = RandomGenerator(seed: 42)
        let same = (0..<1000).allSatisfy { _ in first.nextUniform() == second.nextUniform() }  // true

        var other = RandomGenerator(seed: 43)
        #expect(same)
        #expect((0..<10).map { _ in other.nextUniform() } != (0..<10).map { _ in first.nextUniform() })
    }

    // MARK: The articles show this code

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A line without indentation, its runs of spaces as one: how code compares here, so
    /// an article may align its comments differently from `swift format`.
    static func normalized(_ line: Substring) -> String {
        line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The `swift` blocks of a Markdown file, each as its normalized lines without blanks.
    static func swiftBlocks(of markdown: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = normalized(line)
            if current == nil, trimmed == "```swift" {
                current = []
            } else if let block = current, trimmed == "```" {
                blocks.append(block)
                current = nil
            } else if !trimmed.isEmpty {
                current?.append(trimmed)
            }
        }
        return blocks
    }

    /// Whether `block` occurs as consecutive normalized lines of `text`, blank lines aside.
    static func contains(_ text: String, _ block: [String]) -> Bool {
        let lines = text.split(separator: "\n").map(normalized).filter { !$0.isEmpty }
        guard !block.isEmpty, lines.count >= block.count else { return block.isEmpty }
        return (0...(lines.count - block.count)).contains { start in
            Array(lines[start..<(start + block.count)]) == block
        }
    }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }

    static let neuralKitArticles = [
        "NeuralKit.md", "TrainingTheArticlesModel.md", "WritingALayer.md", "SameBitsOnEveryMachine.md",
    ]

    @Test(arguments: neuralKitArticles) func neuralKitArticleSamplesAreThisFilesCode(article: String) throws {
        let blocks = Self.swiftBlocks(of: try Self.text("Sources/NeuralKit/NeuralKit.docc/\(article)"))
        let tests = try Self.text("Tests/NeuralKitTests/DocumentationSampleTests.swift")
        #expect(!blocks.isEmpty)
        for block in blocks {
            #expect(
                Self.contains(tests, block),
                "\(article): this sample is not run by the tests:\n\(block.joined(separator: "\n"))")
        }
    }

    @Test func notebookArticleSamplesAreTheBooksCode() throws {
        let blocks = Self.swiftBlocks(of: try Self.text("Sources/Notebook/Notebook.docc/WhatACellCanShow.md"))
        let chapters = try FileManager.default.contentsOfDirectory(
            at: Self.packageRoot.appendingPathComponent("chapters"), includingPropertiesForKeys: nil
        ).filter { $0.pathExtension == "md" }.map { try String(contentsOf: $0, encoding: .utf8) }
        #expect(blocks.count >= 8)
        for block in blocks {
            #expect(
                chapters.contains { Self.contains($0, block) },
                "WhatACellCanShow.md: this sample is in no chapter:\n\(block.joined(separator: "\n"))")
        }
    }

    @Test func blocksAreFoundOnlyWhereTheyAre() {
        let text = "a\n    b  // x\n\nc\n"
        #expect(Self.contains(text, ["b // x", "c"]))
        #expect(!Self.contains(text, ["a", "c"]))
        #expect(Self.swiftBlocks(of: "x\n```swift\n  let a = 1\n\n  a\n```\n```sh\nls\n```") == [["let a = 1", "a"]])
    }
}

/// Parametric ReLU, Keras's `PReLU`: `f(x) = max(x, 0) + α ⊙ min(x, 0)` with one learned
/// slope `α` per feature (the last axis).
final class ParametricReLU: Layer {
    /// `α`, shape `[features]`.
    let alpha: Tensor

    init(features: Int, initialSlope: Float = 0.25) {
        alpha = Tensor(
            shape: [features], scalars: [Float](repeating: initialSlope, count: features),
            requiresGradient: true)
    }

    func callAsFunction(_ input: Tensor) -> Tensor {
        relu(input) - alpha * relu(-input)
    }

    var parameters: [Tensor] { [alpha] }

    var summaryName: String { "ParametricReLU(\(alpha.count))" }
}

/// Adds `N(0, σ²)` noise to every input while training (Keras's `GaussianNoise`); the
/// identity at inference.
final class GaussianNoise: Layer {
    let standardDeviation: Float

    init(standardDeviation: Float) {
        self.standardDeviation = standardDeviation
    }

    func callAsFunction(_ input: Tensor) -> Tensor { input }

    func callAsFunction(_ input: Tensor, training: Bool) -> Tensor {
        guard training else { return input }
        return input + Tensor.normal(input.shape, standardDeviation: standardDeviation)
    }

    var parameters: [Tensor] { [] }

    var summaryName: String { "GaussianNoise(\(standardDeviation))" }
}
