/// What `fit` records, one entry per epoch (Keras's `History.history`).
public struct History: Sendable {
    /// The training loss of each epoch: the mean of its batch losses weighted by batch size.
    public var loss: [Float] = []
    /// Wall time of the whole `fit` call, in seconds.
    public var seconds: Double = 0

    public init(loss: [Float] = [], seconds: Double = 0) {
        self.loss = loss
        self.seconds = seconds
    }

    /// The last epoch's loss.
    public var finalLoss: Float {
        precondition(!loss.isEmpty, "History has no epochs")
        return loss[loss.count - 1]
    }
}
