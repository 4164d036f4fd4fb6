/// Updates parameters from their gradients: one call is one step `θ_{t+1} = θ_t − …`.
public protocol Optimizer: AnyObject {
    /// The step size α.
    var learningRate: Float { get set }
    /// Applies one update to every parameter that has a gradient.
    func update(_ parameters: [Tensor])
}

/// Per-parameter optimizer state (moments, accumulators), keyed by the parameter's identity.
struct SlotStore {
    private var slots: [ObjectIdentifier: [Float]] = [:]
    private var buffers: [ObjectIdentifier: SlotBuffer] = [:]

    /// The slot for `parameter` as a buffer updated in place (no copy per step), created as
    /// zeros of its size on first use.
    mutating func buffer(for parameter: Tensor) -> SlotBuffer {
        if let buffer = buffers[ObjectIdentifier(parameter)] { return buffer }
        let buffer = SlotBuffer(count: parameter.count)
        buffers[ObjectIdentifier(parameter)] = buffer
        return buffer
    }

    /// The slot for `parameter`, created as zeros of its size on first use.
    subscript(parameter: Tensor) -> [Float] {
        get { slots[ObjectIdentifier(parameter)] ?? [Float](repeating: 0, count: parameter.count) }
        set { slots[ObjectIdentifier(parameter)] = newValue }
    }
}

/// One parameter's optimizer state, owned by reference so updates happen in place.
final class SlotBuffer {
    var values: [Float]

    init(count: Int) {
        values = [Float](repeating: 0, count: count)
    }
}

extension Tensor {
    /// Runs an optimizer's inner loop over this parameter's values `θ` (writable, in place)
    /// and its gradient `g`; does nothing without a gradient.
    func updateInPlace(
        _ body: (_ theta: UnsafeMutableBufferPointer<Float>, _ gradient: UnsafeBufferPointer<Float>) -> Void
    ) {
        guard let gradient else { return }
        gradient.withUnsafeBufferPointer { g in
            scalars.withUnsafeMutableBufferPointer { theta in body(theta, g) }
        }
    }
}
