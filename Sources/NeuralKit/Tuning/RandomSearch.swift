/// Random search (Bergstra & Bengio, 2012): `trials` configurations drawn independently
/// from the space, each trained with the same budget; cost `trials · budgetPerTrial`.
///
/// The draws use a generator of its own, seeded by `seed`, not the engine's default one, so
/// the configurations do not depend on what the objective draws (and the objective may
/// reseed the default generator for every trial, to compare configurations fairly).
///
/// ```swift
/// let space: SearchSpace = ["learningRate": .logUniform(1e-4, 1), "batchSize": .choice([8, 32, 128])]
/// let result = RandomSearch(space, trials: 8, budgetPerTrial: 10, seed: 7).run { configuration, epochs in
///     RandomGenerator.seedGlobal(0)
///     return validationLoss(configuration, epochs)
/// }
/// ```
public struct RandomSearch: Sendable {
    /// Where configurations are drawn from.
    public let space: SearchSpace
    /// How many configurations to try.
    public let trials: Int
    /// The budget given to every trial.
    public let budgetPerTrial: Int
    /// Fixes the configurations drawn.
    public let seed: UInt64

    /// A random search of `trials` draws from `space`.
    /// - Parameters:
    ///   - space: Where to draw from.
    ///   - trials: How many configurations to try, > 0.
    ///   - budgetPerTrial: The budget passed to every trial.
    ///   - seed: Fixes the draws.
    public init(_ space: SearchSpace, trials: Int, budgetPerTrial: Int = 1, seed: UInt64 = 0) {
        precondition(
            trials > 0 && budgetPerTrial > 0,
            "RandomSearch needs trials > 0 and budgetPerTrial > 0, got \(trials), \(budgetPerTrial)")
        self.space = space
        self.trials = trials
        self.budgetPerTrial = budgetPerTrial
        self.seed = seed
    }

    /// The configurations in run order: draws 0, 1, … from `RandomGenerator(seed: seed)`.
    public var configurations: [Configuration] {
        sampleConfigurations(space, count: trials, seed: seed)
    }

    /// The total budget the search will spend.
    public var totalBudget: Int { trials * budgetPerTrial }

    /// Evaluates `objective(configuration, budget)` for every draw, in order; lower scores
    /// are better.
    /// - Parameter objective: Trains with a configuration and a budget and returns the score.
    /// - Returns: Every trial and the best.
    public func run(_ objective: (Configuration, _ budget: Int) -> Float) -> TuningResult {
        TuningResult(method: "random", evaluating: configurations, budget: budgetPerTrial, objective)
    }
}

/// `count` configurations drawn in order from `RandomGenerator(seed: seed)`.
func sampleConfigurations(_ space: SearchSpace, count: Int, seed: UInt64) -> [Configuration] {
    var generator = RandomGenerator(seed: seed)
    return (0..<count).map { _ in space.sample(using: &generator) }
}
