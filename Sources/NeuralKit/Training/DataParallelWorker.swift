import Dispatch

/// One worker of `DataParallelTrainer`: the shard it was given, and the loss and gradient it
/// computed on it. Only its worker thread touches it while the step's threads run.
final class DataParallelWorker {
    /// The shard's inputs and targets; nil when the batch had fewer samples than workers.
    var shard: (input: Tensor, target: Tensor)?
    /// What random layers (`Dropout`) draw from during this worker's pass: set by the trainer
    /// before each step, so masks do not depend on which thread runs the worker.
    var generator = RandomGenerator(seed: 0)
    /// `L_k`, the shard's loss at the model's parameters (0 for an empty shard).
    private(set) var loss: Float = 0
    /// `g_k`, one entry per model parameter (nil where the loss does not reach it).
    private(set) var gradients: [[Float]?] = []

    /// `n_k`, the number of samples in the shard.
    var sampleCount: Int { shard?.input.shape[0] ?? 0 }

    /// Computes `L_k` and `g_k` on `model`, which other workers run at the same time: the
    /// forward pass only reads the parameters, and `backward()` puts their gradients into a
    /// `GradientSink` of this worker's instead of the shared tensors.
    func computeGradient(model: Sequential, loss lossFunction: any Loss) {
        loss = 0
        gradients = []
        guard let (input, target) = shard else { return }
        let sink = GradientSink()
        let threadGenerator = RandomGenerator.global
        RandomGenerator.global = generator
        defer { RandomGenerator.global = threadGenerator }
        loss = sink.collect {
            var shardLoss = lossFunction(predicted: model(input, training: true), target: target)
            if let penalty = model.regularizationLoss { shardLoss = shardLoss + penalty }
            shardLoss.backward()
            return shardLoss.scalar
        }
        gradients = model.parameters.map { sink.gradient(of: $0) }
    }
}

/// Runs every worker's `computeGradient` at once, on libdispatch's threads and the calling
/// one (`DispatchQueue.concurrentPerform`), and returns when all are done.
func runConcurrently(_ workers: [DataParallelWorker], model: Sequential, loss: any Loss) {
    // Safe to send: iteration k writes only workers[k] (its shard's results) and reads the
    // model's parameters and the stateless loss; the tensors it builds stay on its thread, and
    // its parameter gradients go to its own sink.
    let shared = UncheckedSendable(value: (workers: workers, model: model, loss: loss))
    DispatchQueue.concurrentPerform(iterations: workers.count) { index in
        shared.value.workers[index].computeGradient(model: shared.value.model, loss: shared.value.loss)
    }
}

/// A value handed to worker threads whose safety the caller argues in a comment.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}

/// The contiguous shards of `count` samples for `parts` workers: shard `k` is
/// `⌊k·count/parts⌋ ..< ⌊(k+1)·count/parts⌋`, so sizes differ by at most one.
func shardRanges(count: Int, parts: Int) -> [Range<Int>] {
    precondition(count >= 0 && parts > 0, "cannot split \(count) samples into \(parts) shards")
    return (0..<parts).map { k in (k * count / parts)..<((k + 1) * count / parts) }
}

/// `Σ_k w_k v_k`, accumulated left to right from `v_0` to `v_{K−1}`, so that the rounding
/// (and so every bit of the result) depends on the order of the vectors only.
func weightedSum(_ vectors: [[Float]], weights: [Float]) -> [Float] {
    precondition(
        vectors.count == weights.count && !vectors.isEmpty,
        "weightedSum needs one weight per vector, got \(vectors.count) vectors and \(weights.count) weights")
    var sum = [Float](repeating: 0, count: vectors[0].count)
    for (vector, weight) in zip(vectors, weights) {
        precondition(vector.count == sum.count, "weightedSum needs equal lengths, got \(vector.count) and \(sum.count)")
        for i in sum.indices { sum[i] += weight * vector[i] }
    }
    return sum
}
