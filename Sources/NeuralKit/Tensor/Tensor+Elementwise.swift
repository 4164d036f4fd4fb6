import Foundation

/// Element-wise operations. Each is one line in a table: the forward function and its
/// local derivative; `unary`/`binary` build the value and the pullback from them.
extension Tensor {
    /// Applies `f` to every scalar; the pullback multiplies the upstream gradient by
    /// `derivative(x, y)` where `y = f(x)`.
    @inline(__always)
    func unary(_ f: (Float) -> Float, derivative: @escaping (_ x: Float, _ y: Float) -> Float) -> Tensor {
        let x = scalars
        var y = [Float](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { input in
            y.withUnsafeMutableBufferPointer { output in
                for i in 0..<input.count { output[i] = f(input[i]) }
            }
        }
        return Tensor(shape: shape, scalars: y, inputs: [self]) { upstream in
            var delta = upstream
            for i in 0..<delta.count { delta[i] *= derivative(x[i], y[i]) }
            self.accumulateGradient(delta)
        }
    }

    /// Combines two broadcast-compatible tensors element by element; the pullback reduces
    /// `upstream · ∂f/∂a` and `upstream · ∂f/∂b` back onto each input's shape.
    @inline(__always)
    static func binary(
        _ a: Tensor, _ b: Tensor, _ f: (Float, Float) -> Float,
        da: @escaping (_ a: Float, _ b: Float) -> Float,
        db: @escaping (_ a: Float, _ b: Float) -> Float
    ) -> Tensor {
        let plan = Broadcast(a.shape, b.shape)
        let (x, y) = (a.scalars, b.scalars)
        var z = [Float](repeating: 0, count: plan.shape.reduce(1, *))
        if a.shape == b.shape {
            for i in 0..<z.count { z[i] = f(x[i], y[i]) }
        } else {
            z.withUnsafeMutableBufferPointer { out in
                plan.forEachIndex { o, l, r in out[o] = f(x[l], y[r]) }
            }
        }
        return Tensor(shape: plan.shape, scalars: z, inputs: [a, b]) { upstream in
            if a.requiresGradient {
                var delta = [Float](repeating: 0, count: upstream.count)
                plan.forEachIndex { o, l, r in delta[o] = upstream[o] * da(x[l], y[r]) }
                a.accumulateGradient(a.shape == plan.shape ? delta : plan.reduce(delta, toLhs: true, count: a.count))
            }
            if b.requiresGradient {
                var delta = [Float](repeating: 0, count: upstream.count)
                plan.forEachIndex { o, l, r in delta[o] = upstream[o] * db(x[l], y[r]) }
                b.accumulateGradient(b.shape == plan.shape ? delta : plan.reduce(delta, toLhs: false, count: b.count))
            }
        }
    }
}

// MARK: - Binary operators (broadcasting): value, ∂/∂a, ∂/∂b

extension Tensor {
    public static func + (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, +, da: { _, _ in 1 }, db: { _, _ in 1 })
    }
    public static func - (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, -, da: { _, _ in 1 }, db: { _, _ in -1 })
    }
    public static func * (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, *, da: { _, b in b }, db: { a, _ in a })
    }
    public static func / (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, /, da: { _, b in 1 / b }, db: { a, b in -a / (b * b) })
    }

    public static func + (a: Tensor, b: Float) -> Tensor { a + Tensor(b) }
    public static func - (a: Tensor, b: Float) -> Tensor { a - Tensor(b) }
    public static func * (a: Tensor, b: Float) -> Tensor { a * Tensor(b) }
    public static func / (a: Tensor, b: Float) -> Tensor { a / Tensor(b) }
    public static func + (a: Float, b: Tensor) -> Tensor { Tensor(a) + b }
    public static func - (a: Float, b: Tensor) -> Tensor { Tensor(a) - b }
    public static func * (a: Float, b: Tensor) -> Tensor { Tensor(a) * b }
    public static func / (a: Float, b: Tensor) -> Tensor { Tensor(a) / b }

    /// `−x`.
    public static prefix func - (x: Tensor) -> Tensor {
        x.unary({ -$0 }, derivative: { _, _ in -1 })
    }
}

// MARK: - Unary functions: value, dy/dx given x and y

/// `eˣ`; derivative `eˣ = y`.
public func exp(_ x: Tensor) -> Tensor { x.unary(expf, derivative: { _, y in y }) }
/// Natural logarithm; derivative `1/x`.
public func log(_ x: Tensor) -> Tensor { x.unary(logf, derivative: { x, _ in 1 / x }) }
/// `√x`; derivative `1/(2√x)`.
public func sqrt(_ x: Tensor) -> Tensor { x.unary(sqrtf, derivative: { _, y in 0.5 / y }) }
/// `|x|`; derivative `sign(x)` (0 at 0, the subgradient L1 uses).
public func abs(_ x: Tensor) -> Tensor {
    x.unary(Swift.abs, derivative: { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) })
}
/// `x²`; derivative `2x`.
public func square(_ x: Tensor) -> Tensor { x.unary({ $0 * $0 }, derivative: { x, _ in 2 * x }) }
/// `max(x, 0)`; derivative 1 where `x > 0`, else 0.
public func relu(_ x: Tensor) -> Tensor { x.unary({ max($0, 0) }, derivative: { x, _ in x > 0 ? 1 : 0 }) }
/// `σ(x) = 1/(1 + e⁻ˣ)`; derivative `σ(1 − σ) = y(1 − y)`.
public func sigmoid(_ x: Tensor) -> Tensor {
    x.unary({ 1 / (1 + expf(-$0)) }, derivative: { _, y in y * (1 - y) })
}
/// `tanh x`; derivative `1 − tanh² x = 1 − y²`.
public func tanh(_ x: Tensor) -> Tensor { x.unary(tanhf, derivative: { _, y in 1 - y * y }) }
/// `xᵖ` for a constant exponent; derivative `p·xᵖ⁻¹`.
public func pow(_ x: Tensor, _ p: Float) -> Tensor {
    x.unary({ powf($0, p) }, derivative: { x, _ in p * powf(x, p - 1) })
}
/// `x` limited to `[min, max]`; derivative 1 inside (bounds included, as TensorFlow's
/// `clip_by_value`), 0 where the value was clipped.
public func clamp(_ x: Tensor, min low: Float, max high: Float) -> Tensor {
    precondition(low <= high, "clamp needs min ≤ max, got min \(low), max \(high)")
    return x.unary({ Swift.min(Swift.max($0, low), high) }, derivative: { x, _ in x >= low && x <= high ? 1 : 0 })
}
/// `softplus(x) = log(1 + eˣ)`, computed as `max(x, 0) + log(1 + e^{−|x|})` so it never
/// overflows; derivative `σ(x)`.
public func softplus(_ x: Tensor) -> Tensor {
    x.unary({ max($0, 0) + log1pf(expf(-Swift.abs($0))) }, derivative: { x, _ in 1 / (1 + expf(-x)) })
}
