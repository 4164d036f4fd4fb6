extension Tensor {
    /// The same scalars seen with another shape of the same size; `-1` infers one dimension.
    /// - Parameter newShape: The new dimensions, at most one of them `-1`.
    /// - Returns: The tensor with that shape; the pullback reshapes the gradient back.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var resolved = newShape
        if let inferred = newShape.firstIndex(of: -1) {
            let known = newShape.filter { $0 != -1 }.reduce(1, *)
            precondition(known > 0 && count % known == 0, "cannot reshape \(shape) to \(newShape)")
            resolved[inferred] = count / known
        }
        precondition(
            resolved.reduce(1, *) == count, "cannot reshape \(shape) (\(count) scalars) to \(newShape)")
        let input = self
        return Tensor(shape: resolved, scalars: scalars, inputs: [input]) { upstream in
            input.accumulateGradient(upstream)
        }
    }

    /// The transpose of a rank-2 tensor.
    /// - Returns: `[n, m]` for a `[m, n]` tensor.
    public func transposed() -> Tensor {
        precondition(rank == 2, "transposed() needs a rank-2 tensor, shape is \(shape)")
        let (rows, columns) = (shape[0], shape[1])
        let input = self
        return Tensor(
            shape: [columns, rows], scalars: transpose(scalars, rows: rows, columns: columns), inputs: [input]
        ) {
            upstream in
            input.accumulateGradient(transpose(upstream, rows: columns, columns: rows))
        }
    }

    /// Rows (slices along axis 0) picked by index, in the given order — how `fit` cuts a
    /// shuffled batch. Pullback adds each row's gradient back to the row it came from.
    /// - Parameter indices: Row numbers, repeats allowed.
    /// - Returns: The rows, stacked in the given order.
    public func gathering(rows indices: [Int]) -> Tensor {
        precondition(rank >= 1, "gathering(rows:) needs rank ≥ 1, shape is \(shape)")
        let width = count / Swift.max(shape[0], 1)
        let rowCount = shape[0]
        let result = [Float](unsafeUninitializedCapacity: indices.count * width) { output, initialized in
            scalars.withUnsafeBufferPointer { input in
                for (target, source) in indices.enumerated() {
                    precondition(source >= 0 && source < rowCount, "row \(source) is out of range 0..<\(rowCount)")
                    for i in 0..<width { output[target * width + i] = input[source * width + i] }
                }
            }
            initialized = indices.count * width
        }
        var newShape = shape
        newShape[0] = indices.count
        // Cutting batches out of data (which needs no gradient) is on every step of `fit`:
        // skip building a pullback that would be thrown away.
        guard requiresGradient && GradientRecording.isEnabled else { return Tensor(shape: newShape, scalars: result) }
        let input = self
        return Tensor(shape: newShape, scalars: result, inputs: [input]) { upstream in
            var delta = [Float](repeating: 0, count: input.count)
            for (target, source) in indices.enumerated() {
                for i in 0..<width { delta[source * width + i] += upstream[target * width + i] }
            }
            input.accumulateGradient(delta)
        }
    }
}

/// Row-major transpose of a `rows × columns` matrix.
func transpose(_ values: [Float], rows: Int, columns: Int) -> [Float] {
    var result = [Float](repeating: 0, count: values.count)
    for r in 0..<rows {
        for c in 0..<columns { result[c * rows + r] = values[r * columns + c] }
    }
    return result
}
