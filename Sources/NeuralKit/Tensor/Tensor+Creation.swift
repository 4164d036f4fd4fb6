extension Tensor {
    /// A tensor of zeros.
    public static func zeros(_ shape: [Int], requiresGradient: Bool = false) -> Tensor {
        Tensor(
            shape: shape, scalars: [Float](repeating: 0, count: shape.reduce(1, *)),
            requiresGradient: requiresGradient)
    }

    /// A tensor of ones.
    public static func ones(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, scalars: [Float](repeating: 1, count: shape.reduce(1, *)))
    }

    /// A tensor filled with `value`.
    public static func full(_ shape: [Int], _ value: Float) -> Tensor {
        Tensor(shape: shape, scalars: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// Uniform values in `[low, high)`, like `np.random.rand` when `low = 0, high = 1`,
    /// drawn from the engine's default generator.
    public static func uniform(_ shape: [Int], low: Float = 0, high: Float = 1) -> Tensor {
        uniform(shape, low: low, high: high, using: &RandomGenerator.global)
    }

    /// Uniform values in `[low, high)` drawn from `generator`: `low + (high − low)·u`.
    public static func uniform(
        _ shape: [Int], low: Float = 0, high: Float = 1, using generator: inout RandomGenerator
    ) -> Tensor {
        let count = shape.reduce(1, *)
        var scalars = [Float](repeating: 0, count: count)
        for i in 0..<count { scalars[i] = low + (high - low) * generator.nextUniform() }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// Normal values with the given mean and standard deviation, from the default generator.
    public static func normal(_ shape: [Int], mean: Float = 0, standardDeviation: Float = 1) -> Tensor {
        normal(shape, mean: mean, standardDeviation: standardDeviation, using: &RandomGenerator.global)
    }

    /// Normal values `mean + standardDeviation · z`, `z` standard normal from `generator`.
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
    public static func glorotUniform(
        _ shape: [Int], fanIn: Int, fanOut: Int, using generator: inout RandomGenerator
    ) -> Tensor {
        let limit = (6 / Float(fanIn + fanOut)).squareRoot()
        return uniform(shape, low: -limit, high: limit, using: &generator)
    }
}
