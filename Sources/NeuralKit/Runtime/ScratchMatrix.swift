/// A row-major matrix of `columns` columns and up to `rows` rows, kept from step to step
/// (its contents are whatever the last step wrote).
final class ScratchMatrix {
    let columns: Int
    @exclusivity(unchecked)
    private(set) var base: UnsafeMutablePointer<Float>
    @exclusivity(unchecked)
    private var rows = 0

    init(columns: Int) {
        self.columns = columns
        base = .allocate(capacity: 1)
    }

    deinit { base.deallocate() }

    func reserve(rows: Int) {
        guard rows > self.rows else { return }
        base.deallocate()
        base = .allocate(capacity: Swift.max(rows * columns, 1))
        self.rows = rows
    }

    /// Copies the given rows of the `[samples, columns]` matrix `x`.
    func gatherRows(_ indices: [Int], of x: Tensor) {
        let (samples, columns) = (x.shape[0], columns)
        x.scalars.withUnsafeBufferPointer { source in
            indices.withUnsafeBufferPointer { indices in
                for row in 0..<indices.count {
                    let index = indices[row]
                    precondition(index >= 0 && index < samples, "row \(index) is out of range 0..<\(samples)")
                    (base + row * columns).update(from: source.baseAddress! + index * columns, count: columns)
                }
            }
        }
    }

    /// The first `rows` rows as an array.
    func array(rows: Int) -> [Float] {
        Array(UnsafeBufferPointer(start: base, count: rows * columns))
    }

    /// Overwrites the first `values.count` elements.
    func copy(_ values: [Float]) {
        values.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: $0.count) }
    }
}
