import Foundation

extension Tensor {
    /// `log softmax(x)` along `axis`, computed stably as
    /// `yⱼ = xⱼ − m − log Σₖ e^{xₖ − m}` with `m = maxₖ xₖ`, so no exponent exceeds 0 and
    /// large logits cannot overflow.
    ///
    /// Its own pullback, exact and cheaper than composing max, exp, sum and log:
    /// `∂L/∂xⱼ = gⱼ − softmax(x)ⱼ · Σₖ gₖ`.
    ///
    /// ```swift
    /// Tensor([[1000, 0]]).logSoftmax(axis: 1).scalars   // [0, -1000], no overflow
    /// ```
    /// - Parameter axis: The class axis (negative counts from the end).
    /// - Returns: `log softmax(x)`, of this tensor's shape.
    public func logSoftmax(axis: Int = -1) -> Tensor {
        let layout = AxisLayout(shape, axis: normalizedAxis(axis))
        var output = scalars
        alongLines(layout, reading: scalars, writing: &output) { x, y, start, step in
            let m = lineMaximum(x, start, step, layout.length)
            var sum: Float = 0
            for j in 0..<layout.length { sum += Elementary.exp(x[start + j * step] - m) }
            let logSum = Elementary.log(sum)
            for j in 0..<layout.length { y[start + j * step] = x[start + j * step] - m - logSum }
        }
        let input = self
        return Tensor(shape: shape, scalars: output, inputs: [input]) { upstream in
            var delta = upstream
            alongLines(layout, reading: output, writing: &delta) { y, d, start, step in
                var total: Float = 0
                for j in 0..<layout.length { total += d[start + j * step] }
                for j in 0..<layout.length { d[start + j * step] -= Elementary.exp(y[start + j * step]) * total }
            }
            input.accumulateGradient(delta)
        }
    }

    /// `softmax(x)ⱼ = e^{xⱼ − m} / Σₖ e^{xₖ − m}` along `axis` (`m` the maximum, for
    /// stability): probabilities that sum to 1.
    ///
    /// Pullback: `∂L/∂xⱼ = yⱼ (gⱼ − Σₖ gₖ yₖ)`.
    /// - Parameter axis: The class axis (negative counts from the end).
    /// - Returns: `softmax(x)`, of this tensor's shape.
    public func softmax(axis: Int = -1) -> Tensor {
        let layout = AxisLayout(shape, axis: normalizedAxis(axis))
        var output = scalars
        alongLines(layout, reading: scalars, writing: &output) { x, y, start, step in
            let m = lineMaximum(x, start, step, layout.length)
            for j in 0..<layout.length { y[start + j * step] = Elementary.exp(x[start + j * step] - m) }
            var total: Float = 0
            for j in 0..<layout.length { total += y[start + j * step] }
            for j in 0..<layout.length { y[start + j * step] /= total }
        }
        let input = self
        return Tensor(shape: shape, scalars: output, inputs: [input]) { upstream in
            var delta = upstream
            alongLines(layout, reading: output, writing: &delta) { y, d, start, step in
                var dot: Float = 0
                for j in 0..<layout.length { dot += d[start + j * step] * y[start + j * step] }
                for j in 0..<layout.length { d[start + j * step] = y[start + j * step] * (d[start + j * step] - dot) }
            }
            input.accumulateGradient(delta)
        }
    }
}

/// Calls `body(source, target, start, step)` for every line of `layout` (element `j` of a line
/// at `start + j · step`), with `source` readable and `target` written in place.
@inline(__always)
private func alongLines(
    _ layout: AxisLayout, reading source: [Float], writing target: inout [Float],
    _ body: (UnsafeBufferPointer<Float>, UnsafeMutableBufferPointer<Float>, _ start: Int, _ step: Int) -> Void
) {
    target.withUnsafeMutableBufferPointer { target in
        source.withUnsafeBufferPointer { source in
            layout.forEachLine { start, step in body(source, target, start, step) }
        }
    }
}

/// The largest of the `length` values `x[start + j·step]`, compared in order as `Sequence.max()`
/// does (a NaN first stays; a NaN later is passed over), 0 for an empty line.
@inline(__always)
private func lineMaximum(_ x: UnsafeBufferPointer<Float>, _ start: Int, _ step: Int, _ length: Int) -> Float {
    guard length > 0 else { return 0 }
    var m = x[start]
    for j in 1..<length where m < x[start + j * step] { m = x[start + j * step] }
    return m
}
