import Synchronization

/// An n-dimensional array of `Float` that remembers how it was computed, so that
/// `backward()` can send gradients back to the tensors it came from.
///
/// Scalars are stored contiguously in row-major order. A tensor made by an operation keeps
/// its inputs and a *pullback*: a closure that, given `∂L/∂self`, adds each input's share to
/// that input's `gradient` (see `Autodiff/Backward.swift`).
///
/// ```swift
/// let w = Tensor([[2], [3]], requiresGradient: true)   // shape [2, 1]
/// let x = Tensor([[1, 4]])                             // shape [1, 2]
/// let loss = (x.matmul(w)).sum()                       // 2·1 + 3·4 = 14
/// loss.backward()
/// w.gradient                                           // [1, 4]
/// ```
public final class Tensor {
    /// The size of each dimension; `[]` for a scalar.
    public let shape: [Int]
    // The hot classes' mutable stored properties (here, in the optimizers, layers and fused
    // steps) are `@exclusivity(unchecked)`: a dynamic exclusivity check on every access cost
    // 15 % of W1's instructions, and the engine never holds overlapping accesses to them.

    /// The values, row-major; `shape.reduce(1, *)` of them.
    @exclusivity(unchecked)
    public internal(set) var scalars: [Float]
    /// `∂L/∂self` after `backward()` on a loss `L` that depends on this tensor; `nil` before.
    @exclusivity(unchecked)
    public internal(set) var gradient: [Float]?
    /// Whether gradients flow to this tensor: true for parameters and for every result of an
    /// operation on one (while gradient recording is on).
    @exclusivity(unchecked)
    public internal(set) var requiresGradient: Bool

    /// The tensors this one was computed from (empty for leaves).
    let inputs: [Tensor]
    /// Adds `∂L/∂input` for every input, given `∂L/∂self`.
    let pullback: Pullback?
    /// The last `backward()` sweep that visited this node (see `topologicalOrder`).
    @exclusivity(unchecked)
    var sweepMark: UInt64 = 0
    /// A number no other tensor of this process has, given when first asked for (optimizers
    /// key their per-parameter state by it; 0 means not yet given).
    @exclusivity(unchecked)
    private var assignedSerial: UInt64 = 0

    typealias Pullback = (_ upstream: [Float]) -> Void

    /// Creates a leaf tensor with the given shape and row-major scalars.
    /// - Parameters:
    ///   - shape: The dimensions, none negative.
    ///   - scalars: `shape.reduce(1, *)` values, row-major.
    ///   - requiresGradient: Whether it is a parameter that gradients flow to.
    public init(shape: [Int], scalars: [Float], requiresGradient: Bool = false) {
        precondition(shape.allSatisfy { $0 >= 0 }, "shape must not be negative, got \(shape)")
        precondition(
            shape.reduce(1, *) == scalars.count,
            "shape \(shape) holds \(shape.reduce(1, *)) scalars, got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
        self.requiresGradient = requiresGradient
        self.inputs = []
        self.pullback = nil
    }

    /// The result of an operation: records inputs and pullback only when some input needs a
    /// gradient and recording is on.
    init(shape: [Int], scalars: [Float], inputs: [Tensor], pullback: @escaping Pullback) {
        self.shape = shape
        self.scalars = scalars
        let records = GradientRecording.isEnabled && inputs.contains { $0.requiresGradient }
        self.requiresGradient = records
        self.inputs = records ? inputs : []
        self.pullback = records ? pullback : nil
    }

    /// A scalar (rank-0) tensor.
    /// - Parameters:
    ///   - value: The value.
    ///   - requiresGradient: Whether it is a parameter that gradients flow to.
    public convenience init(_ value: Float, requiresGradient: Bool = false) {
        self.init(shape: [], scalars: [value], requiresGradient: requiresGradient)
    }

    /// A vector (rank-1) tensor.
    /// - Parameters:
    ///   - values: The elements.
    ///   - requiresGradient: Whether it is a parameter that gradients flow to.
    public convenience init(_ values: [Float], requiresGradient: Bool = false) {
        self.init(shape: [values.count], scalars: values, requiresGradient: requiresGradient)
    }

    /// A matrix (rank-2) tensor from its rows, which must all have the same length.
    /// - Parameters:
    ///   - rows: The rows, of equal lengths.
    ///   - requiresGradient: Whether it is a parameter that gradients flow to.
    public convenience init(_ rows: [[Float]], requiresGradient: Bool = false) {
        let columns = rows.first?.count ?? 0
        precondition(
            rows.allSatisfy { $0.count == columns },
            "rows of a matrix must have equal lengths, got \(rows.map(\.count))")
        self.init(
            shape: [rows.count, columns], scalars: rows.flatMap { $0 },
            requiresGradient: requiresGradient)
    }

    /// This tensor's serial number: unlike its address, never reused by a later tensor.
    var serial: UInt64 {
        if assignedSerial == 0 { assignedSerial = Tensor.nextSerial.wrappingAdd(1, ordering: .relaxed).newValue }
        return assignedSerial
    }

    private static let nextSerial = Atomic<UInt64>(0)

    /// The number of scalars.
    public var count: Int { scalars.count }

    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// The only value of a one-element tensor.
    public var scalar: Float {
        precondition(count == 1, "scalar needs a one-element tensor, shape is \(shape)")
        return scalars[0]
    }

    /// The rows of a rank-2 tensor as nested arrays.
    public var rows: [[Float]] {
        precondition(rank == 2, "rows needs a rank-2 tensor, shape is \(shape)")
        return (0..<shape[0]).map { Array(scalars[($0 * shape[1])..<(($0 + 1) * shape[1])]) }
    }

    /// The gradient as a tensor of this tensor's shape (zeros before `backward()`).
    public var gradientTensor: Tensor {
        Tensor(shape: shape, scalars: gradient ?? [Float](repeating: 0, count: count))
    }

    /// Forgets the accumulated gradient, as optimizers do after each step.
    public func zeroGradient() {
        gradient = nil
    }

    /// Overwrites the values in place — how optimizers update parameters, and how a chapter
    /// puts a model into a state a reader can check by hand.
    /// - Parameter newScalars: As many values as the tensor has, row-major.
    public func assign(_ newScalars: [Float]) {
        precondition(newScalars.count == count, "assign needs \(count) scalars, got \(newScalars.count)")
        scalars = newScalars
    }
}

extension Tensor: CustomStringConvertible {
    /// A short rendering: shape and the first scalars.
    public var description: String {
        let shown = scalars.prefix(8).map { "\($0)" }.joined(separator: ", ")
        let more = count > 8 ? ", …" : ""
        return "Tensor(shape: \(shape), [\(shown)\(more)])"
    }
}
