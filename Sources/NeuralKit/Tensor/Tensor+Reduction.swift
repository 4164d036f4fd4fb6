extension Tensor {
    /// The sum of all scalars, as a scalar tensor; pullback spreads the gradient to every
    /// element.
    /// - Returns: `Σ xᵢ`, a scalar tensor.
    public func sum() -> Tensor {
        let input = self
        let total = scalars.reduce(0, +)
        return Tensor(shape: [], scalars: [total], inputs: [input]) { upstream in
            input.accumulateGradient([Float](repeating: upstream[0], count: input.count))
        }
    }

    /// The mean of all scalars: `(1/n) Σ xᵢ`.
    /// - Returns: A scalar tensor.
    public func mean() -> Tensor {
        sum() / Float(Swift.max(count, 1))
    }

    /// Sums over one axis, removing it (or keeping it with size 1).
    /// - Parameters:
    ///   - axis: The axis to sum over (negative counts from the end).
    ///   - keepingDimension: Whether to keep the axis with size 1.
    /// - Returns: The sums.
    public func sum(axis: Int, keepingDimension: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis)
        let outer = shape[..<axis].reduce(1, *)
        let length = shape[axis]
        let inner = shape[(axis + 1)...].reduce(1, *)
        var result = [Float](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for j in 0..<length {
                let base = (o * length + j) * inner
                for i in 0..<inner { result[o * inner + i] += scalars[base + i] }
            }
        }
        var newShape = shape
        if keepingDimension { newShape[axis] = 1 } else { newShape.remove(at: axis) }
        let input = self
        return Tensor(shape: newShape, scalars: result, inputs: [input]) { upstream in
            var delta = [Float](repeating: 0, count: input.count)
            for o in 0..<outer {
                for j in 0..<length {
                    let base = (o * length + j) * inner
                    for i in 0..<inner { delta[base + i] = upstream[o * inner + i] }
                }
            }
            input.accumulateGradient(delta)
        }
    }

    /// The mean over one axis.
    /// - Parameters:
    ///   - axis: The axis to average over (negative counts from the end).
    ///   - keepingDimension: Whether to keep the axis with size 1.
    /// - Returns: The means.
    public func mean(axis: Int, keepingDimension: Bool = false) -> Tensor {
        sum(axis: axis, keepingDimension: keepingDimension) / Float(shape[normalizedAxis(axis)])
    }

    /// Maps a negative axis (counting from the end) to its positive index.
    func normalizedAxis(_ axis: Int) -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        precondition(resolved >= 0 && resolved < rank, "axis \(axis) is out of range for shape \(shape)")
        return resolved
    }
}
