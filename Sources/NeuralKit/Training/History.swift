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
