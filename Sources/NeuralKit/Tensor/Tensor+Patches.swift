extension Tensor {
    /// The sliding windows of an NHWC image batch `[n, h, w, c]`, each flattened in
    /// (row, column, channel) order: `[n, oh, ow, kh·kw·c]` (TensorFlow's
    /// `tf.image.extract_patches`). Positions in the padding read 0.
    ///
    /// This is im2col: a convolution with a Keras kernel `[kh, kw, c, filters]` becomes one
    /// matrix product, `patches.reshaped([-1, kh·kw·c]) · kernel.reshaped([kh·kw·c, filters])`.
    /// The pullback (col2im) adds each patch entry's gradient back to the pixel it was read from;
    /// pixels under several windows collect several contributions.
    ///
    /// ```swift
    /// image.extractingPatches(size: (3, 3), strides: (1, 1), padding: .same)   // [n, h, w, 9c]
    /// ```
    /// - Parameters:
    ///   - size: The window's height and width.
    ///   - strides: The steps between windows.
    ///   - padding: `.valid` or `.same`.
    /// - Returns: `[n, oh, ow, kh·kw·c]`, each window's values in `(u, v, c)` order.
    public func extractingPatches(
        size: (height: Int, width: Int), strides: (height: Int, width: Int), padding: Padding
    ) -> Tensor {
        precondition(rank == 4, "extractingPatches needs an NHWC batch [n, h, w, c], got \(shape)")
        let walk = PatchWalk(shape, size: size, strides: strides, padding: padding)
        var patches = [Float](repeating: 0, count: walk.patchCount)
        let source = scalars
        walk.forEachRun { patch, pixel, length in
            for i in 0..<length { patches[patch + i] = source[pixel + i] }
        }
        let input = self
        return Tensor(shape: walk.outputShape, scalars: patches, inputs: [input]) { upstream in
            var delta = [Float](repeating: 0, count: input.count)
            walk.forEachRun { patch, pixel, length in
                for i in 0..<length { delta[pixel + i] += upstream[patch + i] }
            }
            input.accumulateGradient(delta)
        }
    }
}

/// The im2col bookkeeping: which input pixel feeds which patch entry. Channels are contiguous
/// in NHWC, so each (window, kernel position) pair is one run of `c` scalars.
struct PatchWalk {
    let batch: Int
    let rows: WindowGeometry
    let columns: WindowGeometry
    let channels: Int
    let inputWidth: Int
    let inputHeight: Int

    init(_ shape: [Int], size: (height: Int, width: Int), strides: (height: Int, width: Int), padding: Padding) {
        (batch, inputHeight, inputWidth, channels) = (shape[0], shape[1], shape[2], shape[3])
        rows = WindowGeometry(inputSize: inputHeight, windowSize: size.height, stride: strides.height, padding: padding)
        columns = WindowGeometry(inputSize: inputWidth, windowSize: size.width, stride: strides.width, padding: padding)
    }

    /// The length of one flattened patch, `kh·kw·c`.
    var patchLength: Int { rows.windowSize * columns.windowSize * channels }
    /// `[n, oh, ow, kh·kw·c]`.
    var outputShape: [Int] { [batch, rows.outputSize, columns.outputSize, patchLength] }
    var patchCount: Int { outputShape.reduce(1, *) }

    /// Calls `body(patchOffset, pixelOffset, c)` for every kernel position inside the image.
    func forEachRun(_ body: (_ patch: Int, _ pixel: Int, _ length: Int) -> Void) {
        var patch = 0
        for n in 0..<batch {
            for oy in 0..<rows.outputSize {
                for ox in 0..<columns.outputSize {
                    for ky in 0..<rows.windowSize {
                        let y = rows.inputPosition(window: oy, offset: ky)
                        for kx in 0..<columns.windowSize {
                            if let y, let x = columns.inputPosition(window: ox, offset: kx) {
                                body(patch, ((n * inputHeight + y) * inputWidth + x) * channels, channels)
                            }
                            patch += channels
                        }
                    }
                }
            }
        }
    }
}
