/// The hyperparameters to tune, in the order written: grids vary the last one fastest and
/// random draws go through them in this order, so results do not depend on hashing.
///
/// ```swift
/// let space: SearchSpace = ["learningRate": .logUniform(1e-4, 1), "batchSize": .choice([8, 32, 128])]
/// var generator = RandomGenerator(seed: 1)
/// let configuration = space.sample(using: &generator)
/// configuration.float("learningRate")
/// ```
public struct SearchSpace: Sendable, ExpressibleByDictionaryLiteral {
    /// The hyperparameters and where each is searched, in order.
    public let dimensions: [(name: String, range: Hyperparameter)]

    /// A space from `name: range` pairs; names must be unique.
    /// - Parameter dimensions: The names and ranges, in the order to search them.
    public init(_ dimensions: [(name: String, range: Hyperparameter)]) {
        for (index, dimension) in dimensions.enumerated() {
            precondition(
                !dimensions[..<index].contains { $0.name == dimension.name },
                "hyperparameter '\(dimension.name)' appears twice in the search space")
            dimension.range.validate(name: dimension.name)
        }
        self.dimensions = dimensions
    }

    /// A space from a dictionary literal, keeping the order written.
    /// - Parameter elements: The names and ranges.
    public init(dictionaryLiteral elements: (String, Hyperparameter)...) {
        self.init(elements.map { (name: $0.0, range: $0.1) })
    }

    /// The names, in order.
    public var names: [String] { dimensions.map(\.name) }

    /// Every combination of the dimensions' values (the Cartesian product), the first
    /// dimension varying slowest, as nested `for` loops in the order written.
    /// - Returns: Every combination, once.
    public func grid() -> [Configuration] {
        var combinations: [[HyperparameterValue]] = [[]]
        for (name, range) in dimensions {
            let values = range.gridValues(name: name)
            combinations = combinations.flatMap { prefix in values.map { prefix + [$0] } }
        }
        return combinations.map { Configuration(names: names, values: $0) }
    }

    /// One configuration, drawing each dimension in order from `generator`.
    /// - Parameter generator: The generator to draw from.
    /// - Returns: One configuration.
    public func sample(using generator: inout RandomGenerator) -> Configuration {
        var values: [HyperparameterValue] = []
        for (_, range) in dimensions { values.append(range.sample(using: &generator)) }
        return Configuration(names: names, values: values)
    }
}
