/// A lookup table from token ids to learned vectors, Keras's `Embedding(input_dim, output_dim)`:
/// `y[…, :] = E[x[…], :]` for integer ids `x` (stored as whole-number `Float`s) in
/// `0..<inputDimension`; output shape `input.shape + [outputDimension]`.
///
/// The table `E: [inputDimension, outputDimension]` starts uniform in `[−0.05, 0.05)`
/// (Keras's default). The gradient reaches only the rows that were looked up, summed over
/// repeats; the ids themselves are not differentiable.
///
/// ```swift
/// let embed = Embedding(inputDimension: 100, outputDimension: 16)
/// embed(Tensor([[3, 14, 15]])).shape   // [1, 3, 16]
/// ```
public final class Embedding: Layer {
    /// The vocabulary size: ids run over `0..<inputDimension`.
    public let inputDimension: Int
    /// The length of each vector.
    public let outputDimension: Int
    /// `E`, shape `[inputDimension, outputDimension]`.
    public let table: Tensor

    /// Creates the layer, drawing the table from the engine's default generator.
    /// - Parameters:
    ///   - inputDimension: The vocabulary size, > 0.
    ///   - outputDimension: The length of each vector, > 0.
    public init(inputDimension: Int, outputDimension: Int) {
        precondition(
            inputDimension > 0 && outputDimension > 0,
            "Embedding needs positive dimensions, got \(inputDimension) and \(outputDimension)")
        self.inputDimension = inputDimension
        self.outputDimension = outputDimension
        table = Tensor.uniform(
            [inputDimension, outputDimension], low: -0.05, high: 0.05, using: &RandomGenerator.global)
        table.requiresGradient = true
    }

    /// Looks up each id's row of the table.
    ///
    /// - Parameter input: Whole-number ids in `0..<inputDimension`, any shape.
    /// - Returns: The vectors, shape `input.shape + [outputDimension]`.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        let ids = input.scalars.enumerated().map { position, id in
            precondition(
                id == id.rounded() && id >= 0 && id < Float(inputDimension),
                "Embedding id \(id) at position \(position) is not in 0..<\(inputDimension)")
            return Int(id)
        }
        return table.gathering(rows: ids).reshaped(input.shape + [outputDimension])
    }

    /// The table `E`.
    public var parameters: [Tensor] { [table] }

    /// `"Embedding(inputDimension→outputDimension)"`.
    public var summaryName: String { "Embedding(\(inputDimension)→\(outputDimension))" }
}
