/// One point of a search space: a value for every hyperparameter, read by name.
///
/// ```swift
/// let rate = configuration.float("learningRate")      // stops if the space has no such name
/// let batch = configuration.integer("batchSize")
/// ```
public struct Configuration: Hashable, Sendable, CustomStringConvertible {
    /// The hyperparameters' names, in the space's order.
    public let names: [String]
    /// Their values, one per name.
    public let values: [HyperparameterValue]

    /// A configuration from parallel lists of names and values.
    /// - Parameters:
    ///   - names: The hyperparameters' names.
    ///   - values: One value per name.
    public init(names: [String], values: [HyperparameterValue]) {
        precondition(names.count == values.count, "\(names.count) names for \(values.count) values")
        self.names = names
        self.values = values
    }

    /// The value named `name`; stops on an unknown name, listing the known ones.
    /// - Parameter name: A hyperparameter's name.
    /// - Returns: Its value.
    public subscript(name: String) -> HyperparameterValue {
        guard let index = names.firstIndex(of: name) else {
            preconditionFailure("no hyperparameter named '\(name)'; the configuration has \(names)")
        }
        return values[index]
    }

    /// A real or integer value as a `Double`.
    /// - Parameter name: A hyperparameter's name.
    /// - Returns: Its value.
    public func double(_ name: String) -> Double {
        switch self[name] {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        case .text(let value): preconditionFailure("'\(name)' is the name '\(value)', not a number")
        }
    }

    /// A real or integer value as a `Float`, such as a learning rate.
    /// - Parameter name: A hyperparameter's name.
    /// - Returns: Its value.
    public func float(_ name: String) -> Float { Float(double(name)) }

    /// An integer value (or a real that is a whole number), such as a batch size.
    /// - Parameter name: A hyperparameter's name.
    /// - Returns: Its value.
    public func integer(_ name: String) -> Int {
        let value = self[name]
        if case .integer(let integer) = value { return integer }
        if case .real(let real) = value, real == real.rounded(), abs(real) < 1e15 { return Int(real) }
        preconditionFailure("'\(name)' is \(value), not an integer")
    }

    /// A name value, such as an optimizer's.
    /// - Parameter name: A hyperparameter's name.
    /// - Returns: Its value.
    public func text(_ name: String) -> String {
        guard case .text(let text) = self[name] else { preconditionFailure("'\(name)' is \(self[name]), not a name") }
        return text
    }

    /// `name=value` pairs in order, such as `learningRate=0.01, batchSize=32`.
    public var description: String {
        zip(names, values).map { "\($0)=\($1)" }.joined(separator: ", ")
    }
}
