/// Joins tensors along `axis`; all other dimensions must agree. The pullback hands each
/// input back its own block of the upstream gradient.
///
/// ```swift
/// concatenated([Tensor([[1, 2]]), Tensor([[3, 4], [5, 6]])], axis: 0).shape   // [3, 2]
/// ```
/// - Parameters:
///   - tensors: At least one tensor, all of one rank.
///   - axis: The axis to join along (negative counts from the end).
/// - Returns: The tensors one after another along `axis`.
public func concatenated(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
    guard let first = tensors.first else { preconditionFailure("concatenated needs at least one tensor") }
    let axis = first.normalizedAxis(axis)
    for tensor in tensors {
        var expected = first.shape
        if tensor.rank == first.rank { expected[axis] = tensor.shape[axis] }
        precondition(
            tensor.shape == expected,
            "concatenated along axis \(axis) needs equal other dimensions, got \(tensors.map(\.shape))")
    }
    // Each input contributes `outer` runs of `shape[axis] · inner` contiguous scalars.
    let outer = first.shape[..<axis].reduce(1, *)
    let inner = first.shape[(axis + 1)...].reduce(1, *)
    let runs = tensors.map { $0.shape[axis] * inner }
    let width = runs.reduce(0, +)
    var scalars = [Float](repeating: 0, count: outer * width)
    var start = 0
    for (tensor, run) in zip(tensors, runs) {
        for o in 0..<outer {
            scalars.replaceSubrange(
                (o * width + start)..<(o * width + start + run), with: tensor.scalars[(o * run)..<((o + 1) * run)])
        }
        start += run
    }
    var shape = first.shape
    shape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
    return Tensor(shape: shape, scalars: scalars, inputs: tensors) { upstream in
        var start = 0
        for (tensor, run) in zip(tensors, runs) {
            if tensor.requiresGradient {
                var delta = [Float](repeating: 0, count: tensor.count)
                for o in 0..<outer {
                    delta.replaceSubrange(
                        (o * run)..<((o + 1) * run), with: upstream[(o * width + start)..<(o * width + start + run)])
                }
                tensor.accumulateGradient(delta)
            }
            start += run
        }
    }
}
