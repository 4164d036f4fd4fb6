/// Grid search: every combination of the given values, each trained with the same budget.
/// Its cost is `(Π_d |values_d|) · budgetPerTrial`; it needs explicit values (`.choice`,
/// `.integer`, `.logSpaced`) for every hyperparameter.
///
/// ```swift
/// let grid: SearchSpace = ["learningRate": .logSpaced(1e-3, 1, count: 4), "batchSize": .choice([16, 64])]
/// let result = GridSearch(grid, budgetPerTrial: 10).run { configuration, epochs in
///     validationLoss(configuration, epochs)
/// }
/// ```
public struct GridSearch: Sendable {
    /// The values to combine.
    public let space: SearchSpace
    /// The budget given to every trial.
    public let budgetPerTrial: Int

    /// A grid search over `space`, `budgetPerTrial` per combination.
    /// - Parameters:
    ///   - space: The values to combine.
    ///   - budgetPerTrial: The budget passed to every trial.
    public init(_ space: SearchSpace, budgetPerTrial: Int = 1) {
        precondition(budgetPerTrial > 0, "GridSearch needs budgetPerTrial > 0, got \(budgetPerTrial)")
        self.space = space
        self.budgetPerTrial = budgetPerTrial
    }

    /// The combinations in run order: the first hyperparameter varying slowest.
    public var configurations: [Configuration] { space.grid() }

    /// The total budget the search will spend.
    public var totalBudget: Int { configurations.count * budgetPerTrial }

    /// Evaluates `objective(configuration, budget)` for every combination, in order; lower
    /// scores are better.
    /// - Parameter objective: Trains with a configuration and a budget and returns the score.
    /// - Returns: Every trial and the best.
    public func run(_ objective: (Configuration, _ budget: Int) -> Float) -> TuningResult {
        TuningResult(method: "grid", evaluating: configurations, budget: budgetPerTrial, objective)
    }
}
