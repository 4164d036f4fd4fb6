extension Tensor {
    /// The largest value in each window of an NHWC batch `[n, h, w, c]`, channel by channel:
    /// `[n, oh, ow, c]` (Keras's `MaxPool2D`). Padded positions never win.
    ///
    /// The pullback sends each window's gradient to its arg-max alone (the first on a tie),
    /// adding where windows overlap.
    ///
    /// ```swift
    /// image.maxPooled(size: (2, 2), strides: (2, 2), padding: .valid)   // halves h and w
    /// ```
    /// - Parameters:
    ///   - size: The window's height and width.
    ///   - strides: The steps between windows.
    ///   - padding: `.valid` or `.same`.
    /// - Returns: `[n, oh, ow, c]`.
    public func maxPooled(
        size: (height: Int, width: Int), strides: (height: Int, width: Int), padding: Padding
    ) -> Tensor {
        precondition(rank == 4, "maxPooled needs an NHWC batch [n, h, w, c], got \(shape)")
        let (batch, height, width, channels) = (shape[0], shape[1], shape[2], shape[3])
        let rows = WindowGeometry(inputSize: height, windowSize: size.height, stride: strides.height, padding: padding)
        let columns = WindowGeometry(inputSize: width, windowSize: size.width, stride: strides.width, padding: padding)
        var winners: [Int] = []
        winners.reserveCapacity(batch * rows.outputSize * columns.outputSize * channels)
        for n in 0..<batch {
            for oy in 0..<rows.outputSize {
                for ox in 0..<columns.outputSize {
                    for channel in 0..<channels {
                        var best = -1
                        for ky in 0..<rows.windowSize {
                            guard let y = rows.inputPosition(window: oy, offset: ky) else { continue }
                            for kx in 0..<columns.windowSize {
                                guard let x = columns.inputPosition(window: ox, offset: kx) else { continue }
                                let offset = ((n * height + y) * width + x) * channels + channel
                                if best < 0 || scalars[offset] > scalars[best] { best = offset }
                            }
                        }
                        winners.append(best)
                    }
                }
            }
        }
        let input = self
        return Tensor(
            shape: [batch, rows.outputSize, columns.outputSize, channels], scalars: winners.map { scalars[$0] },
            inputs: [input]
        ) { upstream in
            var delta = [Float](repeating: 0, count: input.count)
            for (window, offset) in winners.enumerated() { delta[offset] += upstream[window] }
            input.accumulateGradient(delta)
        }
    }
}
