/// A layer that can make an independent copy of itself, so that another thread can run it.
///
/// `DataParallelTrainer` gives each worker thread a replica of the model: the replica's
/// parameters are new leaf tensors, so the graphs built on different threads share no node
/// and `backward()` on one thread never adds into another thread's gradients. A layer that
/// draws random numbers or updates running statistics in its forward pass must not conform
/// (worker threads may not touch `RandomGenerator.global` or shared state).
///
/// ```swift
/// let model = Sequential { Dense(4, inputSize: 2, activation: .tanh); Dense(1) }
/// _ = model(Tensor([[0, 0]]))                       // builds Dense(1)
/// let copy = model.replica()                         // same function, new tensors
/// copy.parameters[0] === model.parameters[0]         // false
/// ```
public protocol ReplicableLayer: Layer {
    /// A layer computing the same function whose parameters are new tensors holding copies
    /// of this layer's values (in the same order), sharing no mutable state with `self`.
    func replica() -> any Layer
}

extension Dense: ReplicableLayer {
    /// A `Dense` with the same units, activation, bias and regularizer, and copied weights.
    /// Drawing the new layer's initial weights leaves the default generator as it was.
    public func replica() -> any Layer {
        guard let kernel else {
            preconditionFailure("Dense(\(units)) must be built before it is replicated: give inputSize or call it once")
        }
        let copy = preservingGlobalGenerator {
            Dense(
                units, inputSize: kernel.shape[0], activation: activation, useBias: bias != nil,
                kernelRegularizer: kernelRegularizer)
        }
        copyValues(from: parameters, to: copy.parameters)
        return copy
    }
}

extension Sequential: ReplicableLayer {
    /// A `Sequential` of replicas of its layers (without `compile`'s optimizer and loss).
    public func replica() -> any Layer {
        Sequential(layers.map(replicate))
    }
}

/// A replica of `layer`, or a stop naming the layer that cannot be copied.
func replicate(_ layer: any Layer) -> any Layer {
    guard let replicable = layer as? any ReplicableLayer else {
        preconditionFailure(
            "\(layer.summaryName) cannot be copied for a worker thread: conform it to ReplicableLayer")
    }
    return replicable.replica()
}

/// Overwrites each target parameter with the values of the source at the same position.
func copyValues(from sources: [Tensor], to targets: [Tensor]) {
    precondition(
        sources.count == targets.count, "copying \(sources.count) parameters into \(targets.count)")
    for (source, target) in zip(sources, targets) {
        precondition(
            source.shape == target.shape, "copying a parameter of shape \(source.shape) into \(target.shape)")
        target.assign(source.scalars)
    }
}

/// Runs `body` and then puts the default generator back as it was, so building a throwaway
/// layer does not shift the numbers a chapter draws afterwards.
func preservingGlobalGenerator<Result>(_ body: () -> Result) -> Result {
    let saved = RandomGenerator.global
    defer { RandomGenerator.global = saved }
    return body()
}
