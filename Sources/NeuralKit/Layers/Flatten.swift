/// Keeps the first (sample) dimension and flattens the rest, row-major: `[n, d₁, …, dₖ] →
/// [n, d₁·…·dₖ]` (Keras's `Flatten`), typically between convolutions and a `Dense` head.
///
/// ```swift
/// Flatten()(Tensor.zeros([32, 5, 5, 8])).shape   // [32, 200]
/// ```
public final class Flatten: Layer {
    /// Creates the layer.
    public init() {}

    /// Reshapes the batch to one row per sample.
    ///
    /// - Parameter input: A tensor `[n, d₁, …, dₖ]`.
    /// - Returns: The same scalars, shape `[n, d₁·…·dₖ]`.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        precondition(input.rank >= 1, "Flatten needs a batch with a sample dimension, got \(input.shape)")
        return input.reshaped([input.shape[0], input.shape.dropFirst().reduce(1, *)])
    }

    /// None.
    public var parameters: [Tensor] { [] }

    /// `"Flatten"`.
    public var summaryName: String { "Flatten" }
}
