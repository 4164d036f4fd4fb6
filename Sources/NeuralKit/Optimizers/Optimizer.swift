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

    /// The slot for `parameter`, created as zeros of its size on first use.
    subscript(parameter: Tensor) -> [Float] {
        get { slots[ObjectIdentifier(parameter)] ?? [Float](repeating: 0, count: parameter.count) }
        set { slots[ObjectIdentifier(parameter)] = newValue }
    }
}
