import Dispatch

extension Sequential {
    /// Chooses how the model learns (Keras's `compile`).
    public func compile(optimizer: any Optimizer, loss: any Loss) {
        self.optimizer = optimizer
        self.loss = loss
    }

    /// Trains the model on `x`/`y` (samples along the first dimension) with mini-batch
    /// gradient steps: each epoch visits the samples in a fresh order drawn from the default
    /// generator (when `shuffle`), in batches of `batchSize` (the last one may be smaller).
    @discardableResult
    public func fit(_ x: Tensor, _ y: Tensor, epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true) -> History {
        guard let optimizer, let loss else {
            preconditionFailure("call compile(optimizer:loss:) before fit")
        }
        precondition(x.rank >= 1 && y.rank >= 1 && x.shape[0] == y.shape[0],
            "fit needs as many targets as samples, got \(x.shape) and \(y.shape)")
        precondition(batchSize > 0 && epochs >= 0, "fit needs batchSize > 0 and epochs ≥ 0")
        let start = DispatchTime.now().uptimeNanoseconds
        let sampleCount = x.shape[0]
        var history = History()
        for _ in 0..<epochs {
            let order = shuffle ? RandomGenerator.global.permutation(sampleCount) : Array(0..<sampleCount)
            var weightedLoss: Float = 0
            for batchStart in stride(from: 0, to: sampleCount, by: batchSize) {
                let rows = Array(order[batchStart..<min(batchStart + batchSize, sampleCount)])
                let batchLoss = loss(predicted: self(x.gathering(rows: rows)), target: y.gathering(rows: rows))
                batchLoss.backward()
                optimizer.update(parameters)
                parameters.forEach { $0.zeroGradient() }
                weightedLoss += batchLoss.scalar * Float(rows.count)
            }
            history.loss.append(weightedLoss / Float(sampleCount))
        }
        history.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return history
    }

    /// The model's outputs for `x`, without recording gradients.
    public func predict(_ x: Tensor) -> Tensor {
        withoutGradient { self(x) }
    }

    /// The compiled loss on `x`/`y`, without recording gradients.
    public func evaluate(_ x: Tensor, _ y: Tensor) -> Float {
        guard let loss else { preconditionFailure("call compile(optimizer:loss:) before evaluate") }
        return withoutGradient { loss(predicted: self(x), target: y).scalar }
    }
}
