import Dispatch

/// Synchronous data-parallel training: every global batch is split across `workers` threads,
/// each computes the gradient of its shard, the gradients are averaged in worker order and
/// the optimizer takes one step, as in one all-reduce step of distributed training.
///
/// Each global batch of `N` samples is cut into `K` contiguous shards; shard `k` is
/// `[⌊kN/K⌋, ⌊(k+1)N/K⌋)`, so sizes `n_k` differ by at most one (and are 0 when `N < K`).
/// All workers run the one model at once: the forward pass only reads its parameters, and
/// each worker's `backward()` puts the parameters' gradients into a `GradientSink` of its own
/// instead of the shared tensors, so any layer type trains data-parallel. On its own thread
/// worker `k` computes the shard's loss `L_k` (the compiled loss plus the layers' penalties,
/// in training mode) and `g_k = ∇L_k`. The calling thread then sums, always left to right in
/// worker order 0, 1, …, K−1 so that the result is the same bits whatever the threads' timing,
///
///     g = Σ_k (n_k / N) · g_k        L = Σ_k (n_k / N) · L_k
///
/// For a mean-reduced loss (the default) `L` is the mean loss of the whole batch and `g` its
/// gradient: the same math as one worker on that batch, up to float rounding. (A `.sum`
/// loss would be scaled by `1/N`.) The optimizer then updates the model's own parameters.
///
/// ```swift
/// let model = Sequential { Dense(16, inputSize: 4, activation: .relu); Dense(1) }
/// let trainer = DataParallelTrainer(model: model, loss: MeanSquaredError(), optimizer: SGD(learningRate: 0.1), workers: 4)
/// let history = trainer.fit(x, y, epochs: 10, batchSize: 64)
/// history.epochSeconds        // measured wall time per epoch
/// ```
///
/// Threads: the calling thread shuffles (with `RandomGenerator.global`, as `Sequential.fit`
/// does, so `workers: 1` reproduces `fit` exactly for a model without random layers), gathers
/// the shards, averages and steps. The workers run at once under
/// `DispatchQueue.concurrentPerform` (libdispatch's threads and the calling one, at most one
/// per core at a time). A random layer such as `Dropout` draws, on worker `k` at step `t`, from
/// a generator seeded by `t`, `k` and the default generator's state (which it does not
/// advance): the same masks on every run, whichever thread runs the worker. A worker's
/// products run on its own thread (only one thread at a time shares work, `SharedWork`), and
/// their bits never depend on the thread.
public final class DataParallelTrainer {
    /// The model trained; its parameters are the ones the optimizer updates.
    public let model: Sequential
    /// The loss each worker computes on its shard (mean-reduced for exact averaging).
    public let loss: any Loss
    /// Takes one step per global batch from the averaged gradient.
    public let optimizer: any Optimizer
    /// The number of worker threads `K`.
    public let workers: Int
    /// One per worker; made at the first step, when the model is built.
    private var workerStates: [DataParallelWorker] = []
    /// Steps taken: with the worker's index and the default generator's state, it seeds what
    /// random layers draw on each worker.
    private var steps = 0

    /// Creates a trainer for `model` with `workers` worker threads.
    /// - Parameters:
    ///   - model: The model to train.
    ///   - loss: The loss each worker differentiates.
    ///   - optimizer: The optimizer that steps with the averaged gradient.
    ///   - workers: The number of worker threads, > 0.
    public init(model: Sequential, loss: any Loss, optimizer: any Optimizer, workers: Int) {
        precondition(workers > 0, "DataParallelTrainer needs at least one worker, got \(workers)")
        self.model = model
        self.loss = loss
        self.optimizer = optimizer
        self.workers = workers
    }

    /// Trains on `x`/`y` (samples along the first dimension) for `epochs` epochs of global
    /// batches of `batchSize` (the last may be smaller), one optimizer step per batch. Each
    /// epoch visits the samples in a fresh order from the default generator when `shuffle`.
    /// Layers built lazily are built at the first step, drawing what `fit` would draw.
    /// - Parameters:
    ///   - x: The inputs, samples along the first dimension.
    ///   - y: The targets.
    ///   - epochs: The passes over the samples.
    ///   - batchSize: The global batch, split among the workers.
    ///   - shuffle: Whether each epoch visits the samples in a fresh order.
    /// - Returns: Each epoch's loss and wall time.
    @discardableResult
    public func fit(_ x: Tensor, _ y: Tensor, epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true)
        -> DataParallelHistory
    {
        checkFitArguments(x, y, epochs: epochs, batchSize: batchSize)
        let sampleCount = x.shape[0]
        var history = DataParallelHistory(workers: workers)
        let start = DispatchTime.now().uptimeNanoseconds
        whileRecordingGradients {
            for _ in 0..<epochs {
                let epochStart = DispatchTime.now().uptimeNanoseconds
                let order = shuffle ? RandomGenerator.global.permutation(sampleCount) : Array(0..<sampleCount)
                var weightedLoss: Float = 0
                for batchStart in stride(from: 0, to: sampleCount, by: batchSize) {
                    let rows = Array(order[batchStart..<min(batchStart + batchSize, sampleCount)])
                    let batchLoss = step(x, y, rows: rows)
                    history.stepLosses.append(batchLoss)
                    weightedLoss += batchLoss * Float(rows.count)
                }
                history.loss.append(weightedLoss / Float(sampleCount))
                history.epochSeconds.append(seconds(since: epochStart))
            }
        }
        history.seconds = seconds(since: start)
        return history
    }

    /// One synchronous step on the global batch `x`/`y`: averaged gradient, then one update.
    /// Returns the batch loss `L` at the parameters before the step.
    /// - Parameters:
    ///   - x: The global batch's inputs.
    ///   - y: Its targets.
    /// - Returns: `L` before the step.
    @discardableResult
    public func step(_ x: Tensor, _ y: Tensor) -> Float {
        whileRecordingGradients { step(x, y, rows: Array(0..<x.shape[0])) }
    }

    /// The batch loss `L` and averaged gradient `g` at the current parameters, without
    /// stepping: one gradient per `model.parameters` entry, nil where no worker produced one.
    /// - Parameters:
    ///   - x: The global batch's inputs.
    ///   - y: Its targets.
    /// - Returns: `L` and `g`.
    public func lossAndGradient(_ x: Tensor, _ y: Tensor) -> (loss: Float, gradients: [[Float]?]) {
        whileRecordingGradients { averagedLossAndGradient(x, y, rows: Array(0..<x.shape[0])) }
    }

    /// Sets the averaged gradient on the model's parameters, steps and zeros them.
    private func step(_ x: Tensor, _ y: Tensor, rows: [Int]) -> Float {
        let (batchLoss, gradients) = averagedLossAndGradient(x, y, rows: rows)
        let parameters = model.parameters
        for (parameter, gradient) in zip(parameters, gradients) { parameter.gradient = gradient }
        optimizer.update(parameters)
        parameters.forEach { $0.zeroGradient() }
        return batchLoss
    }

    /// Shards `rows`, runs the workers on their threads and averages their results.
    private func averagedLossAndGradient(_ x: Tensor, _ y: Tensor, rows: [Int])
        -> (loss: Float, gradients: [[Float]?])
    {
        precondition(!rows.isEmpty, "a data-parallel step needs at least one sample")
        let states = preparedWorkers(buildingWith: x.gathering(rows: [rows[0]]))
        let parameters = model.parameters
        for (index, (state, range)) in zip(states, shardRanges(count: rows.count, parts: workers)).enumerated() {
            let shard = Array(rows[range])
            state.shard = shard.isEmpty ? nil : (x.gathering(rows: shard), y.gathering(rows: shard))
            state.generator = RandomGenerator(
                seed: RandomGenerator.global.seed(mixing: UInt64(steps) << 16 | UInt64(index)))
        }
        steps += 1
        runConcurrently(states, model: model, loss: loss)
        let weights = states.map { Float($0.sampleCount) / Float(rows.count) }
        let batchLoss = weightedSum(states.map { [$0.loss] }, weights: weights)[0]
        let gradients = parameters.indices.map { index in
            averagedGradient(of: index, states: states, weights: weights)
        }
        return (batchLoss, gradients)
    }

    /// `Σ_k w_k g_k` for one parameter over the workers that computed a gradient for it.
    private func averagedGradient(of index: Int, states: [DataParallelWorker], weights: [Float]) -> [Float]? {
        // An idle worker (empty shard) has no gradients at all.
        let contributions = zip(states, weights).compactMap { state, weight in
            state.gradients.indices.contains(index) ? state.gradients[index].map { ($0, weight) } : nil
        }
        guard !contributions.isEmpty else { return nil }
        return weightedSum(contributions.map(\.0), weights: contributions.map(\.1))
    }

    /// The workers, made once, after building the model's lazy layers with `sample`.
    private func preparedWorkers(buildingWith sample: Tensor) -> [DataParallelWorker] {
        if workerStates.isEmpty {
            _ = model(sample)  // builds lazy layers; the small graph it records is dropped at once
            workerStates = (0..<workers).map { _ in DataParallelWorker() }
        }
        return workerStates
    }
}

/// Runs `body`, where training starts: it stops inside `withoutGradient`, where workers would
/// record no graph and compute no gradient.
private func whileRecordingGradients<Result>(_ body: () -> Result) -> Result {
    precondition(GradientRecording.isEnabled, "DataParallelTrainer cannot train inside withoutGradient")
    return body()
}

/// Seconds elapsed since `start`, a `DispatchTime` in nanoseconds.
private func seconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
