/// A graph convolution (Kipf & Welling, 2017) over the nodes of one fixed graph:
/// `H' = act(Â·H·W + b)` for node features `H: [nodes, features]`, where
/// `Â = D^{−1/2}(A + I)D^{−1/2}` is the adjacency with self-loops, symmetrically normalized by
/// the degrees `D_ii = Σ_j (A + I)_ij`. Each node's new features mix its own and its
/// neighbours', weighted `1/√(dᵢdⱼ)`; stacking k layers reaches k hops.
///
/// The graph is given at init and `Â` computed once; the rows of the input are the graph's
/// nodes, in order, so `fit` must see them all at once and unshuffled
/// (`fit(x, y, batchSize: nodes, shuffle: false)`). `W` starts Glorot-uniform, `b` at zero
/// (added after `Â`, as in the authors' code).
///
/// ```swift
/// let gcn = GraphConvolution(units: 16, adjacency: A, activation: .relu)   // A: [n, n]
/// gcn(features).shape                                                      // [n, 16]
/// ```
public final class GraphConvolution: Layer {
    /// The number of output features per node.
    public let units: Int
    /// The activation applied last.
    public let activation: Activation
    /// `Â`, shape `[nodes, nodes]`.
    public let normalizedAdjacency: Tensor
    /// `W`, shape `[features, units]`; nil until built.
    public private(set) var kernel: Tensor?
    /// `b`, shape `[units]`; nil until built.
    public private(set) var bias: Tensor?

    /// Creates the layer for the graph with adjacency matrix `adjacency` (`[n, n]`, symmetric,
    /// entries ≥ 0, 1 for an edge); with `inputSize` the weights are drawn now.
    /// - Parameters:
    ///   - units: The number of output features per node, > 0.
    ///   - adjacency: `A`, `[nodes, nodes]`.
    ///   - activation: The function applied last.
    ///   - inputSize: The number of input features; `nil` to learn it at the first call.
    public init(units: Int, adjacency: Tensor, activation: Activation = .linear, inputSize: Int? = nil) {
        precondition(units > 0, "GraphConvolution needs at least one unit, got \(units)")
        self.units = units
        self.activation = activation
        normalizedAdjacency = GraphConvolution.normalize(adjacency)
        if let inputSize { build(inputSize: inputSize) }
    }

    /// `Â = D^{−1/2}(A + I)D^{−1/2}`, Kipf & Welling's renormalization of an adjacency matrix.
    /// - Parameter adjacency: `A`, square, entries ≥ 0.
    /// - Returns: `Â`, of the same shape.
    public static func normalize(_ adjacency: Tensor) -> Tensor {
        precondition(
            adjacency.rank == 2 && adjacency.shape[0] == adjacency.shape[1],
            "an adjacency matrix is square, got \(adjacency.shape)")
        precondition(adjacency.scalars.allSatisfy { $0 >= 0 }, "adjacency weights must be ≥ 0")
        let nodes = adjacency.shape[0]
        var withLoops = adjacency.scalars
        for i in 0..<nodes { withLoops[i * nodes + i] += 1 }
        let inverseRootDegrees = (0..<nodes).map { i in
            1 / withLoops[(i * nodes)..<((i + 1) * nodes)].reduce(0, +).squareRoot()
        }
        for i in 0..<nodes {
            for j in 0..<nodes { withLoops[i * nodes + j] *= inverseRootDegrees[i] * inverseRootDegrees[j] }
        }
        return Tensor(shape: [nodes, nodes], scalars: withLoops)
    }

    private func build(inputSize: Int) {
        kernel = Tensor.glorotUniform(
            [inputSize, units], fanIn: inputSize, fanOut: units, using: &RandomGenerator.global)
        kernel?.requiresGradient = true
        bias = Tensor.zeros([units], requiresGradient: true)
    }

    /// Computes `act(Â·H·W + b)`.
    ///
    /// - Parameter input: The node features `H`, `[nodes, features]`, one row per node of the graph, in order.
    /// - Returns: The new features, `[nodes, units]`.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        let nodes = normalizedAdjacency.shape[0]
        precondition(
            input.rank == 2 && input.shape[0] == nodes,
            "GraphConvolution expects [\(nodes) nodes, features], got \(input.shape) "
                + "(fit with batchSize: \(nodes), shuffle: false)")
        if kernel == nil { build(inputSize: input.shape[1]) }
        guard let kernel, let bias else { preconditionFailure("GraphConvolution weights missing after build") }
        precondition(
            input.shape[1] == kernel.shape[0],
            "GraphConvolution(\(units)) was built for \(kernel.shape[0]) features, got \(input.shape)")
        return activation(normalizedAdjacency.matmul(input.matmul(kernel)) + bias)
    }

    /// `W` and `b` (empty until built).
    public var parameters: [Tensor] { [kernel, bias].compactMap { $0 } }

    /// `"GraphConvolution(units)"`, with the activation when it is not linear.
    public var summaryName: String { "GraphConvolution(\(units)\(activation == .linear ? "" : ", \(activation)"))" }
}
