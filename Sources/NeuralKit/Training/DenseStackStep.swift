internal import NeuralKitKernels

/// One training step of a `Sequential` made only of `Dense` layers — the article's models,
/// multi-layer perceptrons — computed on buffers kept from step to step instead of a
/// recorded graph, as a jit compiler does for a fixed model. `fit` uses it whenever it
/// applies (`init` says when) and the general graph path otherwise.
///
/// It does the graph's arithmetic in the graph's order, so the losses, gradients and trained
/// weights are bit-identical to the general path for finite values (a test compares them; a
/// NaN may come out with the other sign bit, which the compiler does not keep):
///
///     forward, per layer:   Z = A·W (the same gemm),   Z += b row by row,
///                           Y = f(Z), S = f′(Z, Y)       (f, f′ from ScalarActivations)
///     backward, per layer:  U ← U ⊙ S,  ∂b = Σ_rows U (row order, from 0),  U ← 0 + U,
///                           ∂W = Aᵀ·U,  ∂A = U·Wᵀ       (the matmul pullback's gemms)
///
/// (`0 + U` is the bias pullback adding into zeros, which turns −0 into +0.) The loss stays a
/// small graph on the model's output, so every `Loss` and every regularizer work unchanged.
final class DenseStackStep {
    private let model: Sequential
    private let layers: [Dense]
    /// The layers' parameters, in the model's order.
    let parameters: [Tensor]
    private let x: Tensor
    private let y: Tensor
    private let loss: any Loss
    /// Whether the loss is `MeanSquaredError()` on targets shaped like the output, computed
    /// here without a graph.
    private let computesMeanSquaredError: Bool
    /// Whether some layer has a regularizer.
    private let hasPenalty: Bool
    /// Per layer: its output `Y` for the batch, `[batch, units]`.
    @exclusivity(unchecked)
    private var outputs: [ScratchMatrix]
    /// Per layer: `f′` at each output (unused for linear layers).
    @exclusivity(unchecked)
    private var slopes: [ScratchMatrix]
    /// Per layer: `U = ∂L/∂Y` of the layer's output (from the loss, or written by the next
    /// layer's backward gemm), turned in place into the gradient of its pre-activation.
    @exclusivity(unchecked)
    private var upstreams: [ScratchMatrix]
    /// The batch's rows of `x`, `[batch, inputs]`.
    @exclusivity(unchecked)
    private var input: ScratchMatrix
    /// The batch's rows of `y`, when the loss is computed here.
    @exclusivity(unchecked)
    private var target: ScratchMatrix
    /// The widest batch the scratch matrices hold.
    @exclusivity(unchecked)
    private var capacity = 0

    /// The step for `model` trained on `x`/`y` with `loss`, or nil when it does not apply and
    /// `fit` takes the general path: a layer that is not `Dense` or not built yet (it draws its
    /// weights at its first call, which the graph path makes), `x` not a `[samples, features]`
    /// matrix that matches the layers, `x` itself wanting a gradient, a parameter used twice,
    /// or gradient recording off.
    init?(model: Sequential, x: Tensor, y: Tensor, loss: any Loss) {
        guard let layers = Self.denseLayers(of: model), x.rank == 2, x.shape[1] > 0, !x.requiresGradient,
            GradientRecording.isEnabled
        else { return nil }
        var width = x.shape[1]
        for layer in layers {
            guard let kernel = layer.kernel, kernel.shape[0] == width else { return nil }
            width = kernel.shape[1]
        }
        let parameters = layers.flatMap(\.parameters)
        guard Set(parameters.map(ObjectIdentifier.init)).count == parameters.count else { return nil }
        self.model = model
        self.layers = layers
        self.parameters = parameters
        (self.x, self.y, self.loss) = (x, y, loss)
        computesMeanSquaredError =
            (loss as? MeanSquaredError)?.reduction == .mean && y.shape == [y.shape[0], width]
            && !y.requiresGradient
        hasPenalty = layers.contains { $0.kernelRegularizer != nil }
        outputs = layers.map { ScratchMatrix(columns: $0.units) }
        slopes = layers.map { ScratchMatrix(columns: $0.units) }
        upstreams = layers.map { ScratchMatrix(columns: $0.units) }
        input = ScratchMatrix(columns: x.shape[1])
        target = ScratchMatrix(columns: width)
    }

    /// The model's layers when every one is a `Dense` (and there is one), else nil: the
    /// models this step can train once built.
    static func denseLayers(of model: Sequential) -> [Dense]? {
        let layers = model.layers.compactMap { $0 as? Dense }
        return layers.count == model.layers.count && !layers.isEmpty ? layers : nil
    }

    /// The loss of the batch `rows` of `x`/`y` plus the model's regularization penalty, after
    /// adding its gradient into every parameter's `gradient`: what `fit`'s graph path does with
    /// `(loss(model(x[rows]), y[rows]) + penalty).backward()`. That graph runs the pullbacks of
    /// the loss's side first and the penalty's after, so a kernel's gradient is `∂W + ∂penalty`
    /// in that order (which matters once accumulation adds more terms): so here. A mean squared
    /// error (the article's example) needs no graph at all.
    func lossAfterBackward(rows: [Int]) -> Float {
        let batch = rows.count
        reserve(batch)
        input.gatherRows(rows, of: x)
        for (index, layer) in layers.enumerated() {
            forward(layer, from: index == 0 ? input : outputs[index - 1], into: outputs[index], slopes[index], batch)
        }
        let (last, upstream) = (outputs[layers.count - 1], upstreams[layers.count - 1])
        let dataLoss: Float
        var reachesTheModel = true
        if computesMeanSquaredError {
            target.gatherRows(rows, of: y)
            dataLoss = MeanSquaredError.meanWithGradient(
                predicted: last.base, target: target.base, count: batch * last.columns, gradient: upstream.base)
        } else {
            let predicted = Tensor(
                shape: [batch, last.columns], scalars: last.array(rows: batch), requiresGradient: true)
            let lossTensor = loss(predicted: predicted, target: y.gathering(rows: rows))
            lossTensor.backward()
            if let gradient = predicted.gradient { upstream.copy(gradient) } else { reachesTheModel = false }
            dataLoss = lossTensor.scalar
        }
        if reachesTheModel {
            for index in layers.indices.reversed() {
                backward(
                    layers[index], input: index == 0 ? input : outputs[index - 1], upstream: upstreams[index],
                    slopes: slopes[index], inputGradient: index == 0 ? nil : upstreams[index - 1], batch)
            }
        }
        guard hasPenalty, let penalty = model.regularizationLoss else { return dataLoss }
        penalty.backward()
        return dataLoss + penalty.scalar
    }

    /// Each layer's output shape for a batch of `batch` rows, as the graph path records them.
    func outputShapes(batch: Int) -> [[Int]] {
        layers.map { [batch, $0.units] }
    }

    /// `Y = f(A·W + b)` and `S = f′` for one layer, in blocks of rows on the engine's threads
    /// when the product is large (`SharedWork`; a row's numbers do not depend on the cut).
    private func forward(
        _ layer: Dense, from a: ScratchMatrix, into y: ScratchMatrix, _ s: ScratchMatrix, _ batch: Int
    ) {
        guard let kernel = layer.kernel else { preconditionFailure("DenseStackStep needs built layers") }
        let (units, inputs) = (layer.units, a.columns)
        let flops = 2 * batch * inputs * units
        let blocks = Self.blocks(batch, flops: flops)
        kernel.scalars.withUnsafeBufferPointer { w in
            SharedWork.run(chunks: blocks.count, flops: flops) { chunk in
                let rows = blocks[chunk]
                gemm(
                    a.base + rows.lowerBound * inputs, w.baseAddress!, into: y.base + rows.lowerBound * units,
                    m: rows.count, n: units, k: inputs, transposeA: false, transposeB: false)
                finishForward(layer, y, s, rows: rows)
            }
        }
    }

    /// `rows` output rows in one block, or in one block per engine thread when the work is
    /// shared: every element of a product is one chain over its own row and column, so any
    /// cut gives the same bits.
    static func blocks(_ rows: Int, flops: Int) -> RowBlocks {
        let parts = SharedWork.shares(flops: flops) ? SharedWork.threadCount : 1
        return RowBlocks(rows: rows, parts: parts, multiple: nk_sgemm_tile_rows(KernelLevel.current.kernelISA))
    }

    /// Adds the bias to the given rows of `Z = A·W` and applies the activation.
    private func finishForward(_ layer: Dense, _ y: ScratchMatrix, _ s: ScratchMatrix, rows: Range<Int>) {
        let units = layer.units
        if let bias = layer.bias {
            bias.scalars.withUnsafeBufferPointer { b in
                for row in rows {
                    let z = y.base + row * units
                    for j in 0..<units { z[j] = z[j] + b[j] }
                }
            }
        }
        let (z, slope, count) = (y.base + rows.lowerBound * units, s.base + rows.lowerBound * units, rows.count * units)
        switch layer.activation {
        case .linear: break
        case .relu: apply(ScalarActivations.relu, ScalarActivations.reluSlope, z, slope, count)
        case .sigmoid: apply(ScalarActivations.sigmoid, ScalarActivations.sigmoidSlope, z, slope, count)
        case .tanh: apply(ScalarActivations.tanh, ScalarActivations.tanhSlope, z, slope, count)
        case .gelu: apply(ScalarActivations.gelu, ScalarActivations.geluSlope, z, slope, count)
        }
    }

    /// `z ← f(z)` and `s = f′(z, f(z))`, element by element.
    @inline(__always)
    private func apply(
        _ f: (Float) -> Float, _ derivative: (Float, Float) -> Float, _ z: UnsafeMutablePointer<Float>,
        _ s: UnsafeMutablePointer<Float>, _ count: Int
    ) {
        for i in 0..<count {
            let x = z[i]
            let y = f(x)
            z[i] = y
            s[i] = derivative(x, y)
        }
    }

    /// Adds the layer's share into `∂W` and `∂b`, and writes `∂L/∂A` when `inputGradient`
    /// is given (every layer but the first). The two large products run on the two cores
    /// when large: `∂A` on one and `∂W` on the other, or, for the first layer, blocks of
    /// `∂W`'s rows, one per engine thread.
    private func backward(
        _ layer: Dense, input a: ScratchMatrix, upstream u: ScratchMatrix, slopes s: ScratchMatrix,
        inputGradient: ScratchMatrix?, _ batch: Int
    ) {
        guard let kernel = layer.kernel else { preconditionFailure("DenseStackStep needs built layers") }
        let (units, inputs) = (layer.units, a.columns)
        // U ⊙ S, then the bias pullback, column by column (each column's sum keeps its row
        // order), the two halves of the columns on the two cores when large.
        let hasSlopes = layer.activation != .linear
        var biasDelta = [Float](repeating: 0, count: layer.bias == nil ? 0 : units)
        biasDelta.withUnsafeMutableBufferPointer { d in
            let flops = 100 * batch * units
            let split = SharedWork.shares(flops: flops) && units > 1
            let half = split ? (units + 1) / 2 : units
            SharedWork.run(chunks: split ? 2 : 1, flops: flops) { chunk in
                let columns = chunk == 0 ? 0..<half : half..<units
                for row in 0..<batch {
                    let (g, slope) = (u.base + row * units, s.base + row * units)
                    if hasSlopes {
                        for j in columns { g[j] *= slope[j] }
                    }
                    guard d.count > 0 else { continue }
                    for j in columns {
                        let share = g[j] * 1
                        d[j] += share
                        g[j] = 0 + share
                    }
                }
            }
        }
        layer.bias?.accumulateGradient(biasDelta)
        let flops = 2 * batch * inputs * units
        let kernelDelta = [Float](unsafeUninitializedCapacity: kernel.count) { d, initialized in
            /// The rows `rows` of `∂W = Aᵀ·U`.
            func kernelGradient(rows: Range<Int>) {
                gemm(
                    a.base + rows.lowerBound, u.base, into: d.baseAddress! + rows.lowerBound * units, m: rows.count,
                    n: units, k: batch, transposeA: true, transposeB: false, strideA: inputs)
            }
            if let inputGradient {
                kernel.scalars.withUnsafeBufferPointer { w in
                    SharedWork.run(chunks: 2, flops: 2 * flops) { chunk in
                        guard chunk == 0 else { return kernelGradient(rows: 0..<inputs) }
                        gemm(
                            u.base, w.baseAddress!, into: inputGradient.base, m: batch, n: inputs, k: units,
                            transposeA: false, transposeB: true)
                    }
                }
            } else {
                // The first layer has no ∂A: its ∂W's rows are cut in blocks instead.
                let blocks = Self.blocks(inputs, flops: flops)
                SharedWork.run(chunks: blocks.count, flops: flops) { chunk in
                    kernelGradient(rows: blocks[chunk])
                }
            }
            initialized = kernel.count
        }
        kernel.accumulateGradient(kernelDelta)
    }

    /// Makes every scratch matrix hold at least `batch` rows.
    private func reserve(_ batch: Int) {
        guard batch > capacity else { return }
        capacity = batch
        for matrix in outputs + slopes + upstreams + [input, target] { matrix.reserve(rows: batch) }
    }
}
