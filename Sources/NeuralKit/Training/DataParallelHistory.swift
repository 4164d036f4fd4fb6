/// What `DataParallelTrainer.fit` records.
public struct DataParallelHistory: Sendable {
    /// The number of worker threads that trained.
    public let workers: Int
    /// The loss of every global batch, at the parameters before its step.
    public var stepLosses: [Float] = []
    /// The loss of each epoch: its batch losses weighted by batch size (as `History.loss`).
    public var loss: [Float] = []
    /// Measured wall time of each epoch, in seconds (shuffle, shards, threads, averaging, steps).
    public var epochSeconds: [Double] = []
    /// Wall time of the whole `fit` call, in seconds.
    public var seconds: Double = 0

    /// An empty history for `workers` workers.
    /// - Parameter workers: The number of workers.
    public init(workers: Int) {
        self.workers = workers
    }

    /// The last epoch's loss.
    public var finalLoss: Float {
        precondition(!loss.isEmpty, "DataParallelHistory has no epochs")
        return loss[loss.count - 1]
    }
}
