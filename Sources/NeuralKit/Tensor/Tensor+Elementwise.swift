import Foundation

/// Element-wise operations. Each is one line in a table: the forward function and its
/// local derivative; `unary`/`binary` build the value and the pullback from them.
extension Tensor {
    /// Applies `f` to every scalar; the pullback multiplies the upstream gradient by
    /// `derivative(x, y)` where `y = f(x)`. The local derivatives are computed in the forward
    /// loop (only when recording), so the pullback is a plain multiplication without a call
    /// per element — the same numbers, faster.
    @inline(__always)
    func unary(_ f: (Float) -> Float, derivative: (_ x: Float, _ y: Float) -> Float) -> Tensor {
        let x = scalars
        // Every element is written, so the result need not be zeroed first.
        let y = [Float](unsafeUninitializedCapacity: x.count) { output, initialized in
            x.withUnsafeBufferPointer { input in
                for i in 0..<input.count { output[i] = f(input[i]) }
            }
            initialized = x.count
        }
        guard requiresGradient && GradientRecording.isEnabled else { return Tensor(shape: shape, scalars: y) }
        let slope = [Float](unsafeUninitializedCapacity: x.count) { output, initialized in
            for i in 0..<x.count { output[i] = derivative(x[i], y[i]) }
            initialized = x.count
        }
        return Tensor(shape: shape, scalars: y, inputs: [self]) { upstream in
            var delta = upstream
            delta.withUnsafeMutableBufferPointer { d in
                slope.withUnsafeBufferPointer { slope in
                    for i in 0..<d.count { d[i] *= slope[i] }
                }
            }
            self.accumulateGradient(delta)
        }
    }

    /// Combines two broadcast-compatible tensors element by element; the pullback reduces
    /// `upstream · ∂f/∂a` and `upstream · ∂f/∂b` back onto each input's shape (the local
    /// derivatives computed in the forward loop, as in `unary`).
    @inline(__always)
    static func binary(
        _ a: Tensor, _ b: Tensor, _ f: (Float, Float) -> Float,
        da: (_ a: Float, _ b: Float) -> Float,
        db: (_ a: Float, _ b: Float) -> Float
    ) -> Tensor {
        let pairing = ElementPairing(a.shape, b.shape)
        let (x, y) = (a.scalars, b.scalars)
        // `forEach` visits every output element once, so the result need not be zeroed first.
        let z = [Float](unsafeUninitializedCapacity: pairing.count) { out, initialized in
            x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    pairing.forEach { o, l, r in out[o] = f(x[l], y[r]) }
                }
            }
            initialized = pairing.count
        }
        guard (a.requiresGradient || b.requiresGradient) && GradientRecording.isEnabled else {
            return Tensor(shape: pairing.shape, scalars: z)
        }
        func slopes(_ derivative: (Float, Float) -> Float) -> [Float] {
            [Float](unsafeUninitializedCapacity: pairing.count) { out, initialized in
                pairing.forEach { o, l, r in out[o] = derivative(x[l], y[r]) }
                initialized = pairing.count
            }
        }
        let slopeA = a.requiresGradient ? slopes(da) : []
        let slopeB = b.requiresGradient ? slopes(db) : []
        return Tensor(shape: pairing.shape, scalars: z, inputs: [a, b]) { upstream in
            if a.requiresGradient {
                var delta = [Float](repeating: 0, count: a.count)
                delta.withUnsafeMutableBufferPointer { d in
                    pairing.forEach { o, l, _ in d[l] += upstream[o] * slopeA[o] }
                }
                a.accumulateGradient(delta)
            }
            if b.requiresGradient {
                var delta = [Float](repeating: 0, count: b.count)
                delta.withUnsafeMutableBufferPointer { d in
                    pairing.forEach { o, _, r in d[r] += upstream[o] * slopeB[o] }
                }
                b.accumulateGradient(delta)
            }
        }
    }
}

/// How the elements of two broadcast operands line up, with fast paths for the common cases
/// (equal shapes; one operand repeating as a whole, like a bias row or a scalar) and the
/// general odometer walk of `Broadcast` otherwise.
struct ElementPairing {
    enum Layout {
        case same
        /// The right operand's `period` elements repeat along the left one.
        case rightRepeats(period: Int)
        /// The left operand's `period` elements repeat along the right one.
        case leftRepeats(period: Int)
        case general(Broadcast)
    }

    let shape: [Int]
    let count: Int
    let layout: Layout

    init(_ lhs: [Int], _ rhs: [Int]) {
        if lhs == rhs {
            (shape, layout) = (lhs, .same)
        } else if ElementPairing.repeats(rhs, along: lhs) {
            (shape, layout) = (lhs, .rightRepeats(period: rhs.reduce(1, *)))
        } else if ElementPairing.repeats(lhs, along: rhs) {
            (shape, layout) = (rhs, .leftRepeats(period: lhs.reduce(1, *)))
        } else {
            let plan = Broadcast(lhs, rhs)
            (shape, layout) = (plan.shape, .general(plan))
        }
        count = shape.reduce(1, *)
    }

    /// Whether `small` (without leading 1s) is a trailing block of `big`.
    private static func repeats(_ small: [Int], along big: [Int]) -> Bool {
        let core = small.drop { $0 == 1 }
        return core.count <= big.count && big.count >= small.count && big.suffix(core.count).elementsEqual(core)
    }

    /// Calls `body(out, l, r)` for every output element with the matching input offsets.
    @inline(__always)
    func forEach(_ body: (_ out: Int, _ lhs: Int, _ rhs: Int) -> Void) {
        switch layout {
        case .same:
            for i in 0..<count { body(i, i, i) }
        case .rightRepeats(let period):
            repeating(period) { o, j in body(o, o, j) }
        case .leftRepeats(let period):
            repeating(period) { o, j in body(o, j, o) }
        case .general(let plan):
            plan.forEachIndex(body)
        }
    }

    /// Calls `body(out, j)` for every output element, `j` its position within the repeating
    /// operand's `period` elements.
    @inline(__always)
    private func repeating(_ period: Int, _ body: (_ out: Int, _ j: Int) -> Void) {
        guard period > 0 else { return }
        var o = 0
        for _ in 0..<(count / period) {
            for j in 0..<period {
                body(o, j)
                o += 1
            }
        }
    }
}

// MARK: - Binary operators (broadcasting): value, ∂/∂a, ∂/∂b

extension Tensor {
    /// `a + b` element by element, broadcasting as numpy does; `∂/∂a = 1`, `∂/∂b = 1`.
    ///
    /// - Parameters:
    ///   - a: The left operand.
    ///   - b: The right operand, whose shape broadcasts with `a`'s.
    /// - Returns: The sum, of the broadcast shape.
    public static func + (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, +, da: { _, _ in 1 }, db: { _, _ in 1 })
    }
    /// `a − b` element by element, broadcasting; `∂/∂a = 1`, `∂/∂b = −1`.
    ///
    /// - Parameters:
    ///   - a: The left operand.
    ///   - b: The right operand, whose shape broadcasts with `a`'s.
    /// - Returns: The difference, of the broadcast shape.
    public static func - (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, -, da: { _, _ in 1 }, db: { _, _ in -1 })
    }
    /// `a ⊙ b` element by element (not a matrix product: see `matmul(_:)`), broadcasting;
    /// `∂/∂a = b`, `∂/∂b = a`.
    ///
    /// - Parameters:
    ///   - a: The left operand.
    ///   - b: The right operand, whose shape broadcasts with `a`'s.
    /// - Returns: The product, of the broadcast shape.
    public static func * (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, *, da: { _, b in b }, db: { a, _ in a })
    }
    /// `a / b` element by element, broadcasting; `∂/∂a = 1/b`, `∂/∂b = −a/b²`.
    ///
    /// - Parameters:
    ///   - a: The dividend.
    ///   - b: The divisor, whose shape broadcasts with `a`'s.
    /// - Returns: The quotient, of the broadcast shape.
    public static func / (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, /, da: { _, b in 1 / b }, db: { a, b in -a / (b * b) })
    }

    /// `a + b` for every element of `a`.
    /// - Parameters:
    ///   - a: The tensor.
    ///   - b: The number.
    /// - Returns: `a + b`, of the tensor's shape.
    public static func + (a: Tensor, b: Float) -> Tensor { a + Tensor(b) }
    /// `a − b` for every element of `a`.
    /// - Parameters:
    ///   - a: The tensor.
    ///   - b: The number.
    /// - Returns: `a − b`, of the tensor's shape.
    public static func - (a: Tensor, b: Float) -> Tensor { a - Tensor(b) }
    /// `a · b` for every element of `a`.
    /// - Parameters:
    ///   - a: The tensor.
    ///   - b: The number.
    /// - Returns: `a · b`, of the tensor's shape.
    public static func * (a: Tensor, b: Float) -> Tensor { a * Tensor(b) }
    /// `a / b` for every element of `a`.
    /// - Parameters:
    ///   - a: The tensor.
    ///   - b: The number.
    /// - Returns: `a / b`, of the tensor's shape.
    public static func / (a: Tensor, b: Float) -> Tensor { a / Tensor(b) }
    /// `a + b` for every element of `b`.
    /// - Parameters:
    ///   - a: The number.
    ///   - b: The tensor.
    /// - Returns: `a + b`, of the tensor's shape.
    public static func + (a: Float, b: Tensor) -> Tensor { Tensor(a) + b }
    /// `a − b` for every element of `b`.
    /// - Parameters:
    ///   - a: The number.
    ///   - b: The tensor.
    /// - Returns: `a − b`, of the tensor's shape.
    public static func - (a: Float, b: Tensor) -> Tensor { Tensor(a) - b }
    /// `a · b` for every element of `b`.
    /// - Parameters:
    ///   - a: The number.
    ///   - b: The tensor.
    /// - Returns: `a · b`, of the tensor's shape.
    public static func * (a: Float, b: Tensor) -> Tensor { Tensor(a) * b }
    /// `a / b` for every element of `b`.
    /// - Parameters:
    ///   - a: The number.
    ///   - b: The tensor.
    /// - Returns: `a / b`, of the tensor's shape.
    public static func / (a: Float, b: Tensor) -> Tensor { Tensor(a) / b }

    /// `−x`.
    /// - Parameter x: Any tensor.
    /// - Returns: `−x`, of its shape.
    public static prefix func - (x: Tensor) -> Tensor {
        x.unary({ -$0 }, derivative: { _, _ in -1 })
    }
}

// MARK: - Unary functions: value, dy/dx given x and y

/// `eˣ`; derivative `eˣ = y`.
/// - Parameter x: Any tensor.
/// - Returns: `eˣ` element by element, of `x`'s shape.
public func exp(_ x: Tensor) -> Tensor { x.unary(Elementary.exp, derivative: { _, y in y }) }
/// Natural logarithm; derivative `1/x`.
/// - Parameter x: Any tensor.
/// - Returns: `ln x` (x > 0) element by element, of `x`'s shape.
public func log(_ x: Tensor) -> Tensor { x.unary(Elementary.log, derivative: { x, _ in 1 / x }) }
/// `√x`; derivative `1/(2√x)`.
/// - Parameter x: Any tensor.
/// - Returns: `√x` (x ≥ 0) element by element, of `x`'s shape.
public func sqrt(_ x: Tensor) -> Tensor { x.unary(sqrtf, derivative: { _, y in 0.5 / y }) }
/// `|x|`; derivative `sign(x)` (0 at 0, the subgradient L1 uses).
/// - Parameter x: Any tensor.
/// - Returns: `|x|` element by element, of `x`'s shape.
public func abs(_ x: Tensor) -> Tensor {
    x.unary(Swift.abs, derivative: { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) })
}
/// `x²`; derivative `2x`.
/// - Parameter x: Any tensor.
/// - Returns: `x²` element by element, of `x`'s shape.
public func square(_ x: Tensor) -> Tensor { x.unary({ $0 * $0 }, derivative: { x, _ in 2 * x }) }
/// `max(x, 0)`; derivative 1 where `x > 0`, else 0.
/// - Parameter x: Any tensor.
/// - Returns: `max(x, 0)` element by element, of `x`'s shape.
public func relu(_ x: Tensor) -> Tensor {
    x.unary(ScalarActivations.relu, derivative: ScalarActivations.reluSlope)
}
/// `σ(x) = 1/(1 + e⁻ˣ)`; derivative `σ(1 − σ) = y(1 − y)`.
/// - Parameter x: Any tensor.
/// - Returns: `σ(x)`, in `[0, 1]` element by element, of `x`'s shape.
public func sigmoid(_ x: Tensor) -> Tensor {
    x.unary(ScalarActivations.sigmoid, derivative: ScalarActivations.sigmoidSlope)
}
/// `tanh x`; derivative `1 − tanh² x = 1 − y²`.
/// - Parameter x: Any tensor.
/// - Returns: `tanh x`, in `[−1, 1]` element by element, of `x`'s shape.
public func tanh(_ x: Tensor) -> Tensor {
    x.unary(ScalarActivations.tanh, derivative: ScalarActivations.tanhSlope)
}
/// `xᵖ` for a constant exponent; derivative `p·xᵖ⁻¹`.
/// - Parameters:
///   - x: The bases.
///   - p: The exponent, the same for every element.
/// - Returns: `xᵖ` element by element.
public func pow(_ x: Tensor, _ p: Float) -> Tensor {
    x.unary({ Elementary.pow($0, p) }, derivative: { x, _ in p * Elementary.pow(x, p - 1) })
}
/// `x` limited to `[min, max]`; derivative 1 inside (bounds included, as TensorFlow's
/// `clip_by_value`), 0 where the value was clipped.
/// - Parameters:
///   - x: Any tensor.
///   - low: The lower bound.
///   - high: The upper bound, ≥ `low`.
/// - Returns: `min(max(x, low), high)` element by element.
public func clamp(_ x: Tensor, min low: Float, max high: Float) -> Tensor {
    precondition(low <= high, "clamp needs min ≤ max, got min \(low), max \(high)")
    return x.unary({ Swift.min(Swift.max($0, low), high) }, derivative: { x, _ in x >= low && x <= high ? 1 : 0 })
}
/// `softplus(x) = log(1 + eˣ)`, computed as `max(x, 0) + log(1 + e^{−|x|})` so it never
/// overflows; derivative `σ(x)`.
/// - Parameter x: Any tensor.
/// - Returns: `ln(1 + eˣ)` element by element, of `x`'s shape.
public func softplus(_ x: Tensor) -> Tensor {
    x.unary(Elementary.softplus, derivative: { x, _ in Elementary.sigmoid(x) })
}
