import Foundation

/// One evaluation of the objective: a configuration trained with some budget, and its score.
public struct Trial: Sendable {
    /// Its position in run order, from 0.
    public let index: Int
    /// The hyperparameters evaluated.
    public let configuration: Configuration
    /// The budget given to the objective (epochs, say).
    public let budget: Int
    /// The successive-halving rung (0 for grid and random search).
    public let rung: Int
    /// What the objective returned; lower is better (NaN counts as worst).
    public let score: Float

    /// Whether this trial beats `other`: a lower score, NaN last, ties to the earlier trial.
    /// - Parameter other: Another trial.
    /// - Returns: Whether this one ranks first.
    public func isBetter(than other: Trial) -> Bool {
        switch (score.isNaN, other.score.isNaN) {
        case (false, true): return true
        case (true, false): return false
        case (true, true): return index < other.index
        case (false, false): return score < other.score || (score == other.score && index < other.index)
        }
    }
}

/// What a search did: every trial in run order, the best one and the total budget spent.
///
/// ```swift
/// let result = RandomSearch(space, trials: 9, budgetPerTrial: 12, seed: 1).run { configuration, epochs in … }
/// print(result.table())          // Markdown, one row per trial
/// result.best.configuration
/// ```
public struct TuningResult: Sendable, CustomStringConvertible {
    /// The search that ran: "grid", "random" or "successive halving".
    public let method: String
    /// Every trial, in the order they ran.
    public let trials: [Trial]

    /// A result from trials in run order.
    /// - Parameters:
    ///   - method: The search's name.
    ///   - trials: Every trial, in run order.
    public init(method: String, trials: [Trial]) {
        precondition(!trials.isEmpty, "a tuning result needs at least one trial")
        self.method = method
        self.trials = trials
    }

    /// Evaluates `objective(configuration, budget)` for every configuration, in order, each
    /// with the same budget (what grid and random search do).
    init(
        method: String, evaluating configurations: [Configuration], budget: Int,
        _ objective: (Configuration, _ budget: Int) -> Float
    ) {
        let trials = configurations.enumerated().map { index, configuration in
            Trial(
                index: index, configuration: configuration, budget: budget, rung: 0,
                score: objective(configuration, budget))
        }
        self.init(method: method, trials: trials)
    }

    /// The best trial among those given the largest budget (in successive halving, the last
    /// rung: scores from smaller budgets are not comparable).
    public var best: Trial {
        let finalBudget = trials.map(\.budget).max() ?? 0
        let finalists = trials.filter { $0.budget == finalBudget }
        return finalists.dropFirst().reduce(finalists[0]) { $1.isBetter(than: $0) ? $1 : $0 }
    }

    /// `Σ budget` over all trials: what the search cost.
    public var totalBudget: Int { trials.reduce(0) { $0 + $1.budget } }

    /// The trials by largest budget first, then best score first.
    public var ranked: [Trial] {
        trials.sorted { $0.budget != $1.budget ? $0.budget > $1.budget : $0.isBetter(than: $1) }
    }

    /// A Markdown table of the trials (in run order, or `ranked`), the best marked with ★.
    /// - Parameter byScore: Whether to list the trials `ranked` instead of in run order.
    /// - Returns: The table's lines.
    public func table(ranked byScore: Bool = false) -> String {
        let names = trials[0].configuration.names
        let showsRung = trials.contains { $0.rung > 0 }
        let header = ["trial"] + (showsRung ? ["rung"] : []) + names + ["budget", "score"]
        var lines = [row(header), row(header.map { _ in "---" })]
        let bestIndex = best.index
        for trial in byScore ? ranked : trials {
            let marker = trial.index == bestIndex ? " ★" : ""
            let cells =
                ["\(trial.index)"] + (showsRung ? ["\(trial.rung)"] : [])
                + trial.configuration.values.map(\.description)
                + ["\(trial.budget)", formatScore(trial.score) + marker]
            lines.append(row(cells))
        }
        return lines.joined(separator: "\n")
    }

    /// One line: the method, trial count, total budget and the best trial.
    public var description: String {
        "\(method): \(trials.count) trials, total budget \(totalBudget), best \(best.configuration) "
            + "(score \(formatScore(best.score)), budget \(best.budget))"
    }
}

/// `| a | b |`.
private func row(_ cells: [String]) -> String {
    "| " + cells.joined(separator: " | ") + " |"
}

/// A score with four significant digits, `nan` for NaN.
private func formatScore(_ score: Float) -> String {
    score.isNaN ? "nan" : String(format: "%.4g", Double(score))
}
