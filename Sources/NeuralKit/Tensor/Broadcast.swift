/// NumPy broadcasting of two shapes: dimensions are aligned from the right; each pair must
/// be equal or contain a 1, which stretches to the other size.
struct Broadcast {
    /// The result's shape.
    let shape: [Int]
    /// Per output dimension, the step in `lhs` (0 where `lhs` is stretched).
    private let lhsStrides: [Int]
    /// Per output dimension, the step in `rhs` (0 where `rhs` is stretched).
    private let rhsStrides: [Int]

    init(_ lhs: [Int], _ rhs: [Int]) {
        let rank = max(lhs.count, rhs.count)
        let paddedLhs = [Int](repeating: 1, count: rank - lhs.count) + lhs
        let paddedRhs = [Int](repeating: 1, count: rank - rhs.count) + rhs
        var shape = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let (a, b) = (paddedLhs[axis], paddedRhs[axis])
            precondition(
                a == b || a == 1 || b == 1, "shapes \(lhs) and \(rhs) do not broadcast")
            shape[axis] = a == 1 ? b : a
        }
        self.shape = shape
        self.lhsStrides = Broadcast.strides(paddedLhs)
        self.rhsStrides = Broadcast.strides(paddedRhs)
    }

    /// Row-major strides with 0 for dimensions of size 1 (so they repeat).
    private static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 0, count: shape.count)
        var step = 1
        for axis in shape.indices.reversed() {
            strides[axis] = shape[axis] == 1 ? 0 : step
            step *= shape[axis]
        }
        return strides
    }

    /// Calls `body(out, l, r)` for every output index with the matching input offsets,
    /// walking the index like an odometer (no division per element).
    @inline(__always)
    func forEachIndex(_ body: (_ out: Int, _ lhs: Int, _ rhs: Int) -> Void) {
        let count = shape.reduce(1, *)
        guard count > 0 else { return }
        guard !shape.isEmpty else { return body(0, 0, 0) }
        let last = shape.count - 1
        var counter = [Int](repeating: 0, count: shape.count)
        var l = 0
        var r = 0
        var out = 0
        let innerSize = shape[last]
        let innerL = lhsStrides[last]
        let innerR = rhsStrides[last]
        while out < count {
            for _ in 0..<innerSize {
                body(out, l, r)
                out += 1
                l += innerL
                r += innerR
            }
            l -= innerL * innerSize
            r -= innerR * innerSize
            var axis = last - 1
            while axis >= 0 {
                counter[axis] += 1
                l += lhsStrides[axis]
                r += rhsStrides[axis]
                if counter[axis] < shape[axis] { break }
                l -= lhsStrides[axis] * shape[axis]
                r -= rhsStrides[axis] * shape[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
    }
}
