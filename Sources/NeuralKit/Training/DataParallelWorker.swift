import Dispatch

/// One worker of `DataParallelTrainer`: a replica of the model, the shard it was given and
/// the loss it computed. Only its worker thread touches it while the step's threads run.
final class DataParallelWorker {
    /// The worker's copy of the model; its parameters hold the shard gradient `g_k`.
    let replica: Sequential
    /// The shard's inputs and targets; nil when the batch had fewer samples than workers.
    var shard: (input: Tensor, target: Tensor)?
    /// `L_k`, the shard's loss at the replica's parameters (0 for an empty shard).
    private(set) var loss: Float = 0

    init(replica: Sequential) {
        self.replica = replica
    }

    /// `n_k`, the number of samples in the shard.
    var sampleCount: Int { shard?.input.shape[0] ?? 0 }

    /// Computes `L_k` and, by `backward()`, `g_k` into the replica's parameters.
    func computeGradient(loss lossFunction: any Loss) {
        replica.parameters.forEach { $0.zeroGradient() }
        loss = 0
        guard let (input, target) = shard else { return }
        var shardLoss = lossFunction(predicted: replica(input), target: target)
        if let penalty = replica.regularizationLoss { shardLoss = shardLoss + penalty }
        shardLoss.backward()
        loss = shardLoss.scalar
    }
}

/// Runs every worker's `computeGradient` at once, on libdispatch's threads and the calling
/// one (`DispatchQueue.concurrentPerform`), and returns when all are done.
func runConcurrently(_ workers: [DataParallelWorker], loss: any Loss) {
    // Safe to send: iteration k touches only workers[k] (its replica, shard and result) and
    // reads the stateless loss; the tensors it builds are new and stay on its thread.
    let shared = UncheckedSendable(value: (workers: workers, loss: loss))
    DispatchQueue.concurrentPerform(iterations: workers.count) { index in
        shared.value.workers[index].computeGradient(loss: shared.value.loss)
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
