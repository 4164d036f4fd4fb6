extension Tensor {
    /// A tensor of zeros.
    /// - Parameters:
    ///   - shape: The dimensions.
    ///   - requiresGradient: Whether it is a parameter that gradients flow to.
    /// - Returns: A leaf tensor of zeros.
    public static func zeros(_ shape: [Int], requiresGradient: Bool = false) -> Tensor {
        Tensor(
            shape: shape, scalars: [Float](repeating: 0, count: shape.reduce(1, *)),
            requiresGradient: requiresGradient)
    }

    /// A tensor of ones.
    /// - Parameter shape: The dimensions.
    /// - Returns: A leaf tensor of ones.
    public static func ones(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, scalars: [Float](repeating: 1, count: shape.reduce(1, *)))
    }

    /// A tensor filled with `value`.
    /// - Parameters:
    ///   - shape: The dimensions.
    ///   - value: Every scalar's value.
    /// - Returns: A leaf tensor.
    public static func full(_ shape: [Int], _ value: Float) -> Tensor {
        Tensor(shape: shape, scalars: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// Uniform values in `[low, high)`, like `np.random.rand` when `low = 0, high = 1`,
    /// drawn from the engine's default generator.
    /// - Parameters:
    ///   - shape: The dimensions.
    ///   - low: The smallest possible value.
    ///   - high: The bound the values stay under.
    /// - Returns: A leaf tensor.
    public static func uniform(_ shape: [Int], low: Float = 0, high: Float = 1) -> Tensor {
        uniform(shape, low: low, high: high, using: &RandomGenerator.global)
    }

    /// Uniform values in `[low, high)` drawn from `generator`: `low + (high − low)·u`.
    /// - Parameters:
    ///   - shape: The dimensions.
    ///   - low: The smallest possible value.
    ///   - high: The bound the values stay under.
    ///   - generator: The generator to draw from.
    /// - Returns: A leaf tensor.
    public static func uniform(
        _ shape: [Int], low: Float = 0, high: Float = 1, using generator: inout RandomGenerator
    ) -> Tensor {
        let count = shape.reduce(1, *)
        var scalars = [Float](repeating: 0, count: count)
        for i in 0..<count { scalars[i] = low + (high - low) * generator.nextUniform() }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// Normal values with the given mean and standard deviation, from the default generator.
    /// - Parameters:
    ///   - shape: The dimensions.
    ///   - mean: The distribution's mean.
    ///   - standardDeviation: The distribution's standard deviation.
    /// - Returns: A leaf tensor.
    public static func normal(_ shape: [Int], mean: Float = 0, standardDeviation: Float = 1) -> Tensor {
        normal(shape, mean: mean, standardDeviation: standardDeviation, using: &RandomGenerator.global)
    }

    /// Normal values `mean + standardDeviation · z`, `z` standard normal from `generator`.
    /// - Parameters:
    ///   - shape: The dimensions.
    ///   - mean: The distribution's mean.
    ///   - standardDeviation: The distribution's standard deviation.
    ///   - generator: The generator to draw from.
    /// - Returns: A leaf tensor.
    public static func normal(
        _ shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
        using generator: inout RandomGenerator
    ) -> Tensor {
        let count = shape.reduce(1, *)
        var scalars = [Float](repeating: 0, count: count)
        for i in 0..<count { scalars[i] = mean + standardDeviation * generator.nextNormal() }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// Glorot (Xavier) uniform initialization, Keras's default for kernels:
    /// `U(−l, l)` with `l = √(6 / (fanIn + fanOut))`.
    /// - Parameters:
    ///   - shape: The dimensions.
    ///   - fanIn: The number of inputs of each unit.
    ///   - fanOut: The number of outputs.
    ///   - generator: The generator to draw from.
    /// - Returns: A leaf tensor (set `requiresGradient` on the layer's copy).
    public static func glorotUniform(
        _ shape: [Int], fanIn: Int, fanOut: Int, using generator: inout RandomGenerator
    ) -> Tensor {
        let limit = (6 / Float(fanIn + fanOut)).squareRoot()
        return uniform(shape, low: -limit, high: limit, using: &generator)
    }
}
