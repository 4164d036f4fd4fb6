import Synchronization

/// Reverse-mode automatic differentiation, as in micrograd: each operation's result keeps
/// its inputs and a pullback that *adds* into the inputs' gradients; `backward()` orders the
/// graph topologically and runs every pullback once, from the loss back to the leaves.
extension Tensor {
    /// Computes `∂self/∂t` for every tensor `t` that `self` depends on and that requires a
    /// gradient, adding it into `t.gradient` (gradients accumulate across calls until
    /// `zeroGradient()`). `self` must hold one scalar: the loss.
    public func backward() {
        precondition(count == 1, "backward() needs a one-element loss, shape is \(shape)")
        backward(seed: [1])
    }

    /// Back-propagates an explicit upstream gradient `∂L/∂self` of this tensor's shape.
    /// - Parameter seed: `∂L/∂self`, one value per scalar of this tensor, row-major.
    public func backward(seed: [Float]) {
        precondition(seed.count == count, "seed gradient has \(seed.count) scalars, tensor has \(count)")
        guard requiresGradient else { return }
        let order = topologicalOrder()
        accumulateGradient(seed)
        for node in order.reversed() {
            if let pullback = node.pullback, let upstream = node.gradient {
                pullback(upstream)
            }
        }
    }

    /// Adds `delta` (same shape) into this tensor's gradient — for a leaf, into the calling
    /// thread's `GradientSink` instead when it has one.
    func accumulateGradient(_ delta: [Float]) {
        guard requiresGradient else { return }
        precondition(
            delta.count == count, "gradient has \(delta.count) scalars, tensor \(shape) has \(count)")
        if pullback == nil, let sink = GradientSink.current {
            sink.add(delta, to: self)
            return
        }
        if gradient == nil {
            gradient = delta
        } else {
            delta.withUnsafeBufferPointer { d in
                gradient!.withUnsafeMutableBufferPointer { g in
                    for i in 0..<g.count { g[i] += d[i] }
                }
            }
        }
    }

    /// Every recorded operation reachable from `self`, each after all of its inputs
    /// (iterative depth-first search, so deep graphs such as unrolled RNNs cannot overflow).
    /// Leaves are left out: they have no pullback to order. Visited nodes carry this sweep's
    /// unique mark instead of going into a hashed set.
    private func topologicalOrder() -> [Tensor] {
        let mark = Tensor.nextSweepMark.wrappingAdd(1, ordering: .relaxed).newValue
        var order: [Tensor] = []
        var stack: [(node: Tensor, expanded: Bool)] = [(self, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded {
                order.append(node)
                continue
            }
            guard node.sweepMark != mark else { continue }
            node.sweepMark = mark
            stack.append((node, true))
            for input in node.inputs where input.pullback != nil && input.sweepMark != mark {
                stack.append((input, false))
            }
        }
        return order
    }

    /// Source of unique marks for `topologicalOrder` (atomic: graphs on other threads sweep
    /// at the same time).
    private static let nextSweepMark = Atomic<UInt64>(0)
}

/// Whether operations record the graph for `backward()`. Inference and optimizer updates
/// turn it off with `withoutGradient`.
public enum GradientRecording {
    static var disabledDepth: Int {  // per thread: see ThreadLocalInteger
        get { gradientRecordingDisabledDepth.value }
        set { gradientRecordingDisabledDepth.value = newValue }
    }

    /// True unless inside `withoutGradient`.
    public static var isEnabled: Bool { disabledDepth == 0 }
}

/// Runs `body` without recording operations for autodiff (faster, no graph kept).
/// - Parameter body: The work to run; tensors it makes record no inputs and no pullback.
/// - Returns: What `body` returns.
/// - Throws: What `body` throws.
public func withoutGradient<Result>(_ body: () throws -> Result) rethrows -> Result {
    GradientRecording.disabledDepth += 1
    defer { GradientRecording.disabledDepth -= 1 }
    return try body()
}
