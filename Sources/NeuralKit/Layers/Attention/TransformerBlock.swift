/// One Transformer encoder layer (Vaswani et al.), post-norm as in the paper and in Keras's
/// text-classification example, over `[batch, time, model]`:
///
///     a = LayerNorm(x + MultiHeadSelfAttention(x))
///     y = LayerNorm(a + Dense_model(act(Dense_ff(a))))
///
/// The residual connections need the attention and the feed-forward output to keep the
/// `model` size, which the last `Dense` takes from the first call. No dropout: add `Dropout`
/// layers around it when needed.
///
/// ```swift
/// let block = TransformerBlock(heads: 2, keyDimension: 8, feedForwardSize: 32, causal: true)
/// block(Tensor.zeros([4, 10, 16])).shape   // [4, 10, 16]
/// ```
public final class TransformerBlock: Layer {
    /// The self-attention sub-layer.
    public let attention: MultiHeadSelfAttention
    /// The normalization after the attention residual.
    public let attentionNormalization = LayerNormalization()
    /// The first feed-forward layer, `model → feedForwardSize`, with the activation.
    public let feedForward: Dense
    /// The second feed-forward layer, `feedForwardSize → model`; nil until the first call.
    public private(set) var feedForwardOutput: Dense?
    /// The normalization after the feed-forward residual.
    public let feedForwardNormalization = LayerNormalization()

    /// Creates the block; `activation` is the feed-forward one (ReLU in the paper, GELU in BERT and GPT).
    /// - Parameters:
    ///   - heads: The attention's number of heads.
    ///   - keyDimension: The attention's `d_k`.
    ///   - feedForwardSize: The hidden width of the feed-forward layers.
    ///   - causal: Whether the attention is causal.
    ///   - activation: The first feed-forward layer's activation.
    public init(
        heads: Int, keyDimension: Int, feedForwardSize: Int, causal: Bool = false, activation: Activation = .relu
    ) {
        attention = MultiHeadSelfAttention(heads: heads, keyDimension: keyDimension, causal: causal)
        feedForward = Dense(feedForwardSize, activation: activation)
    }

    /// Applies the block in inference mode.
    ///
    /// - Parameter input: A batch of sequences `[batch, time, model]`.
    /// - Returns: A tensor of the input's shape.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        self(input, training: false)
    }

    /// Applies the block, passing the mode on to its sub-layers.
    /// - Parameters:
    ///   - input: A batch of sequences `[batch, time, model]`.
    ///   - training: Passed on to the sub-layers.
    /// - Returns: A tensor of the input's shape.
    public func callAsFunction(_ input: Tensor, training: Bool) -> Tensor {
        precondition(input.rank == 3, "TransformerBlock expects [batch, time, model], got \(input.shape)")
        let attended = attentionNormalization(input + attention(input, training: training), training: training)
        if feedForwardOutput == nil { feedForwardOutput = Dense(input.shape[2], inputSize: feedForward.units) }
        guard let feedForwardOutput else { preconditionFailure("feed-forward output missing after build") }
        let transformed = feedForwardOutput(feedForward(attended, training: training), training: training)
        return feedForwardNormalization(attended + transformed, training: training)
    }

    /// The sub-layers' parameters: attention, its normalization, the two feed-forward layers, their normalization.
    public var parameters: [Tensor] {
        attention.parameters + attentionNormalization.parameters + feedForward.parameters
            + (feedForwardOutput?.parameters ?? []) + feedForwardNormalization.parameters
    }

    /// `"TransformerBlock(heads×keyDimension, ff size)"`, marked when causal.
    public var summaryName: String {
        "TransformerBlock(\(attention.heads)×\(attention.keyDimension), ff \(feedForward.units)"
            + "\(attention.causal ? ", causal" : ""))"
    }
}
