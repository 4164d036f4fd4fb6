extension Tensor {
    /// The positions `range` along `axis`, every other dimension whole (NumPy's
    /// `x[..., a:b, ...]`). The pullback puts the upstream gradient back where the slice came
    /// from and zeros elsewhere.
    ///
    /// ```swift
    /// x.slicing(axis: 0, range: 0..<32)   // the first 32 samples
    /// ```
    /// - Parameters:
    ///   - axis: The axis to cut (negative counts from the end).
    ///   - range: The positions kept, within the axis.
    /// - Returns: The slice, `range.count` long along `axis`.
    public func slicing(axis: Int, range: Range<Int>) -> Tensor {
        let axis = normalizedAxis(axis)
        precondition(
            range.lowerBound >= 0 && range.upperBound <= shape[axis],
            "slice \(range) is out of range 0..<\(shape[axis]) along axis \(axis) of \(shape)")
        let layout = AxisLayout(shape, axis: axis)
        let run = range.count * layout.inner
        var result = [Float](repeating: 0, count: layout.outer * run)
        for o in 0..<layout.outer {
            let source = (o * layout.length + range.lowerBound) * layout.inner
            result.replaceSubrange((o * run)..<((o + 1) * run), with: scalars[source..<(source + run)])
        }
        var newShape = shape
        newShape[axis] = range.count
        let input = self
        return Tensor(shape: newShape, scalars: result, inputs: [input]) { upstream in
            var delta = [Float](repeating: 0, count: input.count)
            for o in 0..<layout.outer {
                let target = (o * layout.length + range.lowerBound) * layout.inner
                delta.replaceSubrange(target..<(target + run), with: upstream[(o * run)..<((o + 1) * run)])
            }
            input.accumulateGradient(delta)
        }
    }

    /// One element per line along `axis`, chosen by `indices` (one index per position of the
    /// other axes, row-major); the axis is removed. For class scores `[n, classes]` and labels
    /// `[n]`, `scores.gathering(indices: labels, alongAxis: 1)[i] = scores[i, labels[i]]`, what
    /// sparse cross-entropy needs (NumPy's `take_along_axis` followed by `squeeze`).
    ///
    /// The pullback adds each upstream gradient to the element it picked.
    /// - Parameters:
    ///   - indices: One position along `axis` for every position of the other axes.
    ///   - axis: The axis to pick along (negative counts from the end).
    /// - Returns: The picked elements, without `axis`.
    public func gathering(indices: [Int], alongAxis axis: Int) -> Tensor {
        let axis = normalizedAxis(axis)
        let layout = AxisLayout(shape, axis: axis)
        precondition(
            indices.count == layout.lineCount,
            "gathering along axis \(axis) of \(shape) needs \(layout.lineCount) indices, got \(indices.count)")
        let offsets = indices.enumerated().map { line, index in
            precondition(
                index >= 0 && index < layout.length,
                "index \(index) at position \(line) is out of range 0..<\(layout.length)")
            return layout.offset(line: line, index)
        }
        let input = self
        return Tensor(
            shape: AxisLayout.reducedShape(shape, axis: axis, keepingDimension: false),
            scalars: offsets.map { scalars[$0] }, inputs: [input]
        ) { upstream in
            var delta = [Float](repeating: 0, count: input.count)
            for (line, offset) in offsets.enumerated() { delta[offset] += upstream[line] }
            input.accumulateGradient(delta)
        }
    }
}
