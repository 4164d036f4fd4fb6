import Foundation

/// One number (or text) that differs from the recorded results.
public struct Drift: Sendable, Equatable {
    public var location: SourceLocation
    /// What drifted: `output`, `inline history.finalLoss`, `series loss[999]` …
    public var what: String
    public var expected: String
    public var actual: String
    /// `|a − e| / max(|a|, |e|)`, or nil when the difference is not numeric.
    public var relativeError: Double?
}

/// Compares a fresh run with `_freeze/`: numbers within a relative tolerance, everything
/// else exactly. Measured values (times) are skipped.
public struct FreezeComparison {
    public var tolerance: Double
    public var path: String

    public init(tolerance: Double, path: String) {
        self.tolerance = tolerance
        self.path = path
    }

    public func drifts(expected: FreezeRecord, actual: FreezeRecord) -> [Drift] {
        var drifts: [Drift] = []
        if expected.cells.count != actual.cells.count || expected.inlineValues.count != actual.inlineValues.count {
            return [
                Drift(
                    location: SourceLocation(file: path, line: 1), what: "shape of the chapter",
                    expected: "\(expected.cells.count) cells, \(expected.inlineValues.count) inline values",
                    actual: "\(actual.cells.count) cells, \(actual.inlineValues.count) inline values",
                    relativeError: nil)
            ]
        }
        for (old, new) in zip(expected.cells, actual.cells) {
            drifts += cellDrifts(old, new)
        }
        for (old, new) in zip(expected.inlineValues, actual.inlineValues) where !old.measured && !new.measured {
            let location = SourceLocation(file: path, line: new.line)
            if let oldNumber = old.number, let newNumber = new.number {
                drifts += numberDrifts([oldNumber], [newNumber], what: "inline \(new.expression)", at: location)
            } else {
                drifts += textDrifts(old.text, new.text, what: "inline \(new.expression)", at: location)
            }
        }
        return drifts
    }

    private func cellDrifts(_ old: FreezeRecord.CellRecord, _ new: FreezeRecord.CellRecord) -> [Drift] {
        let location = SourceLocation(file: path, line: new.line)
        var drifts: [Drift] = []
        if old.status != new.status {
            drifts.append(
                Drift(
                    location: location, what: "cell status", expected: old.status.rawValue, actual: new.status.rawValue,
                    relativeError: nil))
        }
        drifts += textDrifts(old.output, new.output, what: "output", at: location)
        let oldSeries = Dictionary(old.series.map { ($0.name, $0.values) }, uniquingKeysWith: { a, _ in a })
        for series in new.series {
            drifts += numberDrifts(
                oldSeries[series.name] ?? [], series.values, what: "series \(series.name)", at: location)
        }
        for (index, (oldTable, newTable)) in zip(old.tables, new.tables).enumerated() {
            drifts += numberDrifts(oldTable, newTable, what: "table \(index + 1)", at: location)
        }
        if old.claims != new.claims {
            drifts.append(
                Drift(
                    location: location, what: "claims", expected: describe(old.claims), actual: describe(new.claims),
                    relativeError: nil))
        }
        return drifts
    }

    /// Text must match except for its numbers, which may differ within the tolerance.
    private func textDrifts(_ old: String, _ new: String, what: String, at location: SourceLocation) -> [Drift] {
        guard old != new else { return [] }
        let (oldSkeleton, oldNumbers) = NumberScanner.split(old)
        let (newSkeleton, newNumbers) = NumberScanner.split(new)
        guard oldSkeleton == newSkeleton, oldNumbers.count == newNumbers.count else {
            return [
                Drift(
                    location: location, what: what, expected: abbreviate(old), actual: abbreviate(new),
                    relativeError: nil)
            ]
        }
        return numberDrifts(oldNumbers, newNumbers, what: what, at: location)
    }

    /// The worst relative error of two number lists, if it passes the tolerance.
    private func numberDrifts(_ old: [Double], _ new: [Double], what: String, at location: SourceLocation) -> [Drift] {
        guard old.count == new.count else {
            return [
                Drift(
                    location: location, what: what, expected: "\(old.count) values", actual: "\(new.count) values",
                    relativeError: nil)
            ]
        }
        var worst: (index: Int, error: Double)?
        for index in old.indices {
            let error = Self.relativeError(old[index], new[index])
            if error > tolerance, error > (worst?.error ?? -1) { worst = (index, error) }
        }
        guard let worst else { return [] }
        let label = old.count > 1 ? "\(what)[\(worst.index)]" : what
        return [
            Drift(
                location: location, what: label, expected: String(old[worst.index]), actual: String(new[worst.index]),
                relativeError: worst.error)
        ]
    }

    /// `|a − b| / max(|a|, |b|)`; 0 when equal (NaN equals NaN here), ∞ when one is NaN.
    static func relativeError(_ a: Double, _ b: Double) -> Double {
        if a == b || (a.isNaN && b.isNaN) { return 0 }
        if a.isNaN || b.isNaN || a.isInfinite || b.isInfinite { return .infinity }
        return abs(a - b) / max(abs(a), abs(b))
    }

    private func describe(_ claims: [FreezeRecord.ClaimRecord]) -> String {
        claims.map { "\($0.passed ? "✓" : "✗") \($0.text)" }.joined(separator: "; ")
    }

    private func abbreviate(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "⏎")
        return flat.count > 60 ? String(flat.prefix(57)) + "…" : flat
    }
}

/// Splits text into its non-numeric skeleton and its numbers, so printed results can be
/// compared numerically (`loss = 0.0933` vs `loss = 0.0934`).
enum NumberScanner {
    static func split(_ text: String) -> (skeleton: String, numbers: [Double]) {
        var skeleton = ""
        var numbers: [Double] = []
        var index = text.startIndex
        while index < text.endIndex {
            if let (number, end) = number(in: text, at: index) {
                numbers.append(number)
                skeleton += "#"
                index = end
            } else {
                skeleton.append(text[index])
                index = text.index(after: index)
            }
        }
        return (skeleton, numbers)
    }

    /// A decimal number starting at `start` (sign, digits, fraction, exponent), not preceded
    /// by a letter or digit (so `x2` and `W1` stay text).
    private static func number(in text: String, at start: String.Index) -> (Double, String.Index)? {
        if start > text.startIndex {
            let previous = text[text.index(before: start)]
            if previous.isLetter || previous.isNumber || previous == "_" || previous == "." { return nil }
        }
        var end = start
        func advance(while predicate: (Character) -> Bool) {
            while end < text.endIndex, predicate(text[end]) { end = text.index(after: end) }
        }
        if text[end] == "-" { end = text.index(after: end) }
        let digitsStart = end
        advance { $0.isASCII && $0.isNumber }
        if end < text.endIndex, text[end] == "." {
            let afterDot = text.index(after: end)
            if afterDot < text.endIndex, text[afterDot].isASCII, text[afterDot].isNumber {
                end = afterDot
                advance { $0.isASCII && $0.isNumber }
            }
        }
        guard end > digitsStart else { return nil }
        if end < text.endIndex, text[end] == "e" || text[end] == "E" {
            var exponentEnd = text.index(after: end)
            if exponentEnd < text.endIndex, text[exponentEnd] == "-" || text[exponentEnd] == "+" {
                exponentEnd = text.index(after: exponentEnd)
            }
            let exponentDigits = exponentEnd
            while exponentEnd < text.endIndex, text[exponentEnd].isASCII, text[exponentEnd].isNumber {
                exponentEnd = text.index(after: exponentEnd)
            }
            if exponentEnd > exponentDigits { end = exponentEnd }
        }
        guard let value = Double(text[start..<end]) else { return nil }
        return (value, end)
    }
}
