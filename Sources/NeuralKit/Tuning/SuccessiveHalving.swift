/// Successive halving (Jamieson & Talwalkar, 2016; the inner loop of Hyperband): try many
/// configurations on a small budget, keep the best 1/η of them, give those η times more,
/// and repeat until one is left.
///
/// With `n` configurations, minimum budget `r` and reduction `η`, rung `i = 0, 1, …, s`,
/// `s = ⌊log_η n⌋`, evaluates `n_i = ⌊n/η^i⌋` configurations (the best `⌊n_{i−1}/η⌋` of the
/// rung before, ties to the earlier configuration) with budget `r_i = r·η^i` each. Every
/// evaluation starts from scratch (the objective trains anew for its budget), so the total
/// budget is
///
///     B = Σ_{i=0}^{s} ⌊n/η^i⌋ · r·η^i         (= (s + 1)·n·r when n = η^s)
///
/// e.g. n = 27, r = 1, η = 3: rungs of 27, 9, 3, 1 configurations at 1, 3, 9, 27 epochs,
/// B = 4·27 = 108, the cost of a 9-configuration grid at 12 epochs each. The configurations
/// are drawn as `RandomSearch` draws them: with the same seed, the first `n` of its draws.
///
/// ```swift
/// let halving = SuccessiveHalving(space, configurations: 27, minimumBudget: 1, reduction: 3, seed: 7)
/// let result = halving.run { configuration, epochs in validationLoss(configuration, epochs) }
/// result.totalBudget == halving.totalBudget     // 108
/// ```
public struct SuccessiveHalving: Sendable {
    /// Where configurations are drawn from.
    public let space: SearchSpace
    /// `n`, the configurations in the first rung.
    public let configurationCount: Int
    /// `r`, the budget of each first-rung evaluation.
    public let minimumBudget: Int
    /// `η ≥ 2`: each rung keeps `1/η` of the configurations and multiplies the budget by `η`.
    public let reduction: Int
    /// Fixes the configurations drawn.
    public let seed: UInt64

    /// Successive halving of `configurations` draws from `space`.
    /// - Parameters:
    ///   - space: Where to draw from.
    ///   - configurations: `n`, how many configurations the first rung tries, > 0.
    ///   - minimumBudget: `r`, the first rung's budget.
    ///   - reduction: `η ≥ 2`.
    ///   - seed: Fixes the draws.
    public init(
        _ space: SearchSpace, configurations: Int, minimumBudget: Int = 1, reduction: Int = 3, seed: UInt64 = 0
    ) {
        precondition(configurations > 0, "SuccessiveHalving needs configurations > 0, got \(configurations)")
        precondition(minimumBudget > 0, "SuccessiveHalving needs minimumBudget > 0, got \(minimumBudget)")
        precondition(reduction >= 2, "SuccessiveHalving needs reduction ≥ 2, got \(reduction)")
        self.space = space
        self.configurationCount = configurations
        self.minimumBudget = minimumBudget
        self.reduction = reduction
        self.seed = seed
    }

    /// The first rung's configurations: draws 0 … n−1 from `RandomGenerator(seed: seed)`.
    public var configurations: [Configuration] {
        sampleConfigurations(space, count: configurationCount, seed: seed)
    }

    /// `n_i = ⌊n/η^i⌋` for every rung `i = 0 … s`.
    public var rungSizes: [Int] {
        var sizes = [configurationCount]
        while sizes[sizes.count - 1] / reduction > 0 { sizes.append(sizes[sizes.count - 1] / reduction) }
        return sizes
    }

    /// `r_i = r·η^i` for every rung.
    public var rungBudgets: [Int] {
        rungSizes.indices.map { rung in (0..<rung).reduce(minimumBudget) { budget, _ in budget * reduction } }
    }

    /// `B = Σ_i n_i · r_i`, what `run` will spend.
    public var totalBudget: Int {
        zip(rungSizes, rungBudgets).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Runs the rungs, each in the order of the configurations' first draws; lower scores
    /// are better. The result's `best` is the best of the last rung.
    /// - Parameter objective: Trains with a configuration and a budget and returns the score.
    /// - Returns: Every trial of every rung and the best.
    public func run(_ objective: (Configuration, _ budget: Int) -> Float) -> TuningResult {
        let candidates = configurations
        var survivors = Array(candidates.indices)
        var trials: [Trial] = []
        for (rung, (size, budget)) in zip(rungSizes, rungBudgets).enumerated() {
            precondition(
                survivors.count == size, "rung \(rung) has \(survivors.count) configurations, expected \(size)")
            let rungTrials = survivors.enumerated().map { position, candidate in
                Trial(
                    index: trials.count + position, configuration: candidates[candidate],
                    budget: budget, rung: rung, score: objective(candidates[candidate], budget))
            }
            trials += rungTrials
            let kept = rungTrials.indices.sorted { rungTrials[$0].isBetter(than: rungTrials[$1]) }.prefix(
                size / reduction)
            survivors = kept.sorted().map { survivors[$0] }
        }
        return TuningResult(method: "successive halving", trials: trials)
    }
}
