/// A row-major shape seen as `outer × length × inner` around one axis, so an op along that
/// axis is three nested loops: the scalar at `(o, j, i)` sits at `(o · length + j) · inner + i`.
struct AxisLayout {
    /// The product of the dimensions before the axis.
    let outer: Int
    /// The size of the axis itself.
    let length: Int
    /// The product of the dimensions after the axis.
    let inner: Int

    /// Splits `shape` around `axis` (already normalized to `0..<shape.count`).
    init(_ shape: [Int], axis: Int) {
        outer = shape[..<axis].reduce(1, *)
        length = shape[axis]
        inner = shape[(axis + 1)...].reduce(1, *)
    }

    /// The number of lines along the axis, `outer · inner`.
    var lineCount: Int { outer * inner }

    /// The offset of element `j` of line `line` (lines numbered `o · inner + i`).
    @inline(__always)
    func offset(line: Int, _ j: Int) -> Int {
        let (o, i) = line.quotientAndRemainder(dividingBy: inner)
        return (o * length + j) * inner + i
    }

    /// Calls `body(start, step)` for every line, in line order: element `j` of the line is at
    /// `start + j · step`.
    @inline(__always)
    func forEachLine(_ body: (_ start: Int, _ step: Int) -> Void) {
        for line in 0..<lineCount { body(offset(line: line, 0), inner) }
    }

    /// The shape with the axis removed, or kept with size 1.
    static func reducedShape(_ shape: [Int], axis: Int, keepingDimension: Bool) -> [Int] {
        var reduced = shape
        if keepingDimension { reduced[axis] = 1 } else { reduced.remove(at: axis) }
        return reduced
    }
}
