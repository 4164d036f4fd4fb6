/// How a sliding window (a convolution kernel or a pooling window) treats the borders, with
/// TensorFlow's rules for an input of size `n`, window `k` and stride `s`.
public enum Padding: Sendable {
    /// No padding: only windows that fit inside, `⌊(n − k)/s⌋ + 1` of them.
    case valid
    /// Zero padding (ignored by max pooling) so that there are `⌈n/s⌉` windows; the
    /// `max((⌈n/s⌉ − 1)·s + k − n, 0)` padded positions are split with the odd one after.
    case same
}

/// Where the windows land along one spatial axis.
struct WindowGeometry {
    /// The input's size along the axis.
    let inputSize: Int
    /// The window's size along the axis.
    let windowSize: Int
    /// The step between window starts.
    let stride: Int
    /// The number of windows.
    let outputSize: Int
    /// The padded positions before the first input position.
    let padBefore: Int

    init(inputSize: Int, windowSize: Int, stride: Int, padding: Padding) {
        precondition(
            windowSize > 0 && stride > 0, "windows need a positive size and stride, got \(windowSize) and \(stride)")
        self.inputSize = inputSize
        self.windowSize = windowSize
        self.stride = stride
        switch padding {
        case .valid:
            precondition(
                inputSize >= windowSize, "a window of \(windowSize) does not fit in \(inputSize) without padding")
            outputSize = (inputSize - windowSize) / stride + 1
            padBefore = 0
        case .same:
            outputSize = (inputSize + stride - 1) / stride
            padBefore = Swift.max((outputSize - 1) * stride + windowSize - inputSize, 0) / 2
        }
    }

    /// The input position under offset `j` of window `o`, or nil where it falls in the padding.
    @inline(__always)
    func inputPosition(window o: Int, offset j: Int) -> Int? {
        let position = o * stride - padBefore + j
        return position >= 0 && position < inputSize ? position : nil
    }
}
