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
    public func logSoftmax(axis: Int = -1) -> Tensor {
        let layout = AxisLayout(shape, axis: normalizedAxis(axis))
        var output = scalars
        for line in 0..<layout.lineCount {
            let offsets = (0..<layout.length).map { layout.offset(line: line, $0) }
            let m = offsets.map { scalars[$0] }.max() ?? 0
            let logSum = logf(offsets.reduce(Float(0)) { $0 + expf(scalars[$1] - m) })
            for offset in offsets { output[offset] = scalars[offset] - m - logSum }
        }
        let input = self
        return Tensor(shape: shape, scalars: output, inputs: [input]) { upstream in
            var delta = upstream
            for line in 0..<layout.lineCount {
                let offsets = (0..<layout.length).map { layout.offset(line: line, $0) }
                let total = offsets.reduce(Float(0)) { $0 + upstream[$1] }
                for offset in offsets { delta[offset] -= expf(output[offset]) * total }
            }
            input.accumulateGradient(delta)
        }
    }

    /// `softmax(x)ⱼ = e^{xⱼ − m} / Σₖ e^{xₖ − m}` along `axis` (`m` the maximum, for
    /// stability): probabilities that sum to 1.
    ///
    /// Pullback: `∂L/∂xⱼ = yⱼ (gⱼ − Σₖ gₖ yₖ)`.
    public func softmax(axis: Int = -1) -> Tensor {
        let layout = AxisLayout(shape, axis: normalizedAxis(axis))
        var output = scalars
        for line in 0..<layout.lineCount {
            let offsets = (0..<layout.length).map { layout.offset(line: line, $0) }
            let m = offsets.map { scalars[$0] }.max() ?? 0
            for offset in offsets { output[offset] = expf(scalars[offset] - m) }
            let total = offsets.reduce(Float(0)) { $0 + output[$1] }
            for offset in offsets { output[offset] /= total }
        }
        let input = self
        return Tensor(shape: shape, scalars: output, inputs: [input]) { upstream in
            var delta = upstream
            for line in 0..<layout.lineCount {
                let offsets = (0..<layout.length).map { layout.offset(line: line, $0) }
                let dot = offsets.reduce(Float(0)) { $0 + upstream[$1] * output[$1] }
                for offset in offsets { delta[offset] = output[offset] * (upstream[offset] - dot) }
            }
            input.accumulateGradient(delta)
        }
    }
}
