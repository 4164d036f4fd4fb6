/// What `fit` records, one entry per epoch (Keras's `History.history`).
public struct History: Sendable {
    /// The training loss of each epoch: the mean of its batch losses weighted by batch size,
    /// regularization penalties included (as Keras reports it).
    public var loss: [Float] = []
    /// The learning rate of each epoch's last update (it changes with `fit`'s `schedule:` or
    /// `reduceOnPlateau:`; otherwise it is the optimizer's rate every epoch).
    public var learningRates: [Float] = []
    /// Wall time of the whole `fit` call, in seconds.
    public var seconds: Double = 0
    /// The loss on the validation data after each epoch (empty without validation data).
    public var validationLoss: [Float] = []
    /// Accuracy on the training data after each epoch (with `metrics: [.accuracy]`).
    public var accuracy: [Float] = []
    /// Accuracy on the validation data after each epoch (with `metrics: [.accuracy]`).
    public var validationAccuracy: [Float] = []
    /// The epoch (1-based) after which `EarlyStopping` stopped training, if it did.
    public var stoppedEpoch: Int?

    /// Creates a history, e.g. to plot losses recorded by a hand-written training loop.
    ///
    /// - Parameters:
    ///   - loss: The loss of each epoch.
    ///   - learningRates: The learning rate of each epoch.
    ///   - seconds: The wall time of the training.
    public init(loss: [Float] = [], learningRates: [Float] = [], seconds: Double = 0) {
        self.loss = loss
        self.learningRates = learningRates
        self.seconds = seconds
    }

    /// The last epoch's loss.
    public var finalLoss: Float {
        precondition(!loss.isEmpty, "History has no epochs")
        return loss[loss.count - 1]
    }
}

/// The argument checks every training loop shares: one target per sample, a positive batch
/// size, a non-negative number of epochs.
func checkFitArguments(_ x: Tensor, _ y: Tensor, epochs: Int, batchSize: Int) {
    precondition(
        x.rank >= 1 && y.rank >= 1 && x.shape[0] == y.shape[0],
        "fit needs as many targets as samples, got \(x.shape) and \(y.shape)")
    precondition(
        batchSize > 0 && epochs >= 0, "fit needs batchSize > 0 and epochs ≥ 0, got \(batchSize), \(epochs)")
}
