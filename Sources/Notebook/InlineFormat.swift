import NeuralKit
import SVGCharts

/// How an inline value `` `{swift} expr` `` becomes text: numbers with 4 significant digits,
/// one-element tensors as their number, strings as they are, anything else by `description`.
enum InlineFormat {
    static func format(_ value: Any) -> (text: String, number: Double?, measured: Bool) {
        if let measurement = value as? MeasuredValue {
            let (text, number) = plain(measurement.value)
            return (text, number, true)
        }
        let (text, number) = plain(value)
        return (text, number, false)
    }

    private static func plain(_ value: Any) -> (text: String, number: Double?) {
        switch value {
        case let number as Float: return (formatSignificant(Double(number)), Double(number))
        case let number as Double: return (formatSignificant(number), number)
        case let number as Int: return (String(number), Double(number))
        case let tensor as Tensor where tensor.count == 1:
            return (formatSignificant(Double(tensor.scalar)), Double(tensor.scalar))
        case let text as String: return (text, nil)
        default: return (String(describing: value), nil)
        }
    }
}
