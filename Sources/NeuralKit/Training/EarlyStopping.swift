/// Stops `fit` when the monitored loss has not improved for `patience` epochs (Keras's
/// `EarlyStopping` callback): the validation loss when there is validation data, otherwise
/// the training loss. An improvement means falling below the best so far by more than
/// `minDelta`.
///
/// ```swift
/// model.fit(x, y, epochs: 500, validationSplit: 0.2, earlyStopping: EarlyStopping(patience: 10))
/// ```
public final class EarlyStopping {
    /// How many epochs without improvement are allowed before stopping.
    public let patience: Int
    /// How much lower than the best a loss must be to count as an improvement.
    public let minDelta: Float
    private var best = Float.infinity
    private var epochsWithoutImprovement = 0

    /// Creates the callback; use a new one for each `fit` call, since it remembers the best loss.
    ///
    /// - Parameters:
    ///   - patience: Epochs without improvement tolerated, ≥ 0.
    ///   - minDelta: The smallest drop that counts as an improvement, ≥ 0.
    public init(patience: Int = 5, minDelta: Float = 0) {
        precondition(patience >= 0 && minDelta >= 0, "EarlyStopping needs patience ≥ 0 and minDelta ≥ 0")
        self.patience = patience
        self.minDelta = minDelta
    }

    /// Takes an epoch's monitored loss; returns true when training should stop.
    func shouldStop(after loss: Float) -> Bool {
        if loss < best - minDelta {
            best = loss
            epochsWithoutImprovement = 0
            return false
        }
        epochsWithoutImprovement += 1
        return epochsWithoutImprovement > patience
    }
}

/// Extra quantities `fit` records per epoch.
public enum Metric: Sendable {
    /// The fraction of samples classified right: for `k > 1` outputs the arg-max against the
    /// class index (targets `[n]`/`[n, 1]`) or the one-hot arg-max (targets `[n, k]`); for one
    /// output, the output thresholded at 0.5 against the 0/1 target (Keras's binary accuracy).
    case accuracy

    func value(predicted: Tensor, target: Tensor) -> Float {
        let samples = predicted.shape[0]
        guard samples > 0 else { return 0 }
        let classes = predicted.count / samples
        var right = 0
        for sample in 0..<samples {
            let row = predicted.scalars[(sample * classes)..<((sample + 1) * classes)]
            if classes == 1 {
                right += (row[row.startIndex] > 0.5) == (target.scalars[sample] > 0.5) ? 1 : 0
                continue
            }
            let predictedClass = row.indices.max { row[$0] < row[$1] }! - row.startIndex
            let actualClass: Int
            if target.count == samples {
                actualClass = Int(target.scalars[sample])
            } else {
                let targetRow = target.scalars[(sample * classes)..<((sample + 1) * classes)]
                actualClass = targetRow.indices.max { targetRow[$0] < targetRow[$1] }! - targetRow.startIndex
            }
            right += predictedClass == actualClass ? 1 : 0
        }
        return Float(right) / Float(samples)
    }
}
