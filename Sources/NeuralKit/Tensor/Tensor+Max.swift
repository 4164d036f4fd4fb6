extension Tensor {
    /// The largest value along `axis`, removing it (or keeping it with size 1).
    ///
    /// The pullback sends each upstream gradient to the arg-max alone (the first one on a
    /// tie), the subgradient every framework uses: `∂ maxⱼ xⱼ / ∂xₖ = 1` if `k = argmax`, else 0.
    ///
    /// ```swift
    /// Tensor([[1, 5, 2], [7, 0, 3]]).max(axis: 1).scalars   // [5, 7]
    /// ```
    /// - Parameters:
    ///   - axis: The axis to reduce (negative counts from the end).
    ///   - keepingDimension: Whether to keep the axis with size 1.
    /// - Returns: The maxima.
    public func max(axis: Int, keepingDimension: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis)
        precondition(shape[axis] > 0, "max(axis: \(axis)) needs a non-empty axis, shape is \(shape)")
        let layout = AxisLayout(shape, axis: axis)
        let winners = argmaxOffsets(layout)
        let input = self
        return Tensor(
            shape: AxisLayout.reducedShape(shape, axis: axis, keepingDimension: keepingDimension),
            scalars: winners.map { scalars[$0] }, inputs: [input]
        ) { upstream in
            var delta = [Float](repeating: 0, count: input.count)
            for (line, offset) in winners.enumerated() { delta[offset] += upstream[line] }
            input.accumulateGradient(delta)
        }
    }

    /// The index of the largest value along `axis` (the first on a tie), as `Float`s in a
    /// tensor without that axis; not differentiable. `argmax(axis: -1)` of class scores gives
    /// the predicted classes.
    /// - Parameter axis: The axis to search (negative counts from the end).
    /// - Returns: The indices, as whole-number `Float`s.
    public func argmax(axis: Int) -> Tensor {
        let axis = normalizedAxis(axis)
        precondition(shape[axis] > 0, "argmax(axis: \(axis)) needs a non-empty axis, shape is \(shape)")
        let layout = AxisLayout(shape, axis: axis)
        let indices = argmaxOffsets(layout).enumerated().map { line, offset in
            Float((offset - layout.offset(line: line, 0)) / layout.inner)
        }
        return Tensor(
            shape: AxisLayout.reducedShape(shape, axis: axis, keepingDimension: false), scalars: indices)
    }

    /// For every line along the axis, the flat offset of its largest scalar.
    private func argmaxOffsets(_ layout: AxisLayout) -> [Int] {
        (0..<layout.lineCount).map { line in
            var best = layout.offset(line: line, 0)
            for j in 1..<Swift.max(layout.length, 1) {
                let offset = layout.offset(line: line, j)
                if scalars[offset] > scalars[best] { best = offset }
            }
            return best
        }
    }
}
