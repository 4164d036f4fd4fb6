/// A 2-D convolution over NHWC images `[batch, height, width, channels]`, Keras's `Conv2D`:
/// `y[n, i, j, f] = act(b_f + Σ_{u, v, c} x[n, i·s + u − p, j·s + v − p, c] · K[u, v, c, f])`
/// (strictly a cross-correlation, as in every framework), `p` the padding before.
///
/// Computed as im2col + one GEMM: `extractingPatches` lays every window out as a row of
/// `k·k·c` values, and the kernel `K: [k, k, c, filters]` (Keras's layout) reshaped to
/// `[k·k·c, filters]` multiplies them all at once; the pullbacks of the two ops give `∂L/∂x`
/// and `∂L/∂K`. The kernel starts Glorot-uniform with `fanIn = k·k·c`, `fanOut = k·k·filters`
/// and the bias at zero (Keras's defaults).
///
/// ```swift
/// let conv = Conv2D(filters: 8, kernelSize: 3, padding: .same, activation: .relu, inputChannels: 1)
/// conv(Tensor.zeros([4, 28, 28, 1])).shape   // [4, 28, 28, 8]
/// ```
public final class Conv2D: Layer {
    /// The number of output channels.
    public let filters: Int
    /// The side of the square kernel.
    public let kernelSize: Int
    /// The step between windows, the same along height and width.
    public let strides: Int
    /// How the borders are handled.
    public let padding: Padding
    /// The activation applied after the convolution.
    public let activation: Activation
    /// `K`, shape `[kernelSize, kernelSize, inputChannels, filters]`; nil until built.
    public private(set) var kernel: Tensor?
    /// `b`, shape `[filters]`; nil until built.
    public private(set) var bias: Tensor?

    /// Creates the layer; with `inputChannels` the weights are drawn now, otherwise on first use.
    /// - Parameters:
    ///   - filters: The number of output channels, > 0.
    ///   - kernelSize: The side `k` of the square kernel, > 0.
    ///   - strides: The step between windows, > 0.
    ///   - padding: `.valid` (no padding) or `.same` (output size `⌈input / strides⌉`).
    ///   - activation: The function applied after the convolution.
    ///   - inputChannels: The number of input channels; `nil` to learn it at the first call.
    public init(
        filters: Int, kernelSize: Int, strides: Int = 1, padding: Padding = .valid,
        activation: Activation = .linear, inputChannels: Int? = nil
    ) {
        precondition(
            filters > 0 && kernelSize > 0 && strides > 0,
            "Conv2D needs filters, kernelSize and strides > 0, got \(filters), \(kernelSize), \(strides)")
        self.filters = filters
        self.kernelSize = kernelSize
        self.strides = strides
        self.padding = padding
        self.activation = activation
        if let inputChannels { build(inputChannels: inputChannels) }
    }

    private func build(inputChannels: Int) {
        let area = kernelSize * kernelSize
        kernel = Tensor.glorotUniform(
            [kernelSize, kernelSize, inputChannels, filters], fanIn: area * inputChannels, fanOut: area * filters,
            using: &RandomGenerator.global)
        kernel?.requiresGradient = true
        bias = Tensor.zeros([filters], requiresGradient: true)
    }

    /// Convolves the images with every filter, adds the bias and applies the activation.
    ///
    /// - Parameter input: Images `[batch, height, width, channels]`; the first call fixes `channels`.
    /// - Returns: `[batch, height′, width′, filters]`, the spatial size set by `strides` and `padding`.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        precondition(input.rank == 4, "Conv2D expects NHWC [batch, height, width, channels], got \(input.shape)")
        if kernel == nil { build(inputChannels: input.shape[3]) }
        guard let kernel, let bias else { preconditionFailure("Conv2D weights missing after build") }
        precondition(
            input.shape[3] == kernel.shape[2],
            "Conv2D(\(filters)) was built for \(kernel.shape[2]) channels, got \(input.shape)")
        let patches = input.extractingPatches(
            size: (kernelSize, kernelSize), strides: (strides, strides), padding: padding)
        let patchLength = patches.shape[3]
        let rows = patches.reshaped([-1, patchLength]).matmul(kernel.reshaped([patchLength, filters])) + bias
        return activation(rows.reshaped(Array(patches.shape.dropLast()) + [filters]))
    }

    /// `K` and `b` (empty until built).
    public var parameters: [Tensor] { [kernel, bias].compactMap { $0 } }

    /// `"Conv2D(filters, k×k)"` with the strides, padding and activation that differ from the defaults.
    public var summaryName: String {
        let options = [
            "\(filters)", "\(kernelSize)×\(kernelSize)", strides == 1 ? nil : "strides \(strides)",
            padding == .same ? "same" : nil, activation == .linear ? nil : "\(activation)",
        ]
        return "Conv2D(\(options.compactMap { $0 }.joined(separator: ", ")))"
    }
}
