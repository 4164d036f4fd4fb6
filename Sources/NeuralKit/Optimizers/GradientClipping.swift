/// Clips gradients by their global norm, as Keras's `global_clipnorm` and PyTorch's
/// `clip_grad_norm_`: with `‖g‖ = √(Σ over every parameter and element of g²)`,
///
///     g ← g · maxNorm / max(‖g‖, maxNorm)
///
/// so an exploding gradient keeps its direction but not its size, and a small one is left
/// alone. Call it between `backward()` and the optimizer's `update`; returns `‖g‖` before
/// clipping (worth plotting: spikes show where training became unstable).
///
/// ```swift
/// loss.backward()
/// let norm = clipGradients(model.parameters, maxNorm: 1)
/// optimizer.update(model.parameters)
/// ```
/// - Parameters:
///   - parameters: The tensors whose gradients are clipped together.
///   - maxNorm: The largest global norm allowed, > 0.
/// - Returns: `‖g‖` before clipping.
@discardableResult
public func clipGradients(_ parameters: [Tensor], maxNorm: Float) -> Float {
    precondition(maxNorm > 0, "clipGradients needs maxNorm > 0, got \(maxNorm)")
    let norm = globalGradientNorm(parameters)
    if norm > maxNorm { scaleGradients(parameters, by: maxNorm / norm) }
    return norm
}

/// `‖g‖ = √(Σ g²)` over the gradients of all `parameters` (those without one count as 0).
/// - Parameter parameters: The tensors whose gradients count.
/// - Returns: `‖g‖`.
public func globalGradientNorm(_ parameters: [Tensor]) -> Float {
    var squares: Float = 0
    for gradient in parameters.compactMap(\.gradient) {
        for value in gradient { squares += value * value }
    }
    return squares.squareRoot()
}

/// Multiplies every gradient by `factor` (clipping, and averaging accumulated gradients).
func scaleGradients(_ parameters: [Tensor], by factor: Float) {
    for parameter in parameters where parameter.gradient != nil {
        parameter.gradient = parameter.gradient?.map { $0 * factor }
    }
}
