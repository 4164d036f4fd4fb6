/// A value measured on this machine — a wall time, a speed — that differs from run to run.
/// It is shown like any value but `mlbook check` does not compare it with `_freeze/`.
public struct MeasuredValue: CustomStringConvertible {
    /// The measured value.
    public let value: Any

    /// The value's own description.
    public var description: String { String(describing: value) }
}

/// Marks a value as measured (see `MeasuredValue`), e.g. the inline value `{swift} measured(history.seconds)`.
///
/// - Parameter value: The measured number (or any value).
/// - Returns: The value, marked so `mlbook check` leaves it alone.
public func measured(_ value: Any) -> MeasuredValue {
    MeasuredValue(value: value)
}
