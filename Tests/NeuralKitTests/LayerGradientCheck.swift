import Testing

@testable import NeuralKit

/// Expects `backward()` through `layer` to agree with central finite differences, for the
/// input (when `differentiableInput`) and for every parameter: `|a − n| ≤ 10⁻³ + 10⁻²·|n|`.
///
/// The layer is built by a first call, its parameters are then set to fixed random values (so
/// that ones, zeros and orthogonal starts do not hide a wrong term), and the output is weighted
/// by fixed random numbers before summing. (No `withoutGradient` here: its switch is
/// process-wide, and other tests record graphs in parallel.)
func expectLayerGradientsMatch(
    _ layer: Layer, input: Tensor, differentiableInput: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
) {
    let outputShape = layer(input).shape
    for (index, parameter) in layer.parameters.enumerated() {
        parameter.assign(sample(parameter.shape, seed: UInt64(100 + index), low: -0.8, high: 0.8).scalars)
        parameter.zeroGradient()
    }
    let weights = sample(outputShape, seed: 99)
    func loss(_ x: Tensor) -> Tensor { (layer(x) * weights).sum() }
    let x = Tensor(shape: input.shape, scalars: input.scalars, requiresGradient: differentiableInput)
    loss(x).backward()
    var checks: [(name: String, analytic: [Float], numeric: [Float])] = []
    if differentiableInput {
        checks.append(("input", x.gradient ?? [], numericalGradients([input]) { loss($0[0]) }[0]))
    }
    for (index, parameter) in layer.parameters.enumerated() {
        let numeric = numericalParameterGradient(parameter) { loss(input).scalar }
        checks.append(("parameter \(index) \(parameter.shape)", parameter.gradient ?? [], numeric))
    }
    for check in checks {
        #expect(check.analytic.count == check.numeric.count, "\(check.name)", sourceLocation: sourceLocation)
        for (i, (a, n)) in zip(check.analytic, check.numeric).enumerated() {
            #expect(
                abs(a - n) <= 1e-3 + 1e-2 * abs(n), "\(check.name)[\(i)]: analytic \(a) vs numeric \(n)",
                sourceLocation: sourceLocation)
        }
    }
}

/// `(f(p + h) − f(p − h)) / 2h` for every scalar of a parameter, moved in place and restored.
func numericalParameterGradient(_ parameter: Tensor, step: Float = 1e-2, _ f: () -> Float) -> [Float] {
    let original = parameter.scalars
    defer { parameter.assign(original) }
    return original.indices.map { i in
        func value(shiftedBy delta: Float) -> Float {
            var shifted = original
            shifted[i] += delta
            parameter.assign(shifted)
            return f()
        }
        return (value(shiftedBy: step) - value(shiftedBy: -step)) / (2 * step)
    }
}
