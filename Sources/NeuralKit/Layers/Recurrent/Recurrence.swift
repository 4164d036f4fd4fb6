/// What the recurrent layers share: the input projection of every time step in one GEMM, and
/// the stacking of the per-step outputs.
enum Recurrence {
    /// `xₜ·W + b` for every step `t` of `input: [batch, time, features]`, as `time` tensors
    /// `[batch, k]` for `W: [features, k]`, `b: [k]`: one `[batch·time, features]` product
    /// instead of one small product per step.
    static func projectedSteps(_ input: Tensor, kernel: Tensor, bias: Tensor, layer: String) -> [Tensor] {
        precondition(input.rank == 3, "\(layer) expects [batch, time, features], got \(input.shape)")
        precondition(
            input.shape[2] == kernel.shape[0],
            "\(layer) was built for \(kernel.shape[0]) features, got \(input.shape)")
        let (batch, time, width) = (input.shape[0], input.shape[1], kernel.shape[1])
        let projected = (input.reshaped([batch * time, input.shape[2]]).matmul(kernel) + bias)
            .reshaped([batch, time, width])
        return (0..<time).map { projected.slicing(axis: 1, range: $0..<($0 + 1)).reshaped([batch, width]) }
    }

    /// The states `hₜ: [batch, units]` stacked along time: `[batch, time, units]`.
    static func stacked(_ states: [Tensor]) -> Tensor {
        concatenated(states.map { $0.reshaped([$0.shape[0], 1, $0.shape[1]]) }, axis: 1)
    }
}
