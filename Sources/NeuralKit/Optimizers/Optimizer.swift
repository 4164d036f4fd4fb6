/// Updates parameters from their gradients: one call is one step `θ_{t+1} = θ_t − …`.
public protocol Optimizer: AnyObject {
    /// The step size α.
    var learningRate: Float { get set }
    /// Applies one update to every parameter that has a gradient.
    /// - Parameter parameters: The tensors to update in place (a model's `parameters`).
    func update(_ parameters: [Tensor])
}

/// Per-parameter optimizer state (moments, accumulators), keyed by the parameter's `serial`
/// number — never reused, unlike an address: an optimizer used again for another model never
/// hands a freed parameter's state to a new tensor.
struct SlotStore {
    private var buffers: [UInt64: SlotBuffer] = [:]

    /// The slot for `parameter` as a buffer updated in place (no copy per step), created as
    /// zeros of its size on first use.
    mutating func buffer(for parameter: Tensor) -> SlotBuffer {
        let key = parameter.serial
        if let buffer = buffers[key] { return buffer }
        let buffer = SlotBuffer(count: parameter.count)
        buffers[key] = buffer
        return buffer
    }

    /// The slot for `parameter`, zeros of its size before the first update.
    subscript(parameter: Tensor) -> [Float] {
        mutating get { buffer(for: parameter).values }
        set { buffer(for: parameter).values = newValue }
    }
}

/// One parameter's optimizer state, owned by reference so updates happen in place.
final class SlotBuffer {
    @exclusivity(unchecked)
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
