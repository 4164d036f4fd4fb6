/// Mean squared error, the article's equation (3.1.1):
/// `MSE = (1/n) Σᵢ (yᵢ − ŷᵢ)²`.
///
/// ```swift
/// let mse = MeanSquaredError()
/// mse(predicted: Tensor([1, 2]), target: Tensor([1, 4])).scalar   // (0 + 4) / 2 = 2
/// ```
public struct MeanSquaredError: Loss {
    /// How the squared errors are combined (mean by default, as in the formula).
    public var reduction: Reduction

    /// Creates the loss.
    ///
    /// - Parameter reduction: `.mean` for the formula above, `.sum` for `Σᵢ (yᵢ − ŷᵢ)²`.
    public init(reduction: Reduction = .mean) {
        self.reduction = reduction
    }

    /// `L = (1/n) Σᵢ (yᵢ − ŷᵢ)²` with `∂L/∂ŷᵢ = −(2/n)(yᵢ − ŷᵢ)` (or the sum, with `.sum`).
    ///
    /// - Parameters:
    ///   - predicted: The predictions `ŷ`, any shape.
    ///   - target: The targets `y`, the same shape.
    /// - Returns: A scalar tensor.
    public func callAsFunction(predicted: Tensor, target: Tensor) -> Tensor {
        precondition(
            predicted.shape == target.shape,
            "MeanSquaredError needs equal shapes, got \(predicted.shape) and \(target.shape)")
        guard reduction == .mean else { return reduction.apply(square(target - predicted)) }
        return Self.fusedMean(predicted: predicted, target: target)
    }

    /// `mean(square(target − predicted))` as one graph node instead of four: the same
    /// arithmetic in the same order, so values and gradients are bit-identical to the composed
    /// form (a test checks it), with a quarter of the allocations — it is on every step of
    /// the article's example. Pullback: `∂L/∂ŷᵢ = −(g/n · 2dᵢ)`, `∂L/∂yᵢ = g/n · 2dᵢ` with
    /// `dᵢ = yᵢ − ŷᵢ`.
    static func fusedMean(predicted: Tensor, target: Tensor) -> Tensor {
        let count = predicted.count
        let difference = zip(target.scalars, predicted.scalars).map { $0 - $1 }
        let total = difference.map { $0 * $0 }.reduce(0, +)
        let divisor = Float(Swift.max(count, 1))
        return Tensor(shape: [], scalars: [total / divisor], inputs: [predicted, target]) { upstream in
            let perElement = upstream[0] * (1 / divisor)
            let delta = difference.map { perElement * (2 * $0) }
            // `0 + …` as the composed subtraction's pullback adds into zeros (so −0 becomes +0).
            if predicted.requiresGradient { predicted.accumulateGradient(delta.map { 0 + $0 * -1 }) }
            if target.requiresGradient { target.accumulateGradient(delta.map { 0 + $0 * 1 }) }
        }
    }

    /// `fusedMean(predicted, target)` and its `backward()` in one pass, for the fused training
    /// step: returns the loss and writes `∂L/∂ŷᵢ` into `gradient` — the same operations in
    /// the same order as the node and its pullback with upstream 1, so the same bits (a test
    /// checks it).
    static func meanWithGradient(
        predicted: UnsafePointer<Float>, target: UnsafePointer<Float>, count: Int,
        gradient: UnsafeMutablePointer<Float>
    ) -> Float {
        let divisor = Float(Swift.max(count, 1))
        let perElement = 1 * (1 / divisor)
        var total: Float = 0
        for i in 0..<count {
            let difference = target[i] - predicted[i]
            total += difference * difference
            gradient[i] = 0 + perElement * (2 * difference) * -1
        }
        return total / divisor
    }
}
