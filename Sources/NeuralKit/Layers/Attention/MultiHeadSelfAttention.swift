import Synchronization

/// Multi-head scaled dot-product self-attention (Vaswani et al.), Keras's
/// `MultiHeadAttention(num_heads, key_dim)` called as `mha(x, x)`, over `[batch, time, model]`.
/// For each head `h`, with `Q = x·W_Q + b_Q` (and likewise `K`, `V`) cut into heads of
/// `keyDimension` columns:
///
///     A_h = softmax(Q_h·K_hᵀ/√d_k + M)      headₕ = A_h·V_h
///     y = concat(head₁, …, headₕ)·W_O + b_O
///
/// `M` is 0, or with `causal` `−10⁹` above the diagonal (Keras's large negative), so position
/// `i` attends only to `j ≤ i` and the masked weights are exactly 0. The output keeps the
/// input's `model` size. The four projections are `Dense` layers (Glorot-uniform kernels over
/// `[model, heads·keyDimension]`, zero biases; Keras draws the same shapes as 3-D kernels, so
/// its Glorot limits differ slightly).
///
/// `lastAttentionWeights` keeps the most recent call's `A`, `[batch, heads, time, time]`, for
/// drawing which positions each query looked at.
///
/// ```swift
/// let attention = MultiHeadSelfAttention(heads: 2, keyDimension: 8, causal: true)
/// attention(Tensor.zeros([4, 10, 16])).shape       // [4, 10, 16]
/// attention.lastAttentionWeights?.shape            // [4, 2, 10, 10]
/// ```
public final class MultiHeadSelfAttention: Layer {
    /// The number of heads.
    public let heads: Int
    /// `d_k`, the width of each head's queries, keys and values.
    public let keyDimension: Int
    /// Whether each position is kept from attending to later ones.
    public let causal: Bool
    /// The projections `x ↦ Q, K, V` and `heads ↦ y`, built at the first call (when the model size is known).
    public private(set) var query: Dense?, key: Dense?, value: Dense?, output: Dense?
    private let recordedWeights = Mutex<(shape: [Int], scalars: [Float])?>(nil)

    /// Creates the layer; the projections are drawn at the first call.
    /// - Parameters:
    ///   - heads: The number of heads, > 0.
    ///   - keyDimension: `d_k`, each head's width, > 0.
    ///   - causal: Whether position `i` may attend only to positions `j ≤ i`.
    public init(heads: Int, keyDimension: Int, causal: Bool = false) {
        precondition(
            heads > 0 && keyDimension > 0,
            "MultiHeadSelfAttention needs heads and keyDimension > 0, got \(heads), \(keyDimension)")
        self.heads = heads
        self.keyDimension = keyDimension
        self.causal = causal
    }

    /// Attends every position to every (or, with `causal`, every earlier) position.
    ///
    /// - Parameter input: A batch of sequences `[batch, time, model]`; the first call fixes `model`.
    /// - Returns: A tensor of the input's shape; the attention weights are kept in `lastAttentionWeights`.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        precondition(input.rank == 3, "MultiHeadSelfAttention expects [batch, time, model], got \(input.shape)")
        let (batch, time, model) = (input.shape[0], input.shape[1], input.shape[2])
        if output == nil {
            (query, key, value) = (projection(model), projection(model), projection(model))
            output = Dense(model, inputSize: heads * keyDimension)
        }
        guard let query, let key, let value, let output else { preconditionFailure("projections missing after build") }
        let (q, k, v) = (splitHeads(query(input)), splitHeads(key(input)), splitHeads(value(input)))
        var scores = q.batchedMatmul(k, transposeOther: true) / Float(keyDimension).squareRoot()
        if causal { scores = scores.filling(where: Tensor.causalMask(time), with: -1e9) }
        let weights = scores.softmax(axis: -1)
        recordedWeights.withLock { $0 = ([batch, heads, time, time], weights.scalars) }
        let context = weights.batchedMatmul(v)  // [batch·heads, time, keyDimension]
        return output(
            context.reshaped([batch, heads, time, keyDimension]).transposed([0, 2, 1, 3])
                .reshaped([batch, time, heads * keyDimension]))
    }

    /// The attention weights of the most recent call, `[batch, heads, time, time]`; each row
    /// sums to 1. Nil before the first call.
    public var lastAttentionWeights: Tensor? {
        recordedWeights.withLock { recorded in recorded.map { Tensor(shape: $0.shape, scalars: $0.scalars) } }
    }

    /// The four projections' kernels and biases (empty until the first call).
    public var parameters: [Tensor] { [query, key, value, output].flatMap { $0?.parameters ?? [] } }

    /// `"MultiHeadSelfAttention(heads×keyDimension)"`, marked when causal.
    public var summaryName: String {
        "MultiHeadSelfAttention(\(heads)×\(keyDimension)\(causal ? ", causal" : ""))"
    }

    private func projection(_ model: Int) -> Dense { Dense(heads * keyDimension, inputSize: model) }

    /// `[batch, time, heads·d_k] → [batch·heads, time, d_k]`: one stack entry per (sample, head).
    private func splitHeads(_ x: Tensor) -> Tensor {
        let (batch, time) = (x.shape[0], x.shape[1])
        return x.reshaped([batch, time, heads, keyDimension]).transposed([0, 2, 1, 3])
            .reshaped([batch * heads, time, keyDimension])
    }
}
