/// Max pooling over NHWC images, Keras's `MaxPool2D`: each `poolSize × poolSize` window of
/// each channel becomes its largest value, `y[n, i, j, c] = max_{u, v} x[n, i·s + u, j·s + v, c]`.
/// The stride defaults to the pool size (non-overlapping windows). No parameters.
///
/// ```swift
/// MaxPool2D(poolSize: 2)(Tensor.zeros([4, 28, 28, 8])).shape   // [4, 14, 14, 8]
/// ```
public final class MaxPool2D: Layer {
    /// The side of the square window.
    public let poolSize: Int
    /// The step between windows.
    public let strides: Int
    /// How the borders are handled (`.same` pads with positions that never win).
    public let padding: Padding

    /// Creates the layer; `strides` defaults to `poolSize`.
    /// - Parameters:
    ///   - poolSize: The side of the square window, > 0.
    ///   - strides: The step between windows; `nil` for `poolSize`.
    ///   - padding: `.valid` or `.same`.
    public init(poolSize: Int = 2, strides: Int? = nil, padding: Padding = .valid) {
        precondition(poolSize > 0, "MaxPool2D needs poolSize > 0, got \(poolSize)")
        self.poolSize = poolSize
        self.strides = strides ?? poolSize
        self.padding = padding
    }

    /// Takes each window's maximum, channel by channel; the gradient goes to the maximum's position.
    ///
    /// - Parameter input: Images `[batch, height, width, channels]`.
    /// - Returns: `[batch, height′, width′, channels]`.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        precondition(input.rank == 4, "MaxPool2D expects NHWC [batch, height, width, channels], got \(input.shape)")
        return input.maxPooled(size: (poolSize, poolSize), strides: (strides, strides), padding: padding)
    }

    /// None.
    public var parameters: [Tensor] { [] }

    /// `"MaxPool2D(p×p)"` with the strides and padding that differ from the defaults.
    public var summaryName: String {
        let options = [
            "\(poolSize)×\(poolSize)", strides == poolSize ? nil : "strides \(strides)",
            padding == .same ? "same" : nil,
        ]
        return "MaxPool2D(\(options.compactMap { $0 }.joined(separator: ", ")))"
    }
}
