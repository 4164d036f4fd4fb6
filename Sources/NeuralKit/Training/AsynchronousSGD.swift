import Dispatch

/// Asynchronous SGD with bounded staleness τ, simulated deterministically: each update is
/// computed from parameters τ updates old, as when workers push gradients to a parameter
/// server without waiting for one another.
///
/// Update `t` (counted over the whole `fit`, one per mini-batch `B_t`) is computed by worker
/// `t mod K`, which read the parameters τ updates earlier:
///
///     θ_{t+1} = θ_t − α ∇L_{B_t}(θ_{max(0, t−τ)})
///
/// A queue keeps the last τ + 1 parameter versions. τ = 0 is plain synchronous SGD (the
/// same numbers as `Sequential.fit` with `GradientDescent`); the default τ = K − 1 is K
/// equally fast workers taking turns: each reads the parameters right after pushing its
/// previous gradient, and K − 1 other pushes land before its next one. Another τ fixes the
/// delay of every update directly, the worst case a bounded-staleness protocol allows.
///
/// It is a simulation on the calling thread, not threads: a chapter sees the effect of
/// staleness on convergence, reproducibly. The mini-batches are those of `Sequential.fit`
/// (same shuffle from the default generator), so only the staleness differs.
///
/// ```swift
/// let asynchronous = AsynchronousSGD(model: model, loss: MeanSquaredError(), learningRate: 0.1, workers: 4)
/// let history = asynchronous.fit(x, y, epochs: 20, batchSize: 16)    // τ = 3
/// ```
public final class AsynchronousSGD {
    /// The model trained (the parameter server's copy of the parameters).
    public let model: Sequential
    /// The loss each worker differentiates (plus the layers' penalties).
    public let loss: any Loss
    /// The number of simulated workers `K`.
    public let workers: Int
    /// τ, how many updates old the parameters are that each gradient is computed from.
    public let staleness: Int
    /// `θ ← θ − α g`, applied by the server.
    private let descent: GradientDescent

    /// The step size α.
    public var learningRate: Float {
        get { descent.learningRate }
        set { descent.learningRate = newValue }
    }

    /// Creates the simulation; `staleness` defaults to `workers − 1`.
    /// - Parameters:
    ///   - model: The model to train.
    ///   - loss: The loss the workers differentiate.
    ///   - learningRate: α.
    ///   - workers: The number of simulated workers, > 0.
    ///   - staleness: `τ`, how many updates old the parameters a worker reads are.
    public init(model: Sequential, loss: any Loss, learningRate: Float = 0.01, workers: Int, staleness: Int? = nil) {
        precondition(workers > 0, "AsynchronousSGD needs at least one worker, got \(workers)")
        precondition((staleness ?? 0) >= 0, "AsynchronousSGD needs staleness ≥ 0, got \(staleness ?? 0)")
        self.model = model
        self.loss = loss
        self.workers = workers
        self.staleness = staleness ?? workers - 1
        self.descent = GradientDescent(learningRate: learningRate)
    }

    /// Trains on `x`/`y` with one stale update per mini-batch of `batchSize`. The epoch loss
    /// is the batch-size-weighted mean of the losses the workers computed, at the stale
    /// parameters they read. The version queue starts afresh at each call. Layers built
    /// lazily are built at the first batch, as `fit` builds them.
    /// - Parameters:
    ///   - x: The inputs, samples along the first dimension.
    ///   - y: The targets.
    ///   - epochs: The passes over the samples.
    ///   - batchSize: The samples per update.
    ///   - shuffle: Whether each epoch visits the samples in a fresh order.
    /// - Returns: The loss of each epoch and the wall time.
    @discardableResult
    public func fit(_ x: Tensor, _ y: Tensor, epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true)
        -> History
    {
        checkFitArguments(x, y, epochs: epochs, batchSize: batchSize)
        let start = DispatchTime.now().uptimeNanoseconds
        let sampleCount = x.shape[0]
        var history = History()
        var versions = ParameterVersions(capacity: staleness + 1)
        for _ in 0..<epochs {
            let order = shuffle ? RandomGenerator.global.permutation(sampleCount) : Array(0..<sampleCount)
            var weightedLoss: Float = 0
            for batchStart in stride(from: 0, to: sampleCount, by: batchSize) {
                let rows = Array(order[batchStart..<min(batchStart + batchSize, sampleCount)])
                let batchLoss = update(x.gathering(rows: rows), y.gathering(rows: rows), versions: &versions)
                weightedLoss += batchLoss * Float(rows.count)
            }
            history.loss.append(weightedLoss / Float(sampleCount))
            history.learningRates.append(learningRate)
        }
        history.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return history
    }

    /// One server update from a gradient computed at the oldest kept version, `θ_{t−τ}`.
    private func update(_ x: Tensor, _ y: Tensor, versions: inout ParameterVersions) -> Float {
        if versions.isEmpty {
            // Builds lazy layers, drawing what fit would draw (the small graph it records is
            // dropped at once).
            _ = model(x.gathering(rows: [0]))
            versions.append(model.parameters.map(\.scalars))
        }
        let parameters = model.parameters
        let current = parameters.map(\.scalars)
        load(versions.oldest, into: parameters)
        var batchLoss = loss(predicted: model(x), target: y)
        if let penalty = model.regularizationLoss { batchLoss = batchLoss + penalty }
        batchLoss.backward()
        load(current, into: parameters)
        descent.update(parameters)
        parameters.forEach { $0.zeroGradient() }
        versions.append(parameters.map(\.scalars))
        return batchLoss.scalar
    }

    /// Overwrites the parameters' values, keeping their gradients.
    private func load(_ values: [[Float]], into parameters: [Tensor]) {
        for (parameter, scalars) in zip(parameters, values) { parameter.assign(scalars) }
    }
}

/// The last `capacity` parameter versions, oldest first: `θ_{t−τ} … θ_t` once full.
struct ParameterVersions {
    let capacity: Int
    private var versions: [[[Float]]] = []

    init(capacity: Int) {
        precondition(capacity > 0, "ParameterVersions needs capacity > 0, got \(capacity)")
        self.capacity = capacity
    }

    var isEmpty: Bool { versions.isEmpty }

    /// The oldest version kept: what the worker now updating read.
    var oldest: [[Float]] {
        precondition(!versions.isEmpty, "no parameter version recorded yet")
        return versions[0]
    }

    /// Records the newest version, forgetting the oldest beyond `capacity`.
    mutating func append(_ version: [[Float]]) {
        versions.append(version)
        if versions.count > capacity { versions.removeFirst() }
    }
}
