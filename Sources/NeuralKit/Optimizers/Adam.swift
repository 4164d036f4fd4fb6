import Foundation

/// Adam, exactly as the article's equation (3.2.3) writes it:
///
///     m_t = β₁ m_{t−1} + (1 − β₁) g_t
///     v_t = β₂ v_{t−1} + (1 − β₂) g_t²
///     m̂_t = m_t / (1 − β₁ᵗ)
///     v̂_t = v_t / (1 − β₂ᵗ)
///     θ_{t+1} = θ_t − α · m̂_t / (√v̂_t + ε)
///
/// with Keras's defaults β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁷. (Keras itself folds the bias
/// corrections into α and adds ε to √v_t; the two differ only in where ε acts.)
public final class Adam: Optimizer {
    /// α, the step size (Keras: 0.001; the article's example uses 0.01).
    @exclusivity(unchecked)
    public var learningRate: Float
    /// β₁, the decay of the first moment `m` (the running mean of `g`).
    public let beta1: Float
    /// β₂, the decay of the second moment `v` (the running mean of `g²`).
    public let beta2: Float
    /// ε, added to `√v̂_t` so the step never divides by zero.
    public let epsilon: Float
    /// The number of steps taken, `t`.
    @exclusivity(unchecked)
    public private(set) var step = 0
    @exclusivity(unchecked)
    private var firstMoments = SlotStore()
    @exclusivity(unchecked)
    private var secondMoments = SlotStore()

    /// Creates the optimizer with Keras's defaults; the moments start at zero for each parameter.
    ///
    /// - Parameters:
    ///   - learningRate: α, the step size.
    ///   - beta1: β₁ ∈ [0, 1), the first moment's decay.
    ///   - beta2: β₂ ∈ [0, 1), the second moment's decay.
    ///   - epsilon: ε, added to the denominator `√v̂_t`.
    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// Takes step `t + 1` of the update above for every parameter that has a gradient.
    ///
    /// Each element's arithmetic is done in the formula's order, eight lanes at a time, so the
    /// result is the same bits whatever the vector width and however the elements are shared
    /// among the engine's threads.
    ///
    /// - Parameter parameters: The tensors to update in place; those without a gradient are skipped.
    public func update(_ parameters: [Tensor]) {
        step += 1
        let correction1 = 1 - Elementary.pow(beta1, Float(step))
        let correction2 = 1 - Elementary.pow(beta2, Float(step))
        let (beta1, beta2, epsilon, learningRate) = (beta1, beta2, epsilon, learningRate)
        for parameter in parameters where parameter.gradient != nil {
            let first = firstMoments.buffer(for: parameter)
            let second = secondMoments.buffer(for: parameter)
            parameter.updateInPlace { theta, g in
                first.values.withUnsafeMutableBufferPointer { m in
                    second.values.withUnsafeMutableBufferPointer { v in
                        let constants = Constants(
                            beta1: beta1, beta2: beta2, epsilon: epsilon, learningRate: learningRate,
                            correction1: correction1, correction2: correction2)
                        // Elements are independent: a large parameter's two halves go to the
                        // two cores (an element costs about as much as 100 flops of a product).
                        let half = min((theta.count / 2 + 7) / 8 * 8, theta.count)
                        SharedWork.run(chunks: 2, flops: 100 * theta.count) { chunk in
                            let range = chunk == 0 ? 0..<half : half..<theta.count
                            guard !range.isEmpty else { return }
                            Self.advance(
                                theta: UnsafeMutableBufferPointer(rebasing: theta[range]),
                                m: UnsafeMutableBufferPointer(rebasing: m[range]),
                                v: UnsafeMutableBufferPointer(rebasing: v[range]),
                                g: UnsafeBufferPointer(rebasing: g[range]), constants: constants)
                        }
                    }
                }
            }
        }
    }

    /// The per-step constants of the update.
    struct Constants {
        let beta1, beta2, epsilon, learningRate, correction1, correction2: Float
    }

    /// The update of every element, eight lanes at a time and then one by one. Each lane does
    /// the scalar formula's operations in the same order (IEEE division and square root are
    /// exact per lane), so the result does not depend on where the vector loop stops.
    @inline(__always)
    static func advance(
        theta: UnsafeMutableBufferPointer<Float>, m: UnsafeMutableBufferPointer<Float>,
        v: UnsafeMutableBufferPointer<Float>, g: UnsafeBufferPointer<Float>, constants c: Constants
    ) {
        // `root` is `Elementary.squareRoot`: the instruction, where `squareRoot()` would be a
        // libm call that keeps the loop scalar.
        @inline(__always)
        func lane<V: SIMD>(_ theta: inout V, _ m: inout V, _ v: inout V, _ g: V, root: (V) -> V)
        where V.Scalar == Float {
            m = c.beta1 * m + (1 - c.beta1) * g
            v = c.beta2 * v + (1 - c.beta2) * g * g
            let mHat = m / c.correction1
            let vHat = v / c.correction2
            theta -= c.learningRate * mHat / (root(vHat) + c.epsilon)
        }
        let count = theta.count
        precondition(
            m.count == count && v.count == count && g.count == count, "Adam's state does not fit the parameter")
        guard let pt = theta.baseAddress, let pm = m.baseAddress, let pv = v.baseAddress, let pg = g.baseAddress
        else { return }
        var i = 0
        while i + 8 <= count {
            var t = UnsafeRawPointer(pt + i).loadUnaligned(as: SIMD8<Float>.self)
            var mi = UnsafeRawPointer(pm + i).loadUnaligned(as: SIMD8<Float>.self)
            var vi = UnsafeRawPointer(pv + i).loadUnaligned(as: SIMD8<Float>.self)
            lane(
                &t, &mi, &vi, UnsafeRawPointer(pg + i).loadUnaligned(as: SIMD8<Float>.self),
                root: Elementary.squareRoot)
            UnsafeMutableRawPointer(pt + i).storeBytes(of: t, as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(pm + i).storeBytes(of: mi, as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(pv + i).storeBytes(of: vi, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            var t = SIMD8<Float>(repeating: 0)
            var mi = t
            var vi = t
            (t[0], mi[0], vi[0]) = (pt[i], pm[i], pv[i])
            var gi = SIMD8<Float>(repeating: 0)
            gi[0] = pg[i]
            lane(&t, &mi, &vi, gi, root: Elementary.squareRoot)
            (pt[i], pm[i], pv[i]) = (t[0], mi[0], vi[0])
            i += 1
        }
    }
}
