import Foundation

/// One value a hyperparameter takes: a real number, an integer or a name.
///
/// Literals choose the case, so `.choice([8, 32, 128])` holds integers,
/// `.choice([0.1, 0.01])` reals and `.choice(["sgd", "adam"])` names.
public enum HyperparameterValue: Hashable, Sendable {
    /// A real number, such as a learning rate.
    case real(Double)
    /// An integer, such as a batch size or a layer width.
    case integer(Int)
    /// A name, such as an optimizer's.
    case text(String)
}

extension HyperparameterValue: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    /// A real value from a literal such as `0.01`.
    /// - Parameter value: The literal.
    public init(floatLiteral value: Double) { self = .real(value) }
    /// An integer value from a literal such as `32`.
    /// - Parameter value: The literal.
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// A name from a literal such as `"adam"`.
    /// - Parameter value: The literal.
    public init(stringLiteral value: String) { self = .text(value) }
}

extension HyperparameterValue: CustomStringConvertible {
    /// Reals with four significant digits (`0.001234`), integers and names as they are.
    public var description: String {
        switch self {
        case .real(let value): String(format: "%.4g", value)
        case .integer(let value): "\(value)"
        case .text(let value): value
        }
    }
}

/// Where a hyperparameter is searched: explicit values (for grids and random picks) or a
/// range to sample (for random search only).
///
/// ```swift
/// let space: SearchSpace = [
///     "learningRate": .logUniform(1e-4, 1),
///     "batchSize": .choice([8, 32, 128]),
/// ]
/// ```
public enum Hyperparameter: Sendable {
    /// One of these values: all of them in a grid, one uniformly at random otherwise.
    case choice([HyperparameterValue])
    /// A real `low + (high − low)·u`, `u` uniform in `[0, 1)`.
    case uniform(Double, Double)
    /// A real `exp(ln low + (ln high − ln low)·u)`: every decade equally likely, the usual
    /// prior for learning rates and regularization strengths.
    case logUniform(Double, Double)
    /// An integer uniform in the range, bounds included; a grid takes every one.
    case integer(ClosedRange<Int>)

    /// `count` reals spaced evenly on a log scale from `low` to `high`, both included: a
    /// grid's version of `.logUniform` (`logSpaced(1e-4, 1, count: 5)` is 10⁻⁴, 10⁻³, …, 1).
    /// - Parameters:
    ///   - low: The first value, > 0.
    ///   - high: The last value, > `low`.
    ///   - count: How many values, ≥ 2.
    /// - Returns: A `.choice` of the values.
    public static func logSpaced(_ low: Double, _ high: Double, count: Int) -> Hyperparameter {
        precondition(
            low > 0 && high > low && count >= 2,
            "logSpaced needs 0 < low < high and count ≥ 2, got \(low), \(high), \(count)")
        let step = (Elementary.log(high) - Elementary.log(low)) / Double(count - 1)
        return .choice((0..<count).map { .real(Elementary.exp(Elementary.log(low) + Double($0) * step)) })
    }

    /// Every value, in order, for a grid; stops on a continuous range, naming it.
    func gridValues(name: String) -> [HyperparameterValue] {
        switch self {
        case .choice(let values): return values
        case .integer(let range): return range.map { .integer($0) }
        case .uniform, .logUniform:
            preconditionFailure("a grid needs explicit values for '\(name)', got \(self): use .choice or .logSpaced")
        }
    }

    /// One value drawn from `generator` (`u = (next() >> 11)·2⁻⁵³` for the real ranges).
    func sample(using generator: inout RandomGenerator) -> HyperparameterValue {
        switch self {
        case .choice(let values):
            return values[generator.nextInt(below: values.count)]
        case .integer(let range):
            return .integer(range.lowerBound + generator.nextInt(below: range.count))
        case .uniform(let low, let high):
            return .real(low + (high - low) * unitDouble(&generator))
        case .logUniform(let low, let high):
            return .real(
                Elementary.exp(
                    Elementary.log(low) + (Elementary.log(high) - Elementary.log(low)) * unitDouble(&generator)))
        }
    }

    /// Stops on an empty or reversed range, naming the hyperparameter.
    func validate(name: String) {
        switch self {
        case .choice(let values):
            precondition(!values.isEmpty, "'\(name)' has no values to choose from")
        case .integer:
            break
        case .uniform(let low, let high):
            precondition(low < high, "'\(name)' needs low < high, got uniform(\(low), \(high))")
        case .logUniform(let low, let high):
            precondition(0 < low && low < high, "'\(name)' needs 0 < low < high, got logUniform(\(low), \(high))")
        }
    }
}

/// A uniform `Double` in `[0, 1)` from the top 53 bits.
private func unitDouble(_ generator: inout RandomGenerator) -> Double {
    Double(generator.next() >> 11) * 0x1p-53
}
