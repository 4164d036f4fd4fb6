// The article's Keras example (chapter 4 of the book) written against NeuralKit as a
// dependency: 100 samples x, y ~ U[0, 1), one Dense unit, MSE, Adam(0.01), 1000 epochs of
// batches of 32. The oracle is least squares: the trained line's MSE must come within 5 % of
// the best line's, as the book's chapter asserts for every seed.
import Foundation
import NeuralKit

RandomGenerator.seedGlobal(0)
let x = Tensor.uniform([100, 1])
let y = Tensor.uniform([100, 1])
let model = Sequential {
    Dense(1, inputSize: 1)
}
model.compile(optimizer: Adam(learningRate: 0.01), loss: MeanSquaredError())
let history = model.fit(x, y, epochs: 1000, batchSize: 32)

// Least squares: w* = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², b* = ȳ − w* x̄.
let xs = x.scalars.map(Double.init)
let ys = y.scalars.map(Double.init)
let count = Double(xs.count)
let (xMean, yMean) = (xs.reduce(0, +) / count, ys.reduce(0, +) / count)
let covariance = zip(xs, ys).map { ($0 - xMean) * ($1 - yMean) }.reduce(0, +)
let variance = xs.map { ($0 - xMean) * ($0 - xMean) }.reduce(0, +)
let slope = covariance / variance
let intercept = yMean - slope * xMean
let residuals = zip(xs, ys).map { xi, yi in yi - (slope * xi + intercept) }
let bestMSE = residuals.map { $0 * $0 }.reduce(0, +) / count
let trainedMSE = Double(model.evaluate(x, y))
print("final epoch loss \(history.finalLoss), trained MSE \(trainedMSE), least-squares MSE \(bestMSE)")
guard trainedMSE.isFinite, (trainedMSE - bestMSE) / bestMSE < 0.05 else {
    print("error: the trained model's MSE is not within 5 % of least squares")
    exit(1)
}
