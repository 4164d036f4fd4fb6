extension Tensor {
    /// One-hot rows for whole-number class labels: shape `labels.shape + [classes]`, with 1 at
    /// each label's position and 0 elsewhere (Keras's `to_categorical`).
    ///
    /// ```swift
    /// Tensor.oneHot(Tensor([2, 0]), classes: 3).rows   // [[0, 0, 1], [1, 0, 0]]
    /// ```
    /// - Parameters:
    ///   - labels: Whole-number class labels in `0..<classes`, any shape.
    ///   - classes: The number of classes.
    /// - Returns: A tensor of shape `labels.shape + [classes]`.
    public static func oneHot(_ labels: Tensor, classes: Int) -> Tensor {
        precondition(classes > 0, "oneHot needs at least one class, got \(classes)")
        var scalars = [Float](repeating: 0, count: labels.count * classes)
        for (position, label) in labels.scalars.enumerated() {
            precondition(
                label == label.rounded() && label >= 0 && label < Float(classes),
                "label \(label) at position \(position) is not a class in 0..<\(classes)")
            scalars[position * classes + Int(label)] = 1
        }
        return Tensor(shape: labels.shape + [classes], scalars: scalars)
    }
}
