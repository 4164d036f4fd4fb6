import Foundation

/// Where `backward()` on one thread puts the gradients of leaf tensors (parameters) instead
/// of their `gradient` property, so that several threads can differentiate graphs over the
/// same parameters at once: the data-parallel workers of `DataParallelTrainer` share one
/// model, and each collects its shard's gradient in a sink of its own.
///
/// Only leaves are redirected; the nodes a thread's forward pass creates are its own. A sink
/// adds contributions exactly as `Tensor.accumulateGradient` does (the first kept, later ones
/// added in arrival order), so a gradient collected here has the same bits as one collected
/// on the tensor.
///
/// ```swift
/// let sink = GradientSink()
/// sink.collect { loss(predicted: model(x), target: y).backward() }
/// sink.gradient(of: model.parameters[0])    // model.parameters[0].gradient is untouched
/// ```
final class GradientSink {
    @exclusivity(unchecked)
    private var gradients: [ObjectIdentifier: [Float]] = [:]
    /// The leaves, kept alive while their identifiers key `gradients`.
    @exclusivity(unchecked)
    private var leaves: [Tensor] = []

    /// Runs `body` with this sink receiving the calling thread's leaf gradients.
    func collect<Result>(_ body: () throws -> Result) rethrows -> Result {
        let previous = GradientSink.current
        GradientSink.current = self
        defer { GradientSink.current = previous }
        return try body()
    }

    /// The gradient collected for `leaf`, nil if none reached it.
    func gradient(of leaf: Tensor) -> [Float]? {
        gradients[ObjectIdentifier(leaf)]
    }

    /// Adds `delta` into `leaf`'s collected gradient.
    func add(_ delta: [Float], to leaf: Tensor) {
        let key = ObjectIdentifier(leaf)
        guard var sum = gradients.removeValue(forKey: key) else {
            gradients[key] = delta
            leaves.append(leaf)
            return
        }
        delta.withUnsafeBufferPointer { d in
            sum.withUnsafeMutableBufferPointer { g in
                for i in 0..<g.count { g[i] += d[i] }
            }
        }
        gradients[key] = sum
    }

    /// The calling thread's sink, nil (leaves keep their own gradients) unless inside `collect`.
    static var current: GradientSink? {
        get { pthread_getspecific(key).map { Unmanaged<GradientSink>.fromOpaque($0).takeUnretainedValue() } }
        set { pthread_setspecific(key, newValue.map { Unmanaged.passUnretained($0).toOpaque() }) }
    }

    /// The thread-specific slot; `collect` keeps the sink alive while it is set.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, nil)
        precondition(status == 0, "pthread_key_create failed with status \(status)")
        return key
    }()
}
