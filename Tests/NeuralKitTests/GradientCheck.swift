import Testing

@testable import NeuralKit

/// Central finite differences, `(f(x + h) − f(x − h)) / 2h`, for every scalar of `inputs`.
/// `f` must return a one-element tensor.
func numericalGradients(_ inputs: [Tensor], step: Float = 1e-2, _ f: ([Tensor]) -> Tensor) -> [[Float]] {
    inputs.indices.map { which in
        (0..<inputs[which].count).map { i in
            func value(shiftedBy delta: Float) -> Float {
                var scalars = inputs[which].scalars
                scalars[i] += delta
                var shifted = inputs
                shifted[which] = Tensor(shape: inputs[which].shape, scalars: scalars)
                return f(shifted).scalar
            }
            return (value(shiftedBy: step) - value(shiftedBy: -step)) / (2 * step)
        }
    }
}

/// Expects `backward()` to agree with finite differences: `|a − n| ≤ 10⁻³ + tolerance·|n|`.
/// (Float32 central differences with h = 10⁻² are good to about 10⁻⁴ here.)
func expectGradientsMatch(
    _ inputs: [Tensor], tolerance: Float = 1e-2, sourceLocation: SourceLocation = #_sourceLocation,
    _ f: ([Tensor]) -> Tensor
) {
    let parameters = inputs.map { Tensor(shape: $0.shape, scalars: $0.scalars, requiresGradient: true) }
    f(parameters).backward()
    let expected = numericalGradients(inputs, f)
    for (parameter, numeric) in zip(parameters, expected) {
        let analytic = parameter.gradient ?? []
        #expect(analytic.count == numeric.count, sourceLocation: sourceLocation)
        for (a, n) in zip(analytic, numeric) {
            #expect(
                abs(a - n) <= 1e-3 + tolerance * abs(n), "analytic \(a) vs numeric \(n)",
                sourceLocation: sourceLocation)
        }
    }
}

/// A fixed pseudo-random tensor (values in [low, high)).
func sample(_ shape: [Int], seed: UInt64, low: Float = -1, high: Float = 1) -> Tensor {
    var generator = RandomGenerator(seed: seed)
    return Tensor.uniform(shape, low: low, high: high, using: &generator)
}

/// A constant tensor of distinct values 4 apart in a fixed random order: added to inputs in
/// [−1, 1), it decides every comparison between positions (max pooling's arg-max), so finite
/// differences never cross a tie.
func separated(_ shape: [Int]) -> Tensor {
    var generator = RandomGenerator(seed: 5)
    return Tensor(shape: shape, scalars: generator.permutation(shape.reduce(1, *)).map { Float($0) * 4 })
}
